/// Works out an ontology file's format from its first bytes and root element.
enum OntologyFormatDetector {
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    static func detect(path: String) throws -> OntologyFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".obo") || lower.hasSuffix(".obo.gz") { return .obo }
        let reader = try XMLStreamReader(path: path)
        do {
            while try reader.read() {
                guard reader.kind == .element else { continue }
                let ns = reader.namespaceURI
                switch (ns, reader.localName) {
                case (NativeOntologyImporter.namespace?, "ontology"): return .ddx
                case (rdfNamespace?, "RDF"): return .owl
                case (nil, "DescriptorRecordSet"), (nil, "DescriptorRecord"): return .mesh
                case (nil, "ICD10CM.tabular"): return .icd10cm
                case (nil, "ClaML"): return .claml
                default:
                    throw reader.error("unrecognised root element <\(reader.localName)>\(ns.map { " in namespace \($0)" } ?? "") (expected a ddx ontology, OWL RDF/XML, MeSH, ICD-10-CM tabular or ClaML file)")
                }
            }
        } catch let error as OntologyError where error.line == 1 || error.line == nil {
            // Not XML at all: perhaps OBO text without the .obo extension.
            if (try? CompressedFile.readPrefix(path, count: 64)).map(OBOSniffer.looksLikeOBO) == true { return .obo }
            throw error
        }
        throw OntologyError(path: path, "empty document: no root element")
    }
}

/// Recognises OBO flat files by their header.
enum OBOSniffer {
    static func looksLikeOBO(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("format-version:") || text.hasPrefix("[Term]") || text.hasPrefix("data-version:")
    }
}
