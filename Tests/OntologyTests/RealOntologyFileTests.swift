import Foundation
@testable import Ontology
import Testing
import TestSupport

/// Checks the OWL and OBO importers on real releases from the team's shared folder (`../shared/ontologies`).
/// Each test is skipped when its file is absent. The expected counts were confirmed independently (Python
/// ElementTree over the same files), not taken from the importer.
@Suite("Real ontology files (optional)")
struct RealOntologyFileTests {
    static let symp = RepoFiles.shared("ontologies/symp/symp.owl")
    static let infectious = RepoFiles.shared("ontologies/doid/DO_infectious_disease_slim.owl")
    static let cancer = RepoFiles.shared("ontologies/doid/DO_cancer_slim.owl")
    static let maxo = RepoFiles.shared("ontologies/maxo/maxo-base.owl")
    /// hp.obo is not in the shared folder; point `DDX_HP_OBO` at a copy to run that test.
    static let hpOBO: String? = ProcessInfo.processInfo.environment["DDX_HP_OBO"].flatMap {
        FileManager.default.fileExists(atPath: $0) ? $0 : nil
    }

    private static func synonymCount(_ d: OntologyDocument) -> Int { d.concepts.reduce(0) { $0 + $1.synonyms.count } }
    private static func relations(_ d: OntologyDocument) -> [ConceptRelation] { d.concepts.flatMap(\.relations) }

    @Test("Symptom Ontology: 1,020 classes, 125 obsolete, 274 synonyms, 552 xrefs, a pure is_a tree",
          .enabled(if: symp != nil))
    func symptomOntology() throws {
        let d = try OWLImporter().read(path: try #require(Self.symp))
        #expect(d.concepts.count == 1020)
        #expect(d.concepts.filter(\.isObsolete).count == 125)
        #expect(Self.synonymCount(d) == 274)
        #expect(d.concepts.flatMap(\.synonyms).filter { $0.scope == .exact }.count == 270)
        #expect(d.concepts.reduce(0) { $0 + $1.xrefs.count } == 552)
        #expect(d.concepts.reduce(0) { $0 + $1.parents.count } == 898)
        #expect(d.concepts.filter { $0.definition != nil }.count == 435)
        #expect(Self.relations(d).isEmpty)
        #expect(d.concepts.allSatisfy { $0.type == .symptom && !$0.label.isEmpty })
        #expect(d.source.version == "2026-07-30")
        #expect(d.source.title == "Symptom Ontology")
        let cough = try #require(d.concepts.first { $0.label == "cough" })
        #expect(cough.id == "SYMP:0000614")
    }

    @Test("DO infectious slim: 536 classes, SKOS MeSH mappings, has_symptom phrases mined",
          .enabled(if: infectious != nil))
    func infectiousSlim() throws {
        let d = try OWLImporter().read(path: try #require(Self.infectious))
        #expect(d.concepts.count == 536)
        #expect(Self.synonymCount(d) == 999)
        #expect(d.concepts.reduce(0) { $0 + $1.xrefs.count } == 2358 + 166)
        let meshExact = d.concepts.flatMap(\.xrefs).filter { $0.code.hasPrefix("MESH:") && $0.match == .exact }
        #expect(meshExact.count > 20)
        #expect(d.concepts.flatMap(\.synonyms).filter { $0.kind == "acronym" }.count == 34)
        let derived = Self.relations(d).filter { $0.evidence == "derived" }
        #expect(derived.filter { $0.kind == .presentsWith }.count > 200)
        #expect(derived.allSatisfy { $0.target.hasPrefix("label:") && $0.source == "definition" })
        #expect(derived.contains { $0.kind == .hasMaterialBasisIn } && derived.contains { $0.kind == .transmittedBy })
        let chik = try #require(d.concepts.first { $0.id == "DOID:0050012" })
        #expect(chik.relations.contains(ConceptRelation(.presentsWith, target: "label:arthralgia",
                                                        evidence: "derived", source: "definition")))
        #expect(d.concepts.allSatisfy { $0.type == .disease })
    }

    @Test("DO cancer slim: 730 classes, one obsolete", .enabled(if: cancer != nil))
    func cancerSlim() throws {
        let d = try OWLImporter().read(path: try #require(Self.cancer))
        #expect(d.concepts.count == 730)
        #expect(d.concepts.filter(\.isObsolete).count == 1)
        #expect(Self.synonymCount(d) == 1265)
        #expect(d.concepts.reduce(0) { $0 + $1.xrefs.count } == 3019 + 89)
    }

    @Test("MAxO base: 2,631 classes, 970 distinct restriction relations (has input, therapeutic uses, …)",
          .enabled(if: maxo != nil))
    func maxoBase() throws {
        let d = try OWLImporter().read(path: try #require(Self.maxo))
        #expect(d.concepts.count == 2631)
        #expect(d.concepts.filter(\.isObsolete).count == 60)
        #expect(Self.synonymCount(d) == 4796)
        #expect(d.concepts.reduce(0) { $0 + $1.parents.count } == 3134)
        let relations = Self.relations(d)
        // 3,213 owl:Restriction elements: logical definitions repeat in equivalentClass and subClassOf, and
        // nested restrictions describe fillers, so the distinct (subject, property, head) triples number 970.
        #expect(relations.count == 970)
        #expect(relations.filter { $0.kind == .hasInput }.count == 669)
        #expect(relations.filter { $0.kind == .therapeuticUse }.count == 186)
        #expect(relations.allSatisfy { $0.evidence == "curated" && $0.target.contains(":") })
        #expect(d.concepts.filter { $0.id.hasPrefix("MAXO:") }.allSatisfy { $0.type == .procedure })
        #expect(d.concepts.filter { $0.id.hasPrefix("CHEBI:") }.allSatisfy { $0.type == .drug })
        #expect(d.concepts.filter { !$0.label.isEmpty }.count == 1963)
    }

    @Test("hp.obo: 19,944 terms, 555 obsolete, 24,217 synonyms", .enabled(if: hpOBO != nil))
    func hpOBOFile() throws {
        let d = try OBOImporter().read(path: try #require(Self.hpOBO))
        #expect(d.concepts.count == 19944)
        #expect(d.concepts.filter(\.isObsolete).count == 555)
        #expect(Self.synonymCount(d) == 24217)
        #expect(d.concepts.filter { $0.definition != nil }.count == 16913)
        #expect(d.source.version == "2026-02-16")
    }
}
