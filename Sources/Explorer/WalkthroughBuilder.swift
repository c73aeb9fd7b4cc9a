import Grounding
import ReasoningPaths

/// Turns an `Exploration` into a `Walkthrough`: step 1 is the case stem; then every reasoning path, one hop per step
/// (its verdict and evidence, the linked concepts of both ends, the model's sentences about them), revealing the
/// graph hop by hop; then the model's conclusion and final answer; last, the reference answer and teaching points.
///
/// ```swift
/// let exploration = try await DiagnosisExplorer(configuration: configuration, model: nil)
///     .explore(.text(input, medicalCase: try CaseLibrary.load("cough")))
/// let walkthrough = WalkthroughBuilder().build(exploration)
/// print(walkthrough.steps.count)
/// ```
public struct WalkthroughBuilder: Sendable {
    /// Paths shown hop by hop; the rest are only counted (and drawn at the conclusion).
    public var maxPaths: Int
    /// Hops shown per path.
    public var maxHopsPerPath: Int
    /// Reasoning sentences shown per hop.
    public var reasoningLimit: Int

    public init(maxPaths: Int = 40, maxHopsPerPath: Int = 25, reasoningLimit: Int = 3) {
        self.maxPaths = maxPaths
        self.maxHopsPerPath = maxHopsPerPath
        self.reasoningLimit = reasoningLimit
    }

    /// Builds the walkthrough.
    public func build(_ exploration: Exploration) -> Walkthrough {
        let analysis = exploration.analysis
        let graph = analysis.graph
        let medicalCase = exploration.medicalCase
        let question = medicalCase?.question ?? exploration.question ?? exploration.metadata.question ?? ""
        var walkthrough = Walkthrough(
            caseID: medicalCase?.id ?? "question", title: medicalCase?.title ?? (question.isEmpty ? "Walkthrough" : question),
            vignette: medicalCase?.vignette ?? "", question: question, options: medicalCase?.options ?? [],
            referenceAnswer: medicalCase?.answer ?? "", teachingPoints: medicalCase?.teachingPoints ?? [],
            caseSource: medicalCase?.source, optionCheck: nil,
            conclusion: analysis.parsed.conclusion.map(Self.trimmed).flatMap { $0.isEmpty ? nil : $0 },
            finalAnswer: analysis.parsed.finalAnswer.map(Self.trimmed).flatMap { $0.isEmpty ? nil : $0 },
            steps: [], omittedPaths: max(graph.paths.count - maxPaths, 0), pathCount: graph.paths.count,
            exploration: exploration)
        if let medicalCase, !medicalCase.options.isEmpty {
            walkthrough.optionCheck = Self.optionCheck(medicalCase, finalAnswer: walkthrough.finalAnswer ?? walkthrough.conclusion)
        }

        var steps: [WalkthroughStep] = []
        steps.append(WalkthroughStep(number: 1, kind: .caseStem, title: "The case", caption: caseCaption(walkthrough)))

        let matcher = StepReasoningMatcher(analysis: analysis)
        let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let edges = Dictionary(graph.edges.map { (WalkthroughStep.Edge(from: $0.from, to: $0.to), $0) },
                               uniquingKeysWith: { first, _ in first })
        var revealedNodes = Set<String>()
        var revealedEdges = Set<WalkthroughStep.Edge>()
        for path in graph.paths.prefix(max(maxPaths, 0)) {
            let ids = path.nodes
            guard let first = ids.first else { continue }
            let hopCount = min(max(ids.count - 1, 0), maxHopsPerPath)
            let pathLabel = "Path \(path.index)"
            let chain = ids.prefix(hopCount + 1).map { nodes[$0]?.label ?? $0 }
            if hopCount == 0 {
                let end = self.end(first, nodes: nodes, grounding: analysis.grounding)
                let terms = StepReasoningMatcher.terms(for: nodes[first] ?? GraphNode(id: first, label: first, role: .statement, paths: [], lines: []),
                                                       grounding: analysis.grounding?.grounding(ofNode: first))
                let hop = WalkthroughHop(path: path.index, pathLabel: pathLabel, position: 1, count: 1, from: end, to: nil,
                                         verdict: nil, verdictMeaning: "A single statement: there is no hop to check.",
                                         reasoning: matcher.matches(from: terms, to: nil, limit: reasoningLimit),
                                         chain: chain)
                revealedNodes.insert(first)
                steps.append(step(number: steps.count + 1, title: "\(pathLabel) · statement", hop: hop,
                                  revealedNodes: revealedNodes, revealedEdges: revealedEdges, current: [first], currentEdges: []))
                continue
            }
            for position in 1...hopCount {
                let a = ids[position - 1], b = ids[position]
                let key = WalkthroughStep.Edge(from: a, to: b)
                let edge = edges[key]
                let verification = analysis.grounding?.verification(from: a, to: b)
                let verdict = verification?.verdict.rawValue
                let fromTerms = terms(a, nodes: nodes, grounding: analysis.grounding)
                let toTerms = terms(b, nodes: nodes, grounding: analysis.grounding)
                let hop = WalkthroughHop(
                    path: path.index, pathLabel: pathLabel, position: position, count: hopCount,
                    from: end(a, nodes: nodes, grounding: analysis.grounding),
                    to: end(b, nodes: nodes, grounding: analysis.grounding),
                    verdict: verdict, verdictMeaning: WalkthroughHop.meaning(of: verdict),
                    evidence: verification.map(GroundingAnnotations.evidenceLines) ?? [],
                    relations: edge?.relations ?? [], elided: edge?.elided ?? false,
                    alsoInPaths: (edge?.paths ?? []).filter { $0 != path.index },
                    reasoning: matcher.matches(from: fromTerms, to: toTerms, limit: reasoningLimit),
                    chain: chain)
                revealedNodes.formUnion([a, b])
                revealedEdges.insert(key)
                steps.append(step(number: steps.count + 1, title: "\(pathLabel) · hop \(position) of \(hopCount)", hop: hop,
                                  revealedNodes: revealedNodes, revealedEdges: revealedEdges, current: [a, b],
                                  currentEdges: [key]))
            }
        }

        let allNodes = graph.nodes.map(\.id).sorted()
        let allEdges = graph.edges.map { WalkthroughStep.Edge(from: $0.from, to: $0.to) }.sorted()
        steps.append(WalkthroughStep(number: steps.count + 1, kind: .conclusion, title: "The model's conclusion",
                                     revealedNodes: allNodes, revealedEdges: allEdges,
                                     caption: conclusionCaption(walkthrough)))
        steps.append(WalkthroughStep(number: steps.count + 1, kind: .reference, title: "Reference answer",
                                     revealedNodes: allNodes, revealedEdges: allEdges,
                                     caption: referenceCaption(walkthrough)))
        walkthrough.steps = steps
        return walkthrough
    }

