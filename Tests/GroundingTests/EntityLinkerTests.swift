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
}
