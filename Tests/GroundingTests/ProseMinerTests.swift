import Grounding
import Ontology
import ReasoningPaths
import Testing

@Suite("Prose mining")
struct ProseMinerTests {
    let miner = ProseMiner(index: GroundingFixtures.index)

    @Test func chainsMentionsInCausalSentences() throws {
        let text = """
        ## Thinking

        The patient has a productive cough and fever, which suggests bacterial pneumonia.
        We should order a chest radiograph. Pneumonia often leads to dyspnea.
        The weather was nice today with a headache and a cough.

        ## Final Response

        Pneumonia is likely.
        """
        let parsed = ReasoningParser().parse(text)
        let paths = miner.mine(text: text, parsed: parsed)
        #expect(paths.count == 2)
        #expect(paths[0].steps.map(\.name) == ["productive cough", "fever", "bacterial pneumonia"])
        #expect(paths[0].line == 3)
        #expect(paths[0].label == "mined")
        #expect(paths[0].note?.hasPrefix("The patient has") == true)
        #expect(paths[1].steps.map(\.name) == ["Pneumonia", "dyspnea"])
        #expect(paths[1].line == 4)
    }

    @Test func sentenceSpanningLinesKeepsItsFirstLine() {
        let text = "Fever\nsuggests pneumonia.\n"
        let paths = miner.mine(text: text)
        #expect(paths.first?.steps.map(\.name) == ["Fever", "pneumonia"])
        #expect(paths.first?.line == 1)
    }

    @Test func abbreviationsDoNotEndSentences() {
        let text = "Drugs (e.g. guaifenesin) lead to thin mucus."
        #expect(miner.mine(text: text).first?.steps.map(\.name) == ["guaifenesin", "thin mucus"])
    }

    @Test func noCueNoChain() {
        #expect(miner.mine(text: "Cough and fever and pneumonia.").isEmpty)
    }
}
