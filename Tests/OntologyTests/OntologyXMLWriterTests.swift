import Foundation
@testable import Ontology
import Testing
import TestSupport

@Suite("Ontology XML writer (ddx format)")
struct OntologyXMLWriterTests {
    static let schema = RepoFiles.root.appendingPathComponent("Ontologies/ddx-ontology.rng").path

    /// A hand-made document exercising every rule of the conversion.
    static let sample: OntologyDocument = {
        let source = OntologySource(path: "/data/hp-small.owl", format: .owl, name: "HP", version: "2026-02-16",
                                    title: "Human Phenotype Ontology (excerpt)", license: "HPO licence")
        return OntologyDocument(source: source, concepts: [
            Concept(id: "HP:0000118", label: "Phenotypic abnormality", type: .finding),
            Concept(id: "HP:0012735", label: "Cough", type: .symptom,
                    synonyms: [Synonym("Coughing", kind: "layperson"), Synonym("Coughs", kind: "plural_form"),
                               Synonym("Tussis", scope: .related, kind: "obscure_kind"), Synonym("Cough"), Synonym("  ")],
                    definition: "Sudden expulsion of air.",
                    xrefs: [Xref("UMLS:C0010200"), Xref("MSH:D003371", match: .broad), Xref("Fyler:4316"),
                            Xref("SNOMEDCT_US:49727002", match: .exact), Xref("http://example.org/x")],
                    parents: ["HP:0000118", "HP:9999999"]),
            Concept(id: "HP:0031246", label: "Nonproductive cough", parents: ["HP:0012735"]),
            Concept(id: "MONDO:0005249", label: "Pneumonia", type: .disease,
                    relations: [ConceptRelation(.presentsWith, target: "HP:0012735", frequency: "frequent",
                                                evidence: "curated", source: "PMID:12345"),
                                ConceptRelation(.presentsWith, target: "HP:0001945", frequency: "often"),
                                ConceptRelation(.hasMaterialBasisIn, target: "HP:0000118"),
                                ConceptRelation(.causes, target: "label:fever"),
                                ConceptRelation(.causes, target: "HP:0000001")]),
            Concept(id: "CHEBI:6000", label: "guaifenesin", type: .drug,
                    relations: [ConceptRelation(.therapeuticUse, target: "HP:0012735", source: "not a curie"),
                                ConceptRelation(.pharmacologicalAction, target: "MONDO:0005249")]),
            Concept(id: "HP:0000001", label: "All (obsolete)", isObsolete: true),
            Concept(id: "XYZ:1", label: "Orphan <script>alert(\"x\") & 'y'</script>\u{7}",
                    definition: "Tab\there, CR\rthere & more <b>bold</b>"),
            Concept(id: "xyz:1", label: "Same slug as XYZ:1", type: .test),
        ])
    }()

