import GraphRendering
import Grounding
import Ontology
import ReasoningPaths

/// One reasoning text analysed: parsed into sections and paths, built into a path graph, and — when an
/// ontology is loaded — every node linked and every hop verified.
///
/// ```swift
/// let ontology = try LoadedOntology.loadDefault()
/// let analysis = TextAnalysis(input: try ReasoningInput.read(path: "case.txt"), ontology: ontology.index)
/// print(analysis.grounding?.summary.groundingScore ?? 0)
/// ```
public struct TextAnalysis: Sendable {
    /// The text as read.
    public let input: ReasoningInput
    /// What the parser found.
    public let parsed: ParsedReasoning
    /// The path graph (mined from prose when the text has no path list and an ontology is loaded).
    public let graph: ReasoningGraph
    /// Whether `graph` was mined from prose rather than parsed from a path list.
    public let minedFromProse: Bool
    /// Links and verdicts, when an ontology was given.
    public let grounding: GroundedGraph?
    /// The loaded ontology sources (`name version`), when an ontology was given.
    public let ontologySources: [String]

    /// Parses `input`, builds its graph and grounds it against `ontology` when given.
    public init(input: ReasoningInput, limits: ParserLimits = .default, ontology: OntologyIndex? = nil) {
        self.input = input
        let parsed = ReasoningParser(limits: limits).parse(bytes: input.bytes)
        self.parsed = parsed
        var graph = ReasoningGraphBuilder().build(from: parsed)
        var mined = false
        if graph.nodes.isEmpty, let ontology {
            let paths = ProseMiner(index: ontology).mine(text: String(decoding: input.bytes, as: UTF8.self),
                                                         parsed: parsed)
            if !paths.isEmpty {
                graph = ReasoningGraphBuilder().build(paths: paths)
                mined = true
            }
        }
        self.graph = graph
        self.minedFromProse = mined
        self.grounding = ontology.map { Grounder(index: $0).ground(graph) }
        self.ontologySources = ontology.map { index in
            index.sources.map { s in s.version.map { "\(s.name) \($0)" } ?? s.name }
        } ?? []
    }

    /// The footer, fingerprint and grounding every export of this text carries.
    public func annotations(title: String? = nil) -> DiagramAnnotations {
        DiagramAnnotations(inputSHA256: input.sha256, sourceName: input.sourceName, title: title,
                           ontology: grounding.map { GroundingAnnotations.make($0, sources: ontologySources) })
    }
}
