import ReasoningPaths

/// A reasoning graph with every node linked and every hop verified against the loaded ontology.
public struct GroundedGraph: Sendable, Codable {
    /// The graph as parsed (or mined from prose).
    public var graph: ReasoningGraph
    /// One entry per graph node, in graph order.
    public var nodes: [NodeGrounding]
    /// One entry per graph edge, in graph order.
    public var edges: [EdgeGrounding]
    /// Counts and score.
    public var summary: GroundingSummary

    /// The grounding of a node, by node id.
    public func grounding(ofNode id: String) -> NodeGrounding? { nodes.first { $0.node == id } }

    /// The verification of an edge, by its end ids.
    public func verification(from: String, to: String) -> HopVerification? {
        edges.first { $0.from == from && $0.to == to }?.verification
    }
}
