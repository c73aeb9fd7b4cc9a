@testable import Ontology
import Testing

@Suite("Matching: coordinated mentions")
struct MatchingCoordinationTests {
    private func texts(_ mention: String) -> [String] { TermCoordination.expand(mention).map(\.text) }

    @Test func sharedHeadIsRestored() {
        #expect(texts("palmar and plantar pits").first == "palmar pits")
        #expect(texts("palmar and plantar pits").contains("plantar pits"))
        #expect(texts("posterior subcapsular or capsular cataract").first == "posterior subcapsular cataract")
    }

    @Test func everyConjunctKeepsItsPosition() {
        let conjuncts = TermCoordination.expand("branchial, otic and renal anomalies")
        #expect(conjuncts.first == TermCoordination.Conjunct(text: "branchial anomalies", position: 0))
        #expect(conjuncts.contains(TermCoordination.Conjunct(text: "otic anomalies", position: 1)))
        #expect(conjuncts.contains(TermCoordination.Conjunct(text: "renal anomalies", position: 2)))
    }

    @Test func sharedModifierIsRestored() {
        #expect(texts("pancreatic cysts and tumors").contains("pancreatic tumors"))
        #expect(texts("sporadic breast and ovarian cancers").contains("sporadic ovarian cancers"))
    }

    @Test func notACoordination() {
        #expect(texts("Pain, chest").isEmpty)            // an inverted term
        #expect(texts("cough").isEmpty)
        #expect(texts("and").isEmpty)
    }
}
