/// Everything the parser extracts from one reasoning text. Its JSON form is the `ddx parse` output contract.
public struct ParsedReasoning: Codable, Sendable, Equatable {
    /// Which family of model output the text resembles.
    public var format: ReasoningFormat
    /// Sections in document order (nested ones follow their parent).
    public var sections: [ReasoningSection]
    /// Path-list items in document order, duplicates kept.
    public var paths: [ReasoningPath]
    /// MedVerse plan steps (`<Outline>`/`<Step>`), separate from `paths`.
    public var planEdges: [PlanEdge]
    /// What was seen but not understood.
    public var warnings: [ParseWarning]
    /// The text of `## Final Response`/`## Final Answer` (or MedVerse's `Answer:` line), or nil.
    public var finalAnswer: String?
    /// The text of the `Conclusion:` section, or nil.
    public var conclusion: String?
    /// Number of lines in the input.
    public var lineCount: Int

    /// Creates a parse result.
    public init(format: ReasoningFormat, sections: [ReasoningSection], paths: [ReasoningPath],
                planEdges: [PlanEdge], warnings: [ParseWarning], finalAnswer: String?,
                conclusion: String?, lineCount: Int) {
        self.format = format
        self.sections = sections
        self.paths = paths
        self.planEdges = planEdges
        self.warnings = warnings
        self.finalAnswer = finalAnswer
        self.conclusion = conclusion
        self.lineCount = lineCount
    }

    private enum CodingKeys: String, CodingKey {
        case format, sections, paths, planEdges, warnings, finalAnswer, conclusion, lineCount
    }

    /// Encodes optionals as explicit `null`s, as the output contract requires.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(sections, forKey: .sections)
        try c.encode(paths, forKey: .paths)
        try c.encode(planEdges, forKey: .planEdges)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(finalAnswer, forKey: .finalAnswer)
        try c.encode(conclusion, forKey: .conclusion)
        try c.encode(lineCount, forKey: .lineCount)
    }
}
