import Foundation
@testable import Ontology
import Testing
import TestSupport

@Suite("OBO 1.4 importer")
struct OBOImporterTests {
    static let allTags = RepoFiles.ontologyFixture("obo-all-tags.obo")

    private func load(_ path: String = allTags) throws -> OntologyDocument {
        try OBOImporter().read(path: path)
    }

    private func concepts() throws -> [String: Concept] {
        Dictionary(uniqueKeysWithValues: try load().concepts.map { ($0.id, $0) })
    }

    /// Writes `text` to a scratch file and returns the error reading it raises.
    private func error(reading text: String) throws -> OntologyError {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("bad.obo").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return try #require(throws: OntologyError.self) { try OBOImporter().read(path: path) }
        }
    }

    @Test("[Term] stanzas in order; [Typedef] and [Instance] skipped; header gives name, version, title, licence")
    func stanzasAndHeader() throws {
        let document = try load()
        #expect(document.concepts.map(\.id) == ["HP:0012735", "DOID:0050012", "HP:0000001", "MAXO:0000004"])
        #expect(document.source.format == .obo)
        #expect(document.source.name == "ddx-test")
        #expect(document.source.version == "2026-03-01")
        #expect(document.source.title == "ddx OBO fixture")
        #expect(document.source.license == "https://creativecommons.org/publicdomain/zero/1.0/")
    }

    @Test("name, def (quoted text with escapes, whitespace folded), type from the prefix")
    func basics() throws {
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(cough.label == "Cough")
        #expect(cough.type == .finding)
        // Escapes are decoded; the escaped line break is folded to a space like XML text.
        #expect(cough.definition == "Rapid expulsion of air from the lungs, often \"barking\" or dry. Second line; a \\ backslash.")
        #expect(!cough.isObsolete)
    }

    @Test("synonyms: scope, type (named or OMO), old-style tags and missing scopes")
    func synonyms() throws {
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(cough.synonyms == [
            Synonym("Coughing", scope: .exact, kind: "layperson"),
            Synonym("Tussis", scope: .related),
            Synonym("C", scope: .broad, kind: "abbreviation"),
            Synonym("Hacking cough", scope: .narrow, kind: "layperson"),
            Synonym("Old style synonym", scope: .related),
            Synonym("Older style synonym", scope: .exact),
        ])
    }

    @Test("xrefs keep the code only (descriptions and modifiers dropped, URLs skipped); is_a drops comments")
    func xrefsAndParents() throws {
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(cough.xrefs == [Xref("UMLS:C0010200"), Xref("MESH:D003371"), Xref("SNOMEDCT:49727002")])
        #expect(cough.parents == ["HP:0002086", "HP:0025142"])
    }

    @Test("relationship and intersection_of lines map like OWL properties; the genus is a parent")
    func relations() throws {
        let chik = try #require(try concepts()["DOID:0050012"])
        #expect(chik.type == .disease)
        #expect(chik.parents == ["DOID:934"])
        #expect(chik.relations.filter { $0.evidence == "curated" } == [
            ConceptRelation(.presentsWith, target: "SYMP:0000613", evidence: "curated"),
            ConceptRelation(.causes, target: "HP:0001945", evidence: "curated"),
            ConceptRelation(.transmittedBy, target: "NCBITAXON:7159", evidence: "curated"),
            ConceptRelation(.locatedIn, target: "UBERON:0000982", evidence: "curated"),
            ConceptRelation(RelationKind(rawValue: "RO:0000052"), target: "UBERON:0001004", evidence: "curated"),
            ConceptRelation(.hasMaterialBasisIn, target: "NCBITAXON:37124", evidence: "curated"),
        ])
        let maxo = try #require(try concepts()["MAXO:0000004"])
        #expect(maxo.label == "surgical procedure on body region")
        #expect(maxo.type == .procedure)
        #expect(maxo.relations == [ConceptRelation(.hasInput, target: "UBERON:0000467", evidence: "curated"),
                                   ConceptRelation(.therapeuticUse, target: "CHEBI:24431", evidence: "curated")])
    }

    @Test("DO definitions are mined as in OWL files")
    func definitionPhrases() throws {
        let chik = try #require(try concepts()["DOID:0050012"])
        let derived = chik.relations.filter { $0.evidence == "derived" }
        #expect(derived.map { "\($0.kind.rawValue) \($0.target)" } == [
            "results_in label:infection", "located_in label:joint",
            "has_material_basis_in label:Chikungunya virus", "transmitted_by label:Aedes mosquito bite",
            "presents_with label:fever", "presents_with label:arthralgia", "presents_with label:rash",
        ])
        #expect(derived.allSatisfy { $0.source == "definition" })
    }

    @Test("obsolete terms keep replaced_by and consider; a trailing ! comment is not part of the name")
    func obsolete() throws {
        let old = try #require(try concepts()["HP:0000001"])
        #expect(old.isObsolete)
        #expect(old.label == "obsolete Coughing fits")
        #expect(old.replacedBy == ["HP:0012735", "HP:0002086"])
    }

    @Test("a gzip-compressed copy is read directly")
    func gzip() throws {
        let plain = try load()
        try ScratchDirectory.with { dir in
            let gz = dir.appendingPathComponent("tags.obo.gz").path
            try Gzip.compress(Self.allTags, to: gz)
            #expect(try load(gz).concepts == plain.concepts)
            #expect(try OntologyLoader().load(file: gz).source.format == .obo)
        }
    }

    @Test("a gzip file of two members is a clear error (libxml2 decompresses only the first)")
    func multiMemberGzip() throws {
        try ScratchDirectory.with { dir in
            let gz = dir.appendingPathComponent("tags.obo.gz").path
            try Gzip.compressInTwoMembers(Self.allTags, to: gz)
            let error = try #require(throws: OntologyError.self) { try load(gz) }
            #expect(error.message.contains("several members"), "\(error)")
        }
    }

    @Test("a tag line without ':' is an error at its line")
    func missingColon() throws {
        let e = try error(reading: "format-version: 1.4\n\n[Term]\nid: HP:1\nname Cough\n")
        #expect(e.line == 5)
        #expect(e.message.contains("':'"))
    }

    @Test("an unterminated quote is an error at its line")
    func unterminatedQuote() throws {
        let e = try error(reading: "[Term]\nid: HP:1\nname: Cough\ndef: \"Rapid expulsion [PMID:1]\n")
        #expect(e.line == 4)
        #expect(e.message.contains("unterminated"))
        let s = try error(reading: "[Term]\nid: HP:1\nsynonym: \"Coughing EXACT []\n")
        #expect(s.line == 3)
    }

    @Test("a term without id, a bad stanza header and a bad synonym scope are errors with lines")
    func otherMalformations() throws {
        let noID = try error(reading: "format-version: 1.4\n\n[Term]\nname: Cough\n\n[Term]\nid: HP:2\n")
        #expect(noID.line == 3)
        let header = try error(reading: "[Term\nid: HP:1\n")
        #expect(header.line == 1)
        let scope = try error(reading: "[Term]\nid: HP:1\nsynonym: \"Coughing\" SIMILAR []\n")
        #expect(scope.line == 3)
        #expect(scope.message.contains("SIMILAR"))
    }

    @Test("empty input and CRLF line ends")
    func emptyAndCRLF() throws {
        try ScratchDirectory.with { dir in
            let empty = dir.appendingPathComponent("empty.obo").path
            try "format-version: 1.4\n".write(toFile: empty, atomically: true, encoding: .utf8)
            #expect(try OBOImporter().read(path: empty).concepts.isEmpty)
            let crlf = dir.appendingPathComponent("crlf.obo").path
            try "[Term]\r\nid: HP:1\r\nname: Cough\r\nis_a: HP:2 ! x\r\n".write(toFile: crlf, atomically: true, encoding: .utf8)
            let concept = try #require(try OBOImporter().read(path: crlf).concepts.first)
            #expect(concept.label == "Cough")
            #expect(concept.parents == ["HP:2"])
        }
    }

    @Test("the importers' cached CURIE handling agrees with CURIE.normalize and CURIE.fromIRI")
    func identifiersAgreeWithCURIE() {
        let ids = OBOIdentifiers()
        for raw in ["HP:0012735", "MSH:D003371", "UMLS_CUI:C0010200", "SNOMEDCT_US_2025_09_01:49727002", "ncit:C1",
                    "no colon", "HP:", ":x", "A B:1", " HP:1", "url:https://x.org/a", "http://purl.obolibrary.org/obo/HP_1",
                    "https://orcid.org/0000-0001", "ICD10CM:A92.0", "MESH:D003371 "] {
            #expect(ids.normalize(raw) == CURIE.normalize(raw), "\(raw)")
        }
        for iri in ["http://purl.obolibrary.org/obo/HP_0012735", "http://purl.obolibrary.org/obo/NCBITaxon_7159",
                    "http://purl.obolibrary.org/obo/hp#part_of", "http://purl.obolibrary.org/obo/HP_",
                    "http://purl.obolibrary.org/obo/_1", "http://identifiers.org/mesh/D003371",
                    "http://example.org/x#Y", "http://purl.obolibrary.org/obo/uberon/core#X_1"] {
            #expect(ids.curie(fromIRI: iri) == CURIE.fromIRI(iri), "\(iri)")
        }
        #expect(ids.xrefCode("url:https://x.org/a") == nil)
        #expect(ids.xrefCode("ORCID:0000-0001") == nil)
        #expect(ids.xrefCode("MSH:D003371") == "MESH:D003371")
    }
}
