/// What ``OntologyXMLWriter`` did to fit the input into ddx's own ontology format.
public struct ConversionReport: Sendable, Hashable, Codable {
    /// Concepts written.
    public var written = 0
    /// Obsolete (deprecated) concepts left out.
    public var skippedObsolete = 0
    /// Concepts left out because an earlier document already had a concept with the same id.
    public var skippedDuplicates = 0
    /// Cross-references dropped: prefix outside ddx's closed list, or a code the format cannot hold.
    public var droppedXrefs = 0
    /// Relations dropped: a kind ddx's format has no name for, or a target that is not among the concepts written.
    public var droppedRelations = 0
    /// `is_a` parents dropped because they are not among the concepts written (absent or obsolete).
    public var droppedParents = 0
    /// Concepts without a type that took one from the `is_a` hierarchy (nearest typed ancestor, else commonest
    /// type of the nearest typed descendants; see ``OntologyTypeInference``).
    public var inferredTypes = 0
    /// Concepts without a type that the hierarchy gives none either, written as `finding`.
    public var defaultedTypes = 0
    /// Concepts whose local id had to take a numeric suffix because another concept's id mapped to the same slug.
    public var renamedIDs = 0

    public init() {}

    /// One line for the command-line tool, e.g. `wrote 47200 concepts; 0 obsolete skipped; …`.
    public var summary: String {
        var parts = ["wrote \(written) concept\(written == 1 ? "" : "s")"]
        let counts: [(Int, String)] = [
            (skippedObsolete, "obsolete skipped"), (skippedDuplicates, "duplicate ids skipped"),
            (droppedXrefs, "xrefs dropped"), (droppedRelations, "relations dropped"),
            (droppedParents, "is_a parents dropped"), (inferredTypes, "types inferred from the hierarchy"),
            (defaultedTypes, "types defaulted to finding"), (renamedIDs, "ids renamed to stay unique"),
        ]
        for (count, what) in counts where count > 0 { parts.append("\(count) \(what)") }
        return parts.joined(separator: "; ")
    }
}
