/// A directed hop between two nodes, merged over every path that takes it.
public struct GraphEdge: Codable, Sendable, Equatable {
    /// Id of the source node.
    public var from: String
    /// Id of the target node.
    public var to: String
    /// 1-based indices (document order) of the paths that take this hop, ascending.
    public var paths: [Int]
    /// Source lines of those paths, ascending.
    public var lines: [Int]
    /// Distinct relation labels written on the hop (`A -- causes -- B`), in first-seen order.
    public var relations: [String]
    /// True when every path taking this hop elided steps in it (`A -> ... -> B`).
    public var elided: Bool

    /// Creates an edge.
    public init(from: String, to: String, paths: [Int], lines: [Int], relations: [String] = [], elided: Bool = false) {
        self.from = from
        self.to = to
        self.paths = paths
        self.lines = lines
        self.relations = relations
        self.elided = elided
    }
}
