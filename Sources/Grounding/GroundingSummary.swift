/// Per-text counts and the grounding score.
public struct GroundingSummary: Sendable, Codable, Hashable {
    /// Graph nodes.
    public var nodes: Int
    /// Nodes linked to a concept.
    public var groundedNodes: Int
    /// Graph edges (hops).
    public var hops: Int
    /// Hops per verdict (every verdict present, zero included).
    public var verdicts: [String: Int]
    /// Share of nodes linked (0…1).
    public var nodeCoverage: Double
    /// Mean hop credit: attested 1, via is_a 0.75, plausible 0.25, otherwise 0 (0…1; 0 when there are no hops).
    public var groundingScore: Double

    init(nodes: [NodeGrounding], edges: [EdgeGrounding]) {
        self.nodes = nodes.count
        groundedNodes = nodes.filter { $0.best != nil }.count
        hops = edges.count
        var counts = Dictionary(uniqueKeysWithValues: HopVerdict.allCases.map { ($0.rawValue, 0) })
        for e in edges { counts[e.verification.verdict.rawValue, default: 0] += 1 }
        verdicts = counts
        nodeCoverage = nodes.isEmpty ? 0 : Self.round(Double(groundedNodes) / Double(nodes.count))
        groundingScore = edges.isEmpty ? 0 :
            Self.round(edges.reduce(0) { $0 + $1.verification.verdict.credit } / Double(edges.count))
    }

    private static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
