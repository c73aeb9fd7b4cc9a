import Grounding
import Ontology
import ReasoningPaths
import Testing

@Suite("Grounding a reasoning graph")
struct GrounderTests {
    @Test func coughPathEndToEnd() throws {
        let graph = GroundingFixtures.graph([
            ["Cough", "Expectorants (e.g., guaifenesin)", "Thin mucus", "Easier clearance"],
            ["Cough", "Pneumonia", "Chest X-ray"],
            ["Cough", "Moon phase"],
        ])
        let grounded = Grounder(index: GroundingFixtures.index).ground(graph)
        #expect(grounded.nodes.count == graph.nodes.count)
        let ids = Dictionary(uniqueKeysWithValues: grounded.nodes.map { ($0.mention, $0.best?.id) })
        #expect(ids["Cough"] == "testonto:cough")
        #expect(ids["Thin mucus"] == "testonto:mucus-thinning")
        #expect(ids["Moon phase"] == .some(nil))
        let verdicts = grounded.edges.map(\.verification.verdict)
        #expect(grounded.summary.hops == 6)
        #expect(verdicts.filter { $0 == .ungrounded }.count == 1)
        #expect(grounded.summary.verdicts["ungrounded"] == 1)
        #expect(grounded.summary.nodeCoverage == 0.857)
        let thin = try #require(grounded.nodes.first { $0.mention == "Thin mucus" })
        let clear = try #require(grounded.nodes.first { $0.mention == "Easier clearance" })
        #expect(grounded.verification(from: thin.node, to: clear.node)?.verdict == .attested)
        #expect(grounded.summary.groundingScore > 0.5 && grounded.summary.groundingScore < 1)
    }

    @Test func emptyGraph() {
        let grounded = Grounder(index: GroundingFixtures.index).ground(ReasoningGraph(nodes: [], edges: [], paths: []))
        #expect(grounded.summary.hops == 0)
        #expect(grounded.summary.groundingScore == 0)
    }
}
