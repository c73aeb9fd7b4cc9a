import Explorer
import ReasoningPaths
import Testing

extension GraphvizBacked {
    @Suite("RenderBenchmark")
    struct RenderBenchmarkTests {
        @Test("the synthetic graph has the requested nodes, consistent edges and paths, and is deterministic",
              arguments: [2, 7, 20, 100, 250])
        func syntheticGraph(nodeCount: Int) throws {
            let graph = RenderBenchmark.syntheticGraph(nodeCount: nodeCount)
            #expect(graph.nodes.count == nodeCount)
            #expect(Set(graph.nodes.map(\.id)).count == nodeCount)
            #expect(graph.paths.count == max(1, min(25, nodeCount / 4)))
            #expect(!graph.edges.isEmpty)
            for edge in graph.edges {
                #expect(graph.node(id: edge.from) != nil && graph.node(id: edge.to) != nil)
                #expect(edge.from != edge.to)
            }
            for path in graph.paths {
                #expect(path.nodes.count >= 2)
                #expect(path.nodes.allSatisfy { graph.node(id: $0) != nil })
            }
            #expect(graph.nodes.allSatisfy { !$0.paths.isEmpty && $0.paths.count == $0.lines.count })
            #expect(RenderBenchmark.syntheticGraph(nodeCount: nodeCount) == graph)
        }

        @Test("the 100-node graph shares conclusions between chains and has relation labels and elided hops")
        func hundredNodes() {
            let graph = RenderBenchmark.syntheticGraph(nodeCount: 100)
            #expect(graph.nodes.count == 100)
            #expect(graph.nodes.contains { $0.paths.count > 1 })
            #expect(graph.edges.contains { !$0.relations.isEmpty })
            #expect(graph.edges.contains { $0.elided })
            #expect(Set(graph.nodes.map(\.role)) == [.finding, .mechanism, .conclusion])
        }

        @Test("a 20-node, one-iteration run renders and reports")
        func smallRun() throws {
            let result = try RenderBenchmark.run(nodeCount: 20, iterations: 1)
            let graph = RenderBenchmark.syntheticGraph(nodeCount: 20)
            #expect(result.nodeCount == 20)
            #expect(result.edgeCount == graph.edges.count)
            #expect(result.pathCount == graph.paths.count)
            #expect(result.iterations == 1)
            #expect(result.renderBest > .zero && result.anchorBest > .zero)
            #expect(result.renderMedian == result.renderBest)
            #expect(result.goal == RenderBenchmark.goal)
            #expect(result.report.hasPrefix("render svg, 20 nodes (\(graph.edges.count) edges, \(graph.paths.count) paths, 1 iterations): best "))
        }

        @Test("node count and iterations are raised to their minimum")
        func minimums() throws {
            let result = try RenderBenchmark.run(nodeCount: 0, iterations: 0)
            #expect(result.nodeCount == 2)
            #expect(result.iterations == 1)
        }
    }
}
