import Ontology

/// `ddx ontology convert`: any supported source into ddx's own XML format, written atomically.
public enum OntologyConversion {
    /// Reads `inputs`, writes the converted XML to `output` (`-` for standard output) and returns the report.
    public static func run(inputs: [String], output: String, id: String?, version: String?, title: String?,
                           license: String?) throws -> ConversionReport {
        let loader = OntologyLoader()
        let documents: [OntologyDocument]
        do {
            documents = try inputs.flatMap { try loader.files(at: $0) }.map { try loader.load(file: $0) }
        } catch let e as OntologyError {
            throw InputError(e.description)
        }
        if let id, !id.isEmpty, !id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            throw InputError("--id '\(id)': use lower-case letters, digits and hyphens")
        }
        let writer = OntologyXMLWriter(ontologyID: id, version: version, title: title, license: license)
        let (text, report) = writer.write(documents)
        guard report.written > 0 else {
            throw InputError("\(inputs.joined(separator: ", ")): no concepts to convert (all obsolete or none found)")
        }
        try AtomicFileWriter.write(Array(text.utf8), to: output)
        return report
    }
}
