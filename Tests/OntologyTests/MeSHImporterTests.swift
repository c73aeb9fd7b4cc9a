import Foundation
@testable import Ontology
import Testing
import TestSupport

@Suite("MeSH descriptor importer")
struct MeSHImporterTests {
    static let excerpt = RepoFiles.ontologyFixture("mesh-desc2025-excerpt.xml")
    static let sample2006 = RepoFiles.shared("ontologies/mesh/xml2006sample.xml")

    private func load(_ path: String = excerpt) throws -> [String: Concept] {
        let document = try MeSHImporter().read(path: path)
        return Dictionary(uniqueKeysWithValues: document.concepts.map { ($0.id, $0) })
    }

    @Test("reads every descriptor of the 2025-shaped excerpt, in file order, with the DTD year as version")
    func readsExcerpt() throws {
        let document = try MeSHImporter().read(path: Self.excerpt)
        #expect(document.concepts.map(\.id) == ["MESH:D012140", "MESH:D012816", "MESH:D012818", "MESH:D003371",
                                                "MESH:D005334", "MESH:D005100", "MESH:D006140"])
        #expect(document.source.format == .mesh)
        #expect(document.source.name == "MESH")
        #expect(document.source.version == "2025")
        #expect(document.source.title?.contains("(eng)") == true)
    }

    @Test("label, definition and synonyms: preferred concept exact, narrower concept narrow, label not repeated")
    func coughTerms() throws {
        let cough = try #require(try load()["MESH:D003371"])
        #expect(cough.label == "Cough")
        #expect(cough.definition?.hasPrefix("A sudden, audible expulsion of air from the LUNGS") == true)
        #expect(cough.definition?.contains("\n") == false)
        #expect(cough.synonyms == [Synonym("Coughs"), Synonym("Nonproductive Cough", scope: .narrow),
                                   Synonym("Dry Cough", scope: .narrow)])
    }

    @Test("qualifier names, see-related and entry-combination descriptors are not taken")
    func ignoresOtherLists() throws {
        let concepts = try load()
        let texts = concepts.values.flatMap { $0.synonyms.map(\.text) }
        #expect(!texts.contains("blood") && !texts.contains("administration & dosage"))
        #expect(concepts["MESH:D003371"]!.relations.isEmpty)  // SeeRelatedList → D012816
        let guaifenesin = try #require(concepts["MESH:D006140"])
        #expect(guaifenesin.relations == [ConceptRelation(.pharmacologicalAction, target: "MESH:D005100",
                                                          evidence: "curated")])
    }

    @Test("tree numbers give parents through the owner of the parent tree number, deduplicated; absent ones are skipped")
    func parents() throws {
        let concepts = try load()
        #expect(concepts["MESH:D003371"]!.parents == ["MESH:D012818"])  // C08.618 and C23.888.852
        #expect(concepts["MESH:D012818"]!.parents == ["MESH:D012140", "MESH:D012816"])
        #expect(concepts["MESH:D012140"]!.parents.isEmpty)  // top-level C08
        #expect(concepts["MESH:D012816"]!.parents.isEmpty)  // C23 not in the file
        #expect(concepts["MESH:D005334"]!.parents.isEmpty)  // C23.888.119 not in the file
    }

    @Test("types follow the trees: C23.888 symptom wins over C08 disease; D drug; C disease")
    func types() throws {
        let concepts = try load()
        #expect(concepts["MESH:D003371"]!.type == .symptom)
        #expect(concepts["MESH:D005334"]!.type == .symptom)
        #expect(concepts["MESH:D012816"]!.type == .symptom)
        #expect(concepts["MESH:D012140"]!.type == .disease)
        #expect(concepts["MESH:D005100"]!.type == .drug)
        #expect(MeSHTreeTypes.type(of: ["C23.550.470"]) == .finding)
        #expect(MeSHTreeTypes.type(of: ["E01.370.386"]) == .test)
        #expect(MeSHTreeTypes.type(of: ["E02.190", "E04.100"]) == .procedure)
        #expect(MeSHTreeTypes.type(of: ["G09.772"]) == .mechanism)
        #expect(MeSHTreeTypes.type(of: ["A04.411"]) == .anatomy)
        #expect(MeSHTreeTypes.type(of: ["F03.600.300"]) == .disease)
        #expect(MeSHTreeTypes.type(of: ["B03.440", "Z01.252"]) == nil)
        #expect(MeSHTreeTypes.type(of: ["D27.505", "C08.381"]) == .disease)
    }

    @Test("non-preferred concepts: no relation name means related; trade names are kind brand")
    func relationScopesAndKinds() throws {
        let guaifenesin = try #require(try load()["MESH:D006140"])
        #expect(guaifenesin.synonyms.last == Synonym("Robitussin", scope: .related, kind: "brand"))
        #expect(MeSHRecord.kind(lexicalTag: "ABB") == "abbreviation")
        #expect(MeSHRecord.kind(lexicalTag: "NON") == nil)
    }

    @Test("elements in foreign namespaces are ignored, whole records included")
    func decoys() throws {
        let document = try MeSHImporter().read(path: RepoFiles.ontologyFixture("mesh-decoys.xml"))
        #expect(document.concepts.count == 1)
        let fever = try #require(document.concepts.first)
        #expect(fever.id == "MESH:D005334")
        #expect(fever.label == "Fever")
        #expect(fever.synonyms == [Synonym("Pyrexia")])
        #expect(fever.definition == "An abnormal elevation of body temperature, usually as a result of a pathologic process.")
        #expect(fever.type == .symptom)
        #expect(fever.relations.isEmpty)
        #expect(document.source.version == "2025")  // from nlmdescriptorrecordset_20250101.dtd, never fetched
    }

    @Test("a DTD beside the file is never loaded (loading this one would fail)")
    func dtdNotLoaded() throws {
        let document = try MeSHImporter().read(path: RepoFiles.ontologyFixture("mesh-dtd-beside.xml"))
        #expect(document.concepts.map(\.label) == ["Cough"])
    }

    @Test("malformed XML is an error naming the file and line")
    func malformed() throws {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("bad.xml").path
            let text = "<?xml version=\"1.0\"?>\n<DescriptorRecordSet>\n<DescriptorRecord>\n"
                + "  <DescriptorUI>D1</DescriptorUI>\n  <DescriptorName><String>X</DescriptorName>\n"
                + "</DescriptorRecord>\n</DescriptorRecordSet>\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: OntologyError.self) { try MeSHImporter().read(path: path) }
            #expect(error.path == path)
            #expect(error.line == 5)
        }
    }

    @Test("a DOCTYPE declaring an entity is refused (XXE)")
    func entityRefused() throws {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("xxe.xml").path
            let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE DescriptorRecordSet [\n"
                + "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n<DescriptorRecordSet>\n<DescriptorRecord>\n"
                + "  <DescriptorUI>D1</DescriptorUI>\n  <DescriptorName><String>&xxe;</String></DescriptorName>\n"
                + "</DescriptorRecord>\n</DescriptorRecordSet>\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: OntologyError.self) { try MeSHImporter().read(path: path) }
            #expect(error.path == path)
            #expect(error.line != nil)
            #expect(error.message.contains("entit"))
        }
    }

    @Test("a record without a DescriptorUI, and a repeated descriptor, are errors naming the line")
    func structuralErrors() throws {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("dup.xml").path
            let name = "<DescriptorName><String>X</String></DescriptorName>\n"
            let record = "<DescriptorRecord>\n <DescriptorUI>D1</DescriptorUI>\n " + name + "</DescriptorRecord>\n"
            try Data(("<DescriptorRecordSet>\n" + record + record + "</DescriptorRecordSet>\n").utf8)
                .write(to: URL(fileURLWithPath: path))
            let duplicate = try #require(throws: OntologyError.self) { try MeSHImporter().read(path: path) }
            #expect(duplicate.line == 6)
            #expect(duplicate.message.contains("D1"))
            try Data(("<DescriptorRecordSet>\n<DescriptorRecord>\n" + name + "</DescriptorRecord>\n</DescriptorRecordSet>\n").utf8)
                .write(to: URL(fileURLWithPath: path))
            let missing = try #require(throws: OntologyError.self) { try MeSHImporter().read(path: path) }
            #expect(missing.line == 2)
        }
    }

    @Test("OntologyLoader detects MeSH and dispatches here")
    func loaderDispatch() throws {
        let document = try OntologyLoader().load(file: Self.excerpt)
        #expect(document.source.format == .mesh)
        #expect(document.concepts.count == 7)
    }

    @Test("the real 2006 NLM sample (shared folder): Calcimycin, with its DTD beside it not loaded",
          .enabled(if: sample2006 != nil, "../shared/ontologies/mesh is not present"))
    func realSample2006() throws {
        let document = try MeSHImporter().read(path: try #require(Self.sample2006))
        #expect(document.source.version == "2006")
        let calcimycin = try #require(document.concepts.first)
        #expect(document.concepts.count == 1)
        #expect(calcimycin.id == "MESH:D000001")
        #expect(calcimycin.label == "Calcimycin")
        #expect(calcimycin.type == .drug)  // D03.438.221.173
        // Permuted terms ("A 23187", "A23187, Antibiotic") are skipped; the A-23187 concept is narrower (NRW).
        #expect(calcimycin.synonyms.map(\.text) == ["A-23187", "Antibiotic A23187", "A23187"])
        #expect(calcimycin.synonyms.allSatisfy { $0.scope == .narrow })
        #expect(calcimycin.definition?.hasPrefix("An ionophorous, polyether antibiotic") == true)
        #expect(calcimycin.xrefs == [Xref("UMLS:C0000699", match: .exact)])
        #expect(calcimycin.relations.map(\.target) == ["MESH:D000900", "MESH:D007476"])
        #expect(calcimycin.relations.allSatisfy { $0.kind == .pharmacologicalAction })
    }
}
