/// How a merged comparison graph is drawn (`ddx compare`): which side each node and hop comes from, each side's hop
/// verdict, and which of the merged graph's paths belong to side A (1…`pathsA`) and which to side B (the rest).
///
/// With these annotations nodes are filled and hops coloured by provenance (only A, only B, both) instead of by
/// concept type and path; hop line styles still follow the ontology verdict, path tags read `A P1` / `B P2`, and
/// every node and hop gets a `prov-…` class.
public struct ComparisonAnnotations: Sendable, Equatable {
    /// A hop of the merged graph.
    public struct Hop: Sendable, Equatable {
        public var provenance: Provenance
        /// Each side's verdict (nil when that side has no such hop, or no ontology was loaded).
        public var verdictA: EdgeVerdictAnnotation?
        public var verdictB: EdgeVerdictAnnotation?

        public init(provenance: Provenance, verdictA: EdgeVerdictAnnotation? = nil, verdictB: EdgeVerdictAnnotation? = nil) {
            self.provenance = provenance
            self.verdictA = verdictA
            self.verdictB = verdictB
        }
    }

    /// Short names of the two sides (`A`, `B` by default; e.g. a model name); untrusted, escaped on output.
    public var sideA: String
    public var sideB: String
    /// Provenance per merged node id; nodes absent here are drawn as `both`.
    public var nodes: [String: Provenance]
    /// Per merged hop.
    public var edges: [OntologyAnnotations.EdgeKey: Hop]
    /// How many of the merged graph's paths are side A's (they come first).
    public var pathsA: Int

    public init(sideA: String = "A", sideB: String = "B", nodes: [String: Provenance], edges: [OntologyAnnotations.EdgeKey: Hop],
                pathsA: Int) {
        self.sideA = sideA
        self.sideB = sideB
        self.nodes = nodes
        self.edges = edges
        self.pathsA = pathsA
    }

    /// The provenance of node `id` (`both` when unknown).
    public func provenance(ofNode id: String) -> Provenance { nodes[id] ?? .both }

    /// The provenance of hop `from`→`to` (`both` when unknown).
    public func provenance(from: String, to: String) -> Provenance {
        edges[OntologyAnnotations.EdgeKey(from: from, to: to)]?.provenance ?? .both
    }

    /// Merged path indices as each side numbers them: `A P1, P2 · B P1` (B's indices shifted back by `pathsA`).
    public func pathTags(_ indices: [Int]) -> String {
        let a = indices.filter { $0 <= pathsA }, b = indices.filter { $0 > pathsA }.map { $0 - pathsA }
        var parts: [String] = []
        if !a.isEmpty { parts.append("A " + LabelText.pathList(a)) }
        if !b.isEmpty { parts.append("B " + LabelText.pathList(b)) }
        return parts.joined(separator: " · ")
    }

    /// Tooltip lines of a hop: where it comes from, and each side's verdict when they differ or only one side has it.
    func tooltipLines(from: String, to: String) -> [String] {
        guard let hop = edges[OntologyAnnotations.EdgeKey(from: from, to: to)] else { return [] }
        var lines = ["In: " + LabelText.singleLine(hop.provenance.caption(sideA: sideA, sideB: sideB))]
        let a = hop.verdictA.map { GroundingLook.normalizedVerdict($0.verdict) }
        let b = hop.verdictB.map { GroundingLook.normalizedVerdict($0.verdict) }
        if let a, let b, a != b {
            lines.append("Verdict in A: \(a); in B: \(b)")
        }
        return lines
    }
}
