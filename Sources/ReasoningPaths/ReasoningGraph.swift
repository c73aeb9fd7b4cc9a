/// The symptom → mechanism → diagnosis graph of one reasoning text.
///
/// Nodes are sorted by id and edges by (from, to), so the same input always serialises byte-identically.
public struct ReasoningGraph: Codable, Sendable, Equatable {
    /// Nodes sorted by id.
    public var nodes: [GraphNode]
    /// Edges sorted by (from, to).
    public var edges: [GraphEdge]
    /// The paths the graph was built from, in document order.
    public var paths: [GraphPath]

    /// Creates a graph.
    public init(nodes: [GraphNode], edges: [GraphEdge], paths: [GraphPath]) {
        self.nodes = nodes
        self.edges = edges
        self.paths = paths
    }

    /// The node with the given id, if any.
    public func node(id: String) -> GraphNode? {
        nodes.first { $0.id == id }
    }
}
