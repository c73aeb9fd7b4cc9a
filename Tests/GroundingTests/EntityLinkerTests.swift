import Grounding
import Ontology
import Testing

@Suite("Entity linking")
struct EntityLinkerTests {
    let linker = EntityLinker(index: GroundingFixtures.index)

    @Test func abbreviationInParentheses() throws {
        let best = try #require(linker.link("Myocardial infarction (MI)").first)
        #expect(best.id == "testonto:myocardial-infarction")
        #expect(best.score == 1.0)
        #expect(best.type == .disease)
    }

    @Test func markupAndTrailingPunctuationAreIgnored() {
        #expect(linker.link("**Pneumonia**.").first?.id == "testonto:pneumonia")
    }

    @Test func examplesInParenthesesLinkWhenTheHeadDoesNot() throws {
        let best = try #require(linker.link("Mucolytic agents (e.g., guaifenesin)").first)
        #expect(best.id == "testonto:guaifenesin")
        #expect(best.score < 1.0)
    }

    @Test func pluralDrugClass() {
        #expect(linker.link("Expectorants").first?.id == "testonto:expectorant")
        #expect(linker.link("Thin mucus").first?.id == "testonto:mucus-thinning")
    }

    @Test func batchOnSeveralThreadsMatchesOneByOne() {
        let base = ["Myocardial infarction (MI)", "cough", "Expectorants", "Guaifenesn", "Reassurance", "**Pneumonia**."]
        let mentions = (0..<1_000).map { base[$0 % base.count] + ($0 % 7 == 0 ? "s" : "") }
        let batch = linker.link(batch: mentions, limit: 3, threads: 4)
        #expect(batch.count == mentions.count)
        for (m, links) in zip(mentions, batch) {
            #expect(links.map(\.id) == linker.link(m, limit: 3).map(\.id), "\(m)")
        }
        #expect(batch.contains { !$0.isEmpty } && batch.contains { $0.isEmpty })
    }

    @Test func unlinkedBelowThreshold() {
        #expect(linker.link("Reassurance and follow-up").isEmpty)
        #expect(EntityLinker(index: GroundingFixtures.index, threshold: 1.0).link("Guaifenesn").isEmpty)
    }

    @Test func candidatesCarryXrefsAndSource() throws {
        let best = try #require(linker.link("cough").first)
        #expect(best.source == "testonto")
        #expect(best.xrefs == ["HP:0012735", "MESH:D003371"])
        #expect(best.match == .exact)
    }

    /// A small phenotype/disease vocabulary for the mention-variant rules.
    static let phenotypes: OntologyIndex = {
        let concepts = [
            Concept(id: "t:ear", label: "Abnormality of the ear"),
            Concept(id: "t:kidney", label: "Abnormality of the kidney", synonyms: [Synonym("Renal anomalies")]),
            Concept(id: "t:palmar-pits", label: "Palmar pits"),
            Concept(id: "t:plantar-pits", label: "Plantar pits"),
            Concept(id: "t:retinoblastoma", label: "Retinoblastoma"),
            Concept(id: "t:colorectal-cancer", label: "Colorectal cancer"),
            Concept(id: "t:ataxia", label: "Ataxia"),
            Concept(id: "t:severe-ataxia", label: "Severe ataxia"),
        ]
        let source = OntologySource(path: "test", format: .ddx, name: "t")
        return OntologyIndex(documents: [OntologyDocument(source: source, concepts: concepts)])
    }()

    @Test func coordinationPrefersTheFirstConjunct() {
        let links = EntityLinker(index: Self.phenotypes).link("otic and renal anomalies")
        #expect(links.first?.id == "t:ear")
        #expect(links.map(\.id).contains("t:kidney"))
    }

    @Test func coordinationRestoresTheSharedHead() {
        let links = EntityLinker(index: Self.phenotypes).link("palmar and plantar pits")
        #expect(links.map(\.id).prefix(2) == ["t:palmar-pits", "t:plantar-pits"])
    }

    @Test func leadingClinicalModifiersAreDropped() {
        let linker = EntityLinker(index: Self.phenotypes)
        #expect(linker.link("sporadic bilateral retinoblastoma").first?.id == "t:retinoblastoma")
        #expect(linker.link("hereditary and non-hereditary retinoblastoma").first?.id == "t:retinoblastoma")
        #expect(linker.link("stage II or stage III colorectal cancer").first?.id == "t:colorectal-cancer")
        #expect(linker.link("mild ataxia").first?.id == "t:ataxia")
        // A modifier that is part of a term is kept.
        #expect(linker.link("severe ataxia").first?.id == "t:severe-ataxia")
    }
}
