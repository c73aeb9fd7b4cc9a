/// A concept mention found in running text by dictionary matching.
public struct TermSpan: Sendable, Hashable {
    /// The mention's UTF-8 byte offsets in the scanned text.
    public var range: Range<Int>
    /// The mention as written.
    public var text: String
    /// The concept (index into `OntologyIndex.concepts`).
    public var concept: Int
    /// The label or synonym it matched.
    public var matchedTerm: String
}
