import Foundation

/// A synthetic OWL RDF/XML file in the OWLAPI/ROBOT layout that HPO and DO use (classes with labels,
/// definitions, exact/related synonyms with `owl:Axiom` synonym types, database xrefs, `subClassOf`
/// parents and `owl:Restriction` relations), for `ddx bench ontology --generate-mib N`. Deterministic.
public enum OWLBenchmarkInput {
    static let words = ["abnormal", "morphology", "renal", "cortex", "increased", "decreased", "cardiac",
                        "ventricle", "hypoplasia", "dysplasia", "aplasia", "atrophy", "pulmonary", "artery",
                        "skeletal", "muscle", "weakness", "retinal", "degeneration", "hepatic", "fibrosis",
                        "cerebral", "white", "matter", "lesion", "facial", "asymmetry", "joint", "laxity",
                        "short", "stature", "intellectual", "disability", "seizure", "focal", "generalized",
                        "skin", "rash", "erythema", "nodule", "cyst", "thyroid", "hormone", "level", "serum"]

    /// Writes the file (about `bytes` long) to `path` and returns the number of classes written.
    @discardableResult
    public static func write(to path: String, bytes: Int) throws -> Int {
        let obo = "http://purl.obolibrary.org/obo/"
        var out = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns="\(obo)bench.owl#"
             xml:base="\(obo)bench.owl"
             xmlns:obo="\(obo)"
             xmlns:owl="http://www.w3.org/2002/07/owl#"
             xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns:xml="http://www.w3.org/XML/1998/namespace"
             xmlns:xsd="http://www.w3.org/2001/XMLSchema#"
             xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
             xmlns:oboInOwl="http://www.geneontology.org/formats/oboInOwl#">
            <owl:Ontology rdf:about="\(obo)bench.owl">
                <owl:versionIRI rdf:resource="\(obo)bench/releases/2026-11-21/bench.owl"/>
            </owl:Ontology>

        """
        var rng = SplitMix64(seed: 7)
        func phrase(_ n: Int) -> String {
            (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        func iri(_ i: Int) -> String {
            let digits = String(i)
            return obo + "HP_" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        }
        let handle = try AtomicChunkWriter(path: path)
        var classes = 0
        var written = 0
        while written < bytes {
            classes += 1
            let id = iri(classes)
            let curie = "HP:" + id.suffix(7)
            let label = phrase(3)
            let synonym = phrase(2)
            var block = "    <!-- \(id) -->\n    <owl:Class rdf:about=\"\(id)\">\n"
            if classes > 1 { block += "        <rdfs:subClassOf rdf:resource=\"\(iri(max(1, classes / 3)))\"/>\n" }
            if classes % 5 == 0 {
                block += """
                        <rdfs:subClassOf>
                            <owl:Restriction>
                                <owl:onProperty rdf:resource="\(obo)RO_0002452"/>
                                <owl:someValuesFrom rdf:resource="\(iri(max(1, classes - 4)))"/>
                            </owl:Restriction>
                        </rdfs:subClassOf>

                """
            }
            block += "        <obo:IAO_0000115>\(phrase(14)).</obo:IAO_0000115>\n"
            block += "        <oboInOwl:hasDbXref>UMLS:C\(1_000_000 + classes)</oboInOwl:hasDbXref>\n"
            block += "        <oboInOwl:hasDbXref>SNOMEDCT_US:\(40_000_000 + classes * 7)</oboInOwl:hasDbXref>\n"
            block += "        <oboInOwl:hasExactSynonym>\(synonym)</oboInOwl:hasExactSynonym>\n"
            block += "        <oboInOwl:hasRelatedSynonym>\(phrase(2))</oboInOwl:hasRelatedSynonym>\n"
            block += "        <oboInOwl:id>\(curie)</oboInOwl:id>\n"
            block += "        <rdfs:label xml:lang=\"en\">\(label)</rdfs:label>\n    </owl:Class>\n"
            block += """
                <owl:Axiom>
                    <owl:annotatedSource rdf:resource="\(id)"/>
                    <owl:annotatedProperty rdf:resource="http://www.geneontology.org/formats/oboInOwl#hasExactSynonym"/>
                    <owl:annotatedTarget>\(synonym)</owl:annotatedTarget>
                    <oboInOwl:hasSynonymType rdf:resource="\(obo)hp#layperson"/>
                </owl:Axiom>


            """
            out += block
            if out.utf8.count > 1 << 20 {
                written += out.utf8.count
                try handle.append(out)
                out = ""
            }
        }
        out += "</rdf:RDF>\n"
        try handle.append(out)
        try handle.finish()
        return classes
    }
}

/// Streams a large generated file to a temporary sibling and renames it into place when finished.
final class AtomicChunkWriter {
    private let handle: FileHandle
    private let path: String
    private let temporary: String

    init(path: String) throws {
        self.path = path
        temporary = path + ".ddx-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw InputError("\(path): cannot create the file")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
    }

    func append(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    func finish() throws {
        try handle.close()
        if rename(temporary, path) != 0 { throw InputError("\(path): cannot move the generated file into place") }
    }
}
