/// A typed relation between two loaded concepts, with where it was stated.
public struct IndexedRelation: Sendable, Hashable {
    /// What the relation says.
    public var kind: RelationKind
    /// The subject concept (index into `OntologyIndex.concepts`).
    public var subject: Int
    /// The object concept.
    public var object: Int
    /// `curated` or `derived`.
    public var evidence: String?
    /// The source's own provenance (PMID, "definition", …).
    public var provenance: String?
}
