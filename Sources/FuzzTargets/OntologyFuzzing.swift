import Foundation
import Ontology

/// Fuzzing of the ontology importers (libxml2 streaming readers for ddx XML, OWL, MeSH, ICD-10-CM and ClaML; the
/// OBO text reader) and of what is built on an imported document: format detection, the merged index, the term
/// matcher, the linter, and conversion to ddx XML, which must read back.
enum OntologyFuzzing {
    static let targets: [FuzzTarget] = OntologyFormat.allCases.map { format in
        FuzzTarget(name: "ontology-\(format.rawValue)",
                   summary: "the \(format.rawValue) importer, detection, index, matcher, linter, conversion round trip",
                   seedDirectories: ["Tests/OntologyTests/Fixtures", "Ontologies"], maxInputLength: 16_384) { input in
            try run(input, format: format)
        }
    }

    /// The importers read files: each input is written to this process's scratch file first.
    private static let scratch: URL = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }()

    static func run(_ input: [UInt8], format: OntologyFormat) throws {
        let name = "ontology-\(format.rawValue)"
        let ending = format == .obo ? "obo" : format == .owl ? "owl" : "xml"
        let path = scratch.appendingPathComponent("input.\(ending)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(input)) else {
            throw FuzzViolation(name, "cannot write the scratch file \(path)")
        }
        _ = try? OntologyLoader().load(file: path)
        guard let document = try? OntologyLoader().load(file: path, format: format) else { return }
        let index = OntologyIndex(documents: [document])
        for concept in document.concepts.prefix(50) {
            try FuzzViolation.require(index.concept(id: concept.id) != nil, name,
                                      "imported concept \(concept.id.debugDescription) is missing from the index")
        }
        _ = OntologyLinter().problems(in: document)
        let matcher = TermMatcher(concepts: document.concepts)
        _ = matcher.candidates(for: "chronic cough")
        _ = matcher.scan("Cough -> Postnasal drip -> Upper airway cough syndrome")

        let converted = OntologyXMLWriter().write(document).text
        let convertedPath = scratch.appendingPathComponent("converted.xml").path
        guard FileManager.default.createFile(atPath: convertedPath, contents: Data(converted.utf8)) else {
            throw FuzzViolation(name, "cannot write the scratch file \(convertedPath)")
        }
        do {
            _ = try OntologyLoader().load(file: convertedPath, format: .ddx)
        } catch {
            throw FuzzViolation(name, "the document converted to ddx XML does not read back: \(error)")
        }
    }
}
