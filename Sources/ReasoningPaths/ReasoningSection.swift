/// A labelled part of a reasoning text, with the 1-based inclusive line range it covers.
public struct ReasoningSection: Codable, Sendable, Equatable {
    /// What a section holds.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case thinking
        case findingPaths = "finding_paths"
        case reasoningProcess = "reasoning_process"
        case conclusion
        case finalResponse = "final_response"
        case finalAnswer = "final_answer"
        case plan
        case execution
        case other
    }

    /// The section's kind.
    public var kind: Kind
    /// The header as written, without markup (`Finding Reasoning Paths`, `Thinking`, `<Plan>` → `Plan`).
    public var title: String
    /// First line of the section (its header line), 1-based.
    public var startLine: Int
    /// Last line of the section, 1-based, inclusive.
    public var endLine: Int
    /// 0 for top-level sections (`## Thinking`, `<Think>`), 1 for sections nested inside them.
    public var depth: Int

    /// Creates a section.
    public init(kind: Kind, title: String, startLine: Int, endLine: Int, depth: Int = 0) {
        self.kind = kind
        self.title = title
        self.startLine = startLine
        self.endLine = endLine
        self.depth = depth
    }
}