    private func step(number: Int, title: String, hop: WalkthroughHop, revealedNodes: Set<String>,
                      revealedEdges: Set<WalkthroughStep.Edge>, current: [String],
                      currentEdges: [WalkthroughStep.Edge]) -> WalkthroughStep {
        WalkthroughStep(number: number, kind: .hop, title: title, hop: hop, revealedNodes: revealedNodes.sorted(),
                        revealedEdges: revealedEdges.sorted(), currentNodes: Array(Set(current)).sorted(),
                        currentEdges: currentEdges, caption: Self.hopCaption(title: title, hop))
    }

    private func terms(_ id: String, nodes: [String: GraphNode], grounding: GroundedGraph?) -> StepReasoningMatcher.Terms {
        let node = nodes[id] ?? GraphNode(id: id, label: id, role: .mechanism, paths: [], lines: [])
        return StepReasoningMatcher.terms(for: node, grounding: grounding?.grounding(ofNode: id))
    }

    private func end(_ id: String, nodes: [String: GraphNode], grounding: GroundedGraph?) -> WalkthroughHop.End {
        let node = nodes[id]
        let concepts = (grounding?.grounding(ofNode: id)?.candidates ?? []).prefix(3).map {
            WalkthroughHop.Concept(id: $0.id, label: $0.label, type: $0.type?.rawValue, score: $0.score,
                                   match: $0.match.rawValue, source: $0.source)
        }
        return WalkthroughHop.End(nodeID: id, label: node?.label ?? id, qualifiers: node?.qualifiers ?? [],
                                  concepts: Array(concepts))
    }

    /// Compares the model's final answer with the reference option (see `BatchAnswerMatch` for the rules).
    static func optionCheck(_ medicalCase: MedicalCase, finalAnswer: String?) -> Walkthrough.OptionCheck {
        let reference = BatchAnswerMatch.leadingLetter(medicalCase.answer)
        let letter = reference?.0
        let text = letter.flatMap { l in medicalCase.options.first { $0.letter == l }?.text }
        let options = medicalCase.options.map { BatchOption(letter: $0.letter, text: $0.text) }
        let modelLetter = finalAnswer.flatMap(BatchAnswerMatch.chosenLetter)
        let agrees = BatchAnswerMatch.agrees(answer: finalAnswer, gold: medicalCase.answer, options: options)
        let named = letter.map { l in "option \(l)" + (text.map { " (\($0))" } ?? "") } ?? "the reference answer"
        let summary: String
        if finalAnswer == nil {
            summary = "The model wrote no final answer, so it cannot be compared with \(named)."
        } else if agrees {
            summary = "The model's final answer names the reference, \(named)."
        } else if let modelLetter {
            summary = "The model's final answer names option \(modelLetter), not the reference, \(named)."
        } else {
            summary = "The model's final answer does not name the reference, \(named)."
        }
        return Walkthrough.OptionCheck(referenceLetter: letter, referenceText: text, modelLetter: modelLetter,
                                       agrees: agrees, summary: summary)
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingSpaces
    }
}
