/// Counts over a loaded index, as `ddx ontology info` prints them.
public struct OntologyStatistics: Sendable, Codable, Equatable {
    /// Concepts loaded, obsolete ones included.
    public var concepts: Int
    /// Of which obsolete.
    public var obsolete: Int
    /// Synonyms over all concepts.
    public var synonyms: Int
    /// Typed relations that resolved to a loaded concept (is_a not included).
    public var relations: Int
    /// Relations whose object is not among the loaded concepts.
    public var unresolvedRelations: Int
    /// `is_a` links that resolved.
    public var isALinks: Int
    /// Cross-references over all concepts.
    public var xrefs: Int
    /// Groups of concepts from different sources merged by shared codes (groups with two or more members).
    public var mergedGroups: Int
    /// Concepts per type (types inferred from ancestors included); `untyped` for the rest.
    public var types: [String: Int]
}
