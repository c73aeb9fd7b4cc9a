/// A typed relation from the concept that holds it (the subject) to another concept (the object).
public struct ConceptRelation: Sendable, Hashable, Codable {
    /// What the relation says.
    public var kind: RelationKind
    /// The object concept's id (a CURIE, or a reference the loader resolves after the pass).
    public var target: String
    /// HPO-style frequency class, e.g. `frequent`.
    public var frequency: String?
    /// `curated` or `derived` (e.g. mined from a definition phrase).
    public var evidence: String?
    /// Where the fact comes from, e.g. `PMID:…` or the source file's axiom.
    public var source: String?

    public init(_ kind: RelationKind, target: String, frequency: String? = nil, evidence: String? = nil,
                source: String? = nil) {
        self.kind = kind
        self.target = target
        self.frequency = frequency
        self.evidence = evidence
        self.source = source
    }
}
