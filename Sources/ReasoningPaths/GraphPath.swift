/// A path as the graph sees it: its position in the document and the node ids it visits.
public struct GraphPath: Codable, Sendable, Equatable {
    /// 1-based index in document order; what `GraphNode.paths` and `GraphEdge.paths` refer to.
    public var index: Int
    /// The item number as written, or nil.
    public var number: Int?
    /// The item label as written (`Path 1`), or nil.
    public var label: String?
    /// 1-based source line of the item.
    public var line: Int
    /// `chain` or `prose`.
    public var kind: ReasoningPath.Kind
    /// Node ids in path order.
    public var nodes: [String]

    /// Creates a graph path.
    public init(index: Int, number: Int?, label: String?, line: Int, kind: ReasoningPath.Kind, nodes: [String]) {
        self.index = index
        self.number = number
        self.label = label
        self.line = line
        self.kind = kind
        self.nodes = nodes
    }

    private enum CodingKeys: String, CodingKey { case index, number, label, line, kind, nodes }

    /// Encodes optionals as explicit `null`s.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(number, forKey: .number)
        try c.encode(label, forKey: .label)
        try c.encode(line, forKey: .line)
        try c.encode(kind, forKey: .kind)
        try c.encode(nodes, forKey: .nodes)
    }
}
