/// One ontology fact behind a hop verdict.
public struct HopEvidence: Sendable, Codable, Hashable {
    /// The relation (`presents_with`, `treats`, …), `is_a`, or `same_concept`.
    public var relation: String
    /// The subject concept id of the fact.
    public var subject: String
    /// The object concept id of the fact.
    public var object: String
    /// The source file's ontology name.
    public var source: String
    /// `forward` when the fact reads A → B, `backward` when it reads B → A.
    public var direction: String
    /// For attested-via-is-a: the concept ids from A up or down to the fact's end on A's side, then from the
    /// fact's end on B's side to B.
    public var chain: [String]
    /// `curated` or `derived`, when the source says.
    public var evidence: String?
}
