/// One node of a reasoning path as written, e.g. `Calcium channel blockers (e.g., Amlodipine, Diltiazem)`.
public struct PathStep: Codable, Sendable, Equatable, Hashable {
    /// The step as written, minus markup, numbering, label and a final period.
    public var text: String
    /// `text` minus a trailing parenthetical (`Calcium channel blockers`).
    public var name: String
    /// The trailing parenthetical's inner text (`e.g., Amlodipine, Diltiazem`), or nil.
    public var qualifier: String?

    /// Creates a step from its parts.
    public init(text: String, name: String, qualifier: String?) {
        self.text = text
        self.name = name
        self.qualifier = qualifier
    }

    private enum CodingKeys: String, CodingKey { case text, name, qualifier }

    /// Encodes `qualifier` as an explicit `null` when absent, as the output contract requires.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(name, forKey: .name)
        try c.encode(qualifier, forKey: .qualifier)
    }
}
