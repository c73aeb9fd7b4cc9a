/// The concepts a graph node was linked to.
public struct NodeGrounding: Sendable, Codable, Hashable {
    /// The graph node id.
    public var node: String
    /// The text that was linked (the node's name).
    public var mention: String
    /// Ranked candidates, best first; empty when nothing reached the threshold.
    public var candidates: [ConceptLink]

    /// The best candidate, if any.
    public var best: ConceptLink? { candidates.first }
}
