/// An alternative name of a concept, with its scope and an optional kind (`layperson`, `abbreviation`, …).
public struct Synonym: Sendable, Hashable, Codable {
    /// The synonym text as the source writes it.
    public var text: String
    /// How closely it matches the concept.
    public var scope: SynonymScope
    /// The source's synonym type, e.g. `layperson`, `abbreviation`, `plural`, `uk_spelling`.
    public var kind: String?

    public init(_ text: String, scope: SynonymScope = .exact, kind: String? = nil) {
        self.text = text
        self.scope = scope
        self.kind = kind
    }
}
