/// A node of the path graph: every step with the same name (case- and whitespace-insensitive) in one text.
public struct GraphNode: Codable, Sendable, Equatable {
    /// Stable id derived from the node's normalised name; the same input always gives the same id.
    public var id: String
    /// The step name as first written.
    public var label: String
    /// Role inferred from the node's positions in its paths.
    public var role: NodeRole
    /// 1-based indices (document order) of the paths this node appears in, ascending.
    public var paths: [Int]
    /// Source lines where the node appears, ascending.
    public var lines: [Int]
    /// Distinct qualifiers (parenthetical text) written on this node, in first-seen order.
    public var qualifiers: [String]

    /// Creates a node.
    public init(id: String, label: String, role: NodeRole, paths: [Int], lines: [Int], qualifiers: [String] = []) {
        self.id = id
        self.label = label
        self.role = role
        self.paths = paths
        self.lines = lines
        self.qualifiers = qualifiers
    }
}
