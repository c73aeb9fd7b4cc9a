import Ontology
import ReasoningPaths

/// Links every node of a reasoning graph and verifies every hop.
///
/// ```swift
/// let grounded = Grounder(index: index).ground(graph)
/// print(grounded.summary.groundingScore)
/// ```
public struct Grounder: Sendable {
    public let linker: EntityLinker
    public let verifier: HopVerifier
    /// Candidates kept per node.
    public var candidatesPerNode = 3

    public init(index: OntologyIndex, threshold: Double = EntityLinker.defaultThreshold) {
        linker = EntityLinker(index: index, threshold: threshold)
        verifier = HopVerifier(index: index)
    }

    /// The grounded graph: each node linked (its name, then its qualifier's examples), each edge verified.
    public func ground(_ graph: ReasoningGraph) -> GroundedGraph {
        var nodes: [NodeGrounding] = []
        var best: [String: Int] = [:]
        for node in graph.nodes {
            var candidates = linker.link(node.label, limit: candidatesPerNode)
            if candidates.isEmpty {
                for qualifier in node.qualifiers {
                    candidates = linker.link("(\(qualifier))", limit: candidatesPerNode)
                    if !candidates.isEmpty { break }
                }
            }
            nodes.append(NodeGrounding(node: node.id, mention: node.label, candidates: candidates))
            if let top = candidates.first { best[node.id] = top.conceptIndex }
        }
        let edges = graph.edges.map { edge in
            EdgeGrounding(from: edge.from, to: edge.to, verification: verifier.verify(best[edge.from], best[edge.to]))
        }
        return GroundedGraph(graph: graph, nodes: nodes, edges: edges,
                             summary: GroundingSummary(nodes: nodes, edges: edges))
    }
}
