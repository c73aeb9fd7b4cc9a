import GraphRendering
import ReasoningPaths

/// One reasoning text analysed: parsed into sections and paths, and built into a path graph.
///
/// ```swift
/// let analysis = TextAnalysis(input: try ReasoningInput.read(path: "case.txt"))
/// print(analysis.graph.nodes.count)
/// ```
public struct TextAnalysis: Sendable {
    /// The text as read.
    public let input: ReasoningInput
    /// What the parser found.
    public let parsed: ParsedReasoning
    /// The path graph.
    public let graph: ReasoningGraph

    /// Parses `input` and builds its graph.
    public init(input: ReasoningInput, limits: ParserLimits = .default) {
        self.input = input
        self.parsed = ReasoningParser(limits: limits).parse(bytes: input.bytes)
        self.graph = ReasoningGraphBuilder().build(from: parsed)
    }

    /// The footer and fingerprint every export of this text carries.
    public func annotations(title: String? = nil) -> DiagramAnnotations {
        DiagramAnnotations(inputSHA256: input.sha256, sourceName: input.sourceName, title: title)
    }
}
