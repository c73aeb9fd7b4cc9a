/// One item of a reasoning-path list: a chain of steps, or a prose sentence kept as a single step.
public struct ReasoningPath: Codable, Sendable, Equatable {
    /// Whether the item was an arrow chain or a sentence.
    public enum Kind: String, Codable, Sendable { case chain, prose }

    /// The item number as written (`3` for `3.` or `3:`), or nil for bullets and unnumbered lines.
    public var number: Int?
    /// A label written before the path, e.g. `Path 1` from `**Path 1**:`, or nil.
    public var label: String?
    /// `chain` when the item had arrows, `prose` otherwise.
    public var kind: Kind
    /// 1-based line of the item's first line.
    public var line: Int
    /// The steps in order; a prose path has exactly one.
    public var steps: [PathStep]
    /// For each hop (steps[i] → steps[i+1]) the relation written on it (`A -- phenotype present -- B`), or nil.
    public var relations: [String?]
    /// For each hop, whether steps were elided there (`A -> ... -> B`).
    public var elided: [Bool]
    /// Indented or parenthesised explanation lines that belong to the item, joined with spaces, or nil.
    public var note: String?

    /// Creates a path. `relations` and `elided` default to one nil/false per hop.
    public init(number: Int?, label: String?, kind: Kind, line: Int, steps: [PathStep],
                relations: [String?]? = nil, elided: [Bool]? = nil, note: String? = nil) {
        self.number = number
        self.label = label
        self.kind = kind
        self.line = line
        self.steps = steps
        let hops = max(steps.count - 1, 0)
        self.relations = relations ?? Array(repeating: nil, count: hops)
        self.elided = elided ?? Array(repeating: false, count: hops)
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case number, label, kind, line, steps, relations, elided, note }

    /// Encodes optionals as explicit `null`s, as the output contract requires.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
        try c.encode(line, forKey: .line)
        try c.encode(steps, forKey: .steps)
        try c.encode(relations, forKey: .relations)
        try c.encode(elided, forKey: .elided)
        try c.encode(note, forKey: .note)
    }
}