    private func roundTrip(_ documents: [OntologyDocument], writer: OntologyXMLWriter = OntologyXMLWriter())
        throws -> (text: String, report: ConversionReport, loaded: OntologyDocument, schemaErrors: [OntologyError]) {
        let (text, report) = writer.write(documents)
        return try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("out.xml").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let loaded = try NativeOntologyImporter().read(path: path)
            let errors = try SchemaValidator(schema: Self.schema).validate(file: path)
            return (text, report, loaded, errors)
        }
    }

    @Test("local ids are reversible slugs of the CURIEs, unique")
    func localIDs() {
        #expect(LocalIDAllocator.slug("HP:0012735") == "hp-0012735")
        #expect(LocalIDAllocator.slug("ICD10CM:R05.3") == "icd10cm-r05-3")
        #expect(LocalIDAllocator.slug("ICD10CM:R00-R09") == "icd10cm-r00-r09")
        #expect(LocalIDAllocator.slug("ddx-core:cough") == "ddx-core-cough")
        #expect(LocalIDAllocator.slug("::") == "concept")
        var ids = LocalIDAllocator()
        #expect(ids.allocate("A:1") == "a-1")
        #expect(ids.allocate("a:1") == "a-1-2")
        #expect(ids.allocate("A.1") == "a-1-3")
        #expect(ids.renamed == 2)
    }

    @Test("the output loads back with the native importer and validates against the RELAX NG schema")
    func roundTripSample() throws {
        let result = try roundTrip([Self.sample])
        #expect(result.schemaErrors.isEmpty, "\(result.schemaErrors)")
        let loaded = result.loaded
        #expect(loaded.source.name == "hp")
        #expect(loaded.source.version == "2026-02-16")
        #expect(loaded.source.title == "Human Phenotype Ontology (excerpt)")
        #expect(loaded.source.license == "HPO licence")
        #expect(loaded.concepts.map(\.id) == ["hp:hp-0000118", "hp:hp-0012735", "hp:hp-0031246", "hp:mondo-0005249",
                                              "hp:chebi-6000", "hp:xyz-1", "hp:xyz-1-2"])
        let byID = Dictionary(uniqueKeysWithValues: loaded.concepts.map { ($0.id, $0) })
        let cough = try #require(byID["hp:hp-0012735"])
        #expect(cough.label == "Cough")
        #expect(cough.type == .symptom)
        #expect(cough.synonyms == [Synonym("Coughing", kind: "layperson"), Synonym("Coughs", kind: "plural"),
                                   Synonym("Tussis", scope: .related)])
        #expect(cough.definition == "Sudden expulsion of air.")
        #expect(cough.xrefs == [Xref("HP:0012735", match: .exact), Xref("UMLS:C0010200", match: .exact),
                                Xref("MESH:D003371", match: .broad), Xref("SNOMEDCT:49727002", match: .exact)])
        #expect(cough.parents == ["hp:hp-0000118"])
        #expect(byID["hp:hp-0031246"]?.parents == ["hp:hp-0012735"])
        #expect(byID["hp:mondo-0005249"]?.relations == [
            ConceptRelation(.presentsWith, target: "hp:hp-0012735", frequency: "frequent", evidence: "curated",
                            source: "PMID:12345"),
        ])
        #expect(byID["hp:chebi-6000"]?.relations.map(\.kind) == [.treats])
        #expect(byID["hp:chebi-6000"]?.relations.first?.source == nil)
        #expect(byID["hp:xyz-1"]?.xrefs == [])
    }

    @Test("types: kept, inferred from the nearest typed ancestor, else finding; all counted")
    func typesAndReport() throws {
        let result = try roundTrip([Self.sample])
        let byID = Dictionary(uniqueKeysWithValues: result.loaded.concepts.map { ($0.id, $0) })
        #expect(byID["hp:hp-0031246"]?.type == .symptom)  // from Cough
        #expect(byID["hp:xyz-1"]?.type == .finding)        // no parents
        var expected = ConversionReport()
        expected.written = 7
        expected.skippedObsolete = 1
        expected.droppedXrefs = 2          // Fyler:4316, the URL
        expected.droppedParents = 1        // HP:9999999
        expected.droppedRelations = 5      // unknown target, has_material_basis_in, label:, obsolete target, pharmacological_action
        expected.inferredTypes = 1
        expected.defaultedTypes = 1
        expected.renamedIDs = 1
        #expect(result.report == expected)
        #expect(result.report.summary.hasPrefix("wrote 7 concepts; 1 obsolete skipped"))
    }

    @Test("an untyped grouping node takes the commonest type below it; an untyped leaf then takes its group's")
    func groupingTypes() throws {
        let source = OntologySource(path: "g.xml", format: .owl, name: "MONDO")
        let document = OntologyDocument(source: source, concepts: [
            Concept(id: "MONDO:1", label: "group"),
            Concept(id: "MONDO:2", label: "a", type: .disease, parents: ["MONDO:1"]),
            Concept(id: "MONDO:3", label: "b", type: .disease, parents: ["MONDO:1"]),
            Concept(id: "MONDO:4", label: "c", type: .symptom, parents: ["MONDO:1"]),
            Concept(id: "MONDO:5", label: "untyped leaf", parents: ["MONDO:1"]),
            Concept(id: "MONDO:6", label: "untyped child of a typed concept", parents: ["MONDO:4"]),
        ])
        let result = try roundTrip([document])
        #expect(result.loaded.concepts.map(\.type) == [.disease, .disease, .disease, .symptom, .disease, .symptom])
        #expect(result.report.inferredTypes == 3)
        #expect(result.report.defaultedTypes == 0)
    }

    @Test("text and attributes are escaped; characters XML 1.0 forbids are removed")
    func escaping() throws {
        let result = try roundTrip([Self.sample])
        #expect(result.text.contains("<label>Orphan &lt;script&gt;alert(&quot;x&quot;) &amp; 'y'&lt;/script&gt;</label>"))
        #expect(!result.text.contains("\u{7}"))
        let orphan = try #require(result.loaded.concepts.first { $0.id == "hp:xyz-1" })
        #expect(orphan.label == "Orphan <script>alert(\"x\") & 'y'</script>")
        #expect(orphan.definition == "Tab here, CR there & more <b>bold</b>")  // the importer collapses whitespace
        #expect(XMLEscaping.escape("a\"b\nc") == "a&quot;b&#10;c")
        #expect(XMLEscaping.escape("ok \u{FFFE}\u{1}text") == "ok text")
        #expect(XMLEscaping.escape("plain text") == "plain text")
    }

    @Test("a label XML cannot hold falls back to the source id, then to the local id; the file reads back")
    func unwritableLabels() throws {
        let source = OntologySource(path: "x.obo", format: .obo, name: "hp")
        let document = OntologyDocument(source: source, concepts: [
            Concept(id: "HP:0000002", label: "\u{1}\u{0}\u{FFFE}", type: .finding),  // found by fuzzing (OBO)
            Concept(id: "\u{1}\u{0}\u{0}", label: "", type: .finding),
            Concept(id: "HP:0000003", label: "", type: .finding),
        ])
        let result = try roundTrip([document])
        #expect(result.schemaErrors.isEmpty)
        let labels = Set(result.loaded.concepts.map(\.label))
        #expect(labels.contains("HP:0000002"))
        #expect(labels.contains("HP:0000003"))
        #expect(result.loaded.concepts.count == 3)
        #expect(result.loaded.concepts.allSatisfy { !$0.label.isEmpty })
    }

    @Test("meta: options override the source; description names the converted file and format")
    func meta() throws {
        let writer = OntologyXMLWriter(ontologyID: "My HP Copy", version: "1.0", title: "Copy", license: "CC0-1.0")
        let result = try roundTrip([Self.sample], writer: writer)
        #expect(result.loaded.source.name == "my-hp-copy")
        #expect(result.loaded.source.version == "1.0")
        #expect(result.loaded.source.license == "CC0-1.0")
        #expect(result.text.contains("<description>Converted by ddx from hp-small.owl (OWL RDF/XML, version 2026-02-16).</description>"))
        #expect(result.text.contains("<source prefix=\"HP\" version=\"2026-02-16\"/>"))
        #expect(result.text.contains("<source prefix=\"UMLS\" version=\"unspecified\"/>"))
        #expect(result.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ontology xmlns=\"urn:x-ddx:ontology:1\""))
        let bare = OntologyXMLWriter().write(OntologyDocument(source: OntologySource(path: "x.xml", format: .mesh, name: "MESH"),
                                                              concepts: [Concept(id: "MESH:D1", label: "A", type: .drug)]))
        #expect(bare.text.contains("<license>see source</license>"))
        #expect(bare.text.contains("version=\"unversioned\""))
    }

    @Test("ICD-10-CM excerpt → ddx XML → back: same labels, synonyms and parents; codes kept as xrefs")
    func icd10cmRoundTrip() throws {
        let document = try ICD10CMImporter().read(path: RepoFiles.ontologyFixture("icd10cm-tabular-excerpt.xml"))
        let result = try roundTrip([document])
        #expect(result.schemaErrors.isEmpty, "\(result.schemaErrors)")
        try expectSameContent(document, result.loaded)
        let byID = Dictionary(uniqueKeysWithValues: result.loaded.concepts.map { ($0.id, $0) })
        #expect(byID["icd10cm:icd10cm-r05-3"]?.xrefs == [Xref("ICD10CM:R05.3", match: .exact)])
        #expect(byID["icd10cm:icd10cm-chapter-10"]?.type == .disease)  // from its categories
        #expect(byID["icd10cm:icd10cm-r00-r09"]?.type == .symptom)
        #expect(byID["icd10cm:icd10cm-chapter-18"]?.type == .symptom)  // 2 symptom and 2 finding categories: tie
        #expect(byID["icd10cm:icd10cm-z00-0"]?.type == .finding)  // Z codes: nothing typed around them
        #expect(result.report.inferredTypes == 9)  // chapters 10, 18, 19 and six sections
        #expect(result.report.defaultedTypes == 4)  // chapter 21, Z00-Z13, Z00, Z00.0
        #expect(result.report.droppedXrefs == 0 && result.report.droppedRelations == 0)
        #expect(OntologyLinter().problems(in: result.loaded).isEmpty)  // every is_a joins compatible types
    }

    @Test("MeSH and ClaML excerpts round-trip too; pharmacological actions are dropped and counted")
    func meshAndClaMLRoundTrip() throws {
        let mesh = try MeSHImporter().read(path: RepoFiles.ontologyFixture("mesh-desc2025-excerpt.xml"))
        let claml = try ClaMLImporter().read(path: RepoFiles.ontologyFixture("claml-icd10-who-excerpt.xml"))
        for document in [mesh, claml] {
            let result = try roundTrip([document])
            #expect(result.schemaErrors.isEmpty, "\(result.schemaErrors)")
            try expectSameContent(document, result.loaded)
        }
        #expect(OntologyLinter().problems(in: try roundTrip([claml]).loaded).isEmpty)
        #expect(OntologyXMLWriter().write(mesh).report.droppedRelations == 1)
        // Merging both: one ontology, ids from both sources, no clashes.
        let merged = try roundTrip([mesh, claml], writer: OntologyXMLWriter(ontologyID: "merged"))
        #expect(merged.loaded.concepts.count == mesh.concepts.count + claml.concepts.count)
        #expect(merged.schemaErrors.isEmpty, "\(merged.schemaErrors)")
    }

    /// The converted concepts carry the original labels, synonyms (label and repeats left out) and parents.
    private func expectSameContent(_ original: OntologyDocument, _ loaded: OntologyDocument) throws {
        let ontology = loaded.source.name
        #expect(loaded.concepts.count == original.concepts.count)
        for (a, b) in zip(original.concepts, loaded.concepts) {
            #expect(b.id == ontology + ":" + LocalIDAllocator.slug(a.id))
            #expect(b.label == a.label)
            #expect(b.synonyms.map(\.text) == a.synonyms.map(\.text).filter { $0 != a.label })
            #expect(b.synonyms.map(\.scope) == a.synonyms.filter { $0.text != a.label }.map(\.scope))
            #expect(b.parents == a.parents.map { ontology + ":" + LocalIDAllocator.slug($0) })
            #expect(b.definition == a.definition)
            if let type = a.type { #expect(b.type == type) }
        }
    }
}
