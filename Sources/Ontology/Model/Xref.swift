/// A cross-reference from a concept to a code in another vocabulary, as a normalised CURIE.
public struct Xref: Sendable, Hashable, Codable {
    /// The code as a CURIE with a normalised prefix, e.g. `MESH:D003371`, `UMLS:C0010200`.
    public var code: String
    /// The mapping strength.
    public var match: XrefMatch

    public init(_ code: String, match: XrefMatch = .unspecified) {
        self.code = code
        self.match = match
    }
}
