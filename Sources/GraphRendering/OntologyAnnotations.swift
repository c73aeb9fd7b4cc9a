/// Grounding results for one graph, keyed by graph ids: node id → concept, `from`→`to` edge → verdict.
public struct OntologyAnnotations: Sendable, Equatable {
    /// Per node id; nodes absent here were not linked (drawn as ungrounded).
    public var nodes: [String: NodeConceptAnnotation]
    /// Per edge, keyed by `EdgeKey(from:to:)`.
    public var edges: [EdgeKey: EdgeVerdictAnnotation]
    /// Names (and versions) of the ontology sources that were loaded, for the legend and metadata.
    public var sources: [String]

    /// The identity of an edge.
    public struct EdgeKey: Sendable, Hashable {
        public var from: String
        public var to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public init(nodes: [String: NodeConceptAnnotation] = [:], edges: [EdgeKey: EdgeVerdictAnnotation] = [:],
                sources: [String] = []) {
        self.nodes = nodes
        self.edges = edges
        self.sources = sources
    }
}
