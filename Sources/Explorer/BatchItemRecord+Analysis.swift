import Grounding
import Ontology
import ReasoningPaths

extension BatchItemRecord {
    /// Parses, builds, links and verifies one item (`TextAnalysis`) and condenses the result into a record.
    public static func analyse(_ item: BatchItem, ontology: OntologyIndex?, limits: ParserLimits = .default)
        -> BatchItemRecord {
        let analysis = TextAnalysis(input: ReasoningInput(bytes: item.text, sourceName: item.id), limits: limits,
                                    ontology: ontology)
        return BatchItemRecord(item: item, analysis: analysis)
    }

    /// The record of `analysis`, the analysis of `item`'s text.
    public init(item: BatchItem, analysis: TextAnalysis) {
        let graph = analysis.graph
        let grounding = analysis.grounding
        var concepts: [String: String] = [:]
        if let grounding {
            for n in grounding.nodes { if let best = n.best { concepts[n.node] = best.id } }
        }
        let nodes = graph.nodes.map { Node(id: $0.id, label: $0.label, concept: concepts[$0.id]) }
        var labels: [String: String] = [:]
        for n in graph.nodes { labels[n.id] = n.label }
        var hops: [Hop] = []
        var unattested: [String] = []
        hops.reserveCapacity(graph.edges.count)
        if let grounding {
            for e in grounding.edges {
                let verdict = e.verification.verdict
                hops.append(Hop(from: e.from, to: e.to, verdict: verdict.rawValue))
                if verdict == .unattested { unattested.append("\(labels[e.from] ?? e.from) -> \(labels[e.to] ?? e.to)") }
            }
        } else {
            hops = graph.edges.map { Hop(from: $0.from, to: $0.to) }
        }
        let source: PathSource = analysis.minedFromProse ? .mined : (graph.paths.isEmpty ? .none : .explicit)
        let answer = (analysis.parsed.finalAnswer ?? analysis.parsed.conclusion)?.trimmingSpaces
        let shown = answer.flatMap { a -> String? in
            if a.isEmpty { return nil }
            if a.utf8.count <= Self.maxAnswerCharacters { return a }
            return a.count > Self.maxAnswerCharacters ? String(a.prefix(Self.maxAnswerCharacters - 1)) + "…" : a
        }
        self.init(id: item.id, line: item.line, sha256: analysis.input.sha256, format: analysis.parsed.format.rawValue,
                  textField: item.textField, pathSource: source, pathLengths: graph.paths.map(\.nodes.count),
                  nodes: nodes, hops: hops, groundedNodes: grounding?.summary.groundedNodes ?? 0,
                  verdicts: grounding?.summary.verdicts ?? [:], groundingScore: grounding?.summary.groundingScore,
                  finalAnswer: shown, goldAnswer: item.goldAnswer,
                  agreement: item.goldAnswer.map { BatchAnswerMatch.agrees(answer: answer, gold: $0, options: item.options) },
                  warnings: analysis.parsed.warnings.count, unattestedHops: unattested)
        generation = item.generation
    }
}
