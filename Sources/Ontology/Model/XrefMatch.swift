/// The mapping strength of a cross-reference (SKOS semantics; `unspecified` for plain database xrefs).
public enum XrefMatch: String, Sendable, CaseIterable, Codable {
    case exact, broad, narrow, related, unspecified

    /// Whether concepts sharing a code through this kind of mapping denote the same thing.
    public var isEquivalence: Bool { self == .exact || self == .unspecified }
}
