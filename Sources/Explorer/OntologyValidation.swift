import Ontology

/// `ddx ontology validate`: schema and coherence checks for ddx XML, a full load for other formats.
public struct OntologyValidation: Sendable {
    public var lines: [String]
    public var files: Int
    public var failures: Int

    public static func run(paths: [String], schema: String?) throws -> OntologyValidation {
        let loader = OntologyLoader()
        var result = OntologyValidation(lines: [], files: 0, failures: 0)
        let validator: SchemaValidator?
        do { validator = try schema.map { try SchemaValidator(schema: $0) } } catch let e as OntologyError {
            throw InputError(e.description)
        }
        let files: [String]
        do { files = try paths.flatMap { try loader.files(at: $0) } } catch let e as OntologyError { throw InputError(e.description) }
        for file in files {
            result.files += 1
            var problems: [String] = []
            var summary = ""
            do {
                let document = try loader.load(file: file)
                summary = "\(document.source.format.displayName), \(document.concepts.count) concepts"
                if document.source.format == .ddx {
                    if let validator {
                        problems += try validator.validate(file: file).map(\.description)
                    } else {
                        problems.append("\(file): no RELAX NG schema found (pass --schema); schema not checked")
                    }
                    problems += OntologyLinter().problems(in: document).map { "\(file): \($0)" }
                }
            } catch let e as OntologyError {
                problems.append(e.description)
            }
            if problems.isEmpty {
                result.lines.append("\(file): valid (\(summary))")
            } else {
                result.failures += 1
                result.lines.append(contentsOf: problems)
            }
        }
        return result
    }
}
