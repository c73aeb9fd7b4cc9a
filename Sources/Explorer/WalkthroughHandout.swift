import GraphRendering

/// The printable handout of a walkthrough as plain page descriptions for `PDFHandoutWriter`: page 1 the case and
/// question; one page per reasoning path (the graph with that path in colour, then each hop with its verdict, evidence,
/// linked concepts and the model's reasoning); a last page with the model's conclusion, the reference answer and
/// teaching points, and the run metadata. Every page's footer carries the disclaimer and the input's SHA-256.
public enum WalkthroughHandout {
    /// The handout for `w`.
    public static func make(_ w: Walkthrough) -> PDFHandout {
        let metadata = w.exploration.metadata
        var pages: [PDFHandoutPage] = [casePage(w)]
        var byPath: [(path: Int, steps: [WalkthroughStep])] = []
        for step in w.steps where step.kind == .hop {
            guard let hop = step.hop else { continue }
            if byPath.last?.path == hop.path { byPath[byPath.count - 1].steps.append(step) } else { byPath.append((hop.path, [step])) }
        }
        // Paths that are single statements share a page; every path with hops has its own.
        var statements: [WalkthroughStep] = []
        for (path, steps) in byPath {
            if steps.allSatisfy({ $0.hop?.to == nil }) {
                statements += steps
                continue
            }
            if !statements.isEmpty { pages.append(statementPage(statements)); statements = [] }
            pages.append(pathPage(path, steps: steps, of: w))
        }
        if !statements.isEmpty { pages.append(statementPage(statements)) }
        pages.append(lastPage(w))
        var annotations = w.exploration.analysis.annotations()
        annotations.metadataJSON = metadata.json()
        return PDFHandout(title: "ddx walkthrough: \(w.title)",
                          subject: "Model-generated reasoning for research and teaching, not clinical advice",
                          creator: "ddx \(metadata.ddxVersion)",
                          footer: "\(RunMetadata.disclaimer) Input SHA-256 \(metadata.inputSHA256).",
                          pages: pages, graph: w.exploration.analysis.graph.nodes.isEmpty ? nil : w.exploration.analysis.graph,
                          annotations: annotations)
    }

    private static func casePage(_ w: Walkthrough) -> PDFHandoutPage {
        var blocks = [PDFHandoutBlock(style: .title, text: w.title),
                      PDFHandoutBlock(style: .small, text: "ddx walkthrough handout · case \(w.caseID) · \(w.pathCount) reasoning path\(w.pathCount == 1 ? "" : "s")")]
        if !w.vignette.isEmpty { blocks.append(PDFHandoutBlock(heading: "Case", text: w.vignette, layer: .caseFact)) }
        var question = w.question
        if !w.options.isEmpty { question += "\n" + w.options.map { "\($0.letter). \($0.text)" }.joined(separator: "\n") }
        blocks.append(PDFHandoutBlock(heading: "Question", text: question, layer: .caseFact))
        blocks.append(PDFHandoutBlock(style: .small, heading: "How to read this handout", text: [
            "• CASE boxes come from the case file; MODEL CLAIM boxes are what the model wrote; ONTOLOGY boxes are what the loaded ontology says about each hop.",
            "• A hop's verdict (in its ONTOLOGY box) is one of: attested — a relation in the loaded ontology links the two concepts; attested-via-is-a — a relation links a broader or narrower concept of each end; plausible — no fact, but the concept types fit a known kind of relation; unattested — both ends linked, nothing connects them; ungrounded — an end is not linked. \"Attested\" means only that the hop was found in the loaded ontology, never that it is correct.",
            "• " + Walkthrough.matchingNote,
            "• Each path has its own page: the graph shows that path in colour and the rest in grey.",
        ].joined(separator: "\n")))
        return PDFHandoutPage(blocks: blocks)
    }

    private static func pathPage(_ path: Int, steps: [WalkthroughStep], of w: Walkthrough) -> PDFHandoutPage {
        let hops = steps.compactMap(\.hop)
        var chain = hops.first.map { [$0.from.label] } ?? []
        for hop in hops { if let to = hop.to { chain.append(to.label) } }
        var blocks = [PDFHandoutBlock(style: .title, text: "Path \(path)"),
                      PDFHandoutBlock(text: chain.joined(separator: " → "), layer: .modelClaim, tag: "model claim · the model's path")]
        var nodes = Set<String>()
        var focusHops = Set<PDFHandoutPage.Hop>()
        for hop in hops {
            nodes.insert(hop.from.nodeID)
            if let to = hop.to {
                nodes.insert(to.nodeID)
                focusHops.insert(PDFHandoutPage.Hop(from: hop.from.nodeID, to: to.nodeID))
            }
        }
        for hop in hops {
            let title = hop.to == nil ? "Statement: \(hop.from.label)" : "Hop \(hop.position) of \(hop.count): \(hop.arrowText)"
            blocks.append(PDFHandoutBlock(style: .heading, text: title))
            var facts: [String] = []
            facts += hop.evidence.prefix(4).map { "• " + $0 }
            if hop.evidence.count > 4 { facts.append("• … and \(hop.evidence.count - 4) more") }
            for end in [hop.from] + (hop.to.map { [$0] } ?? []) {
                if let c = end.concepts.first {
                    facts.append("\(end.label) → \(c.id) \(c.label) (\(c.type ?? "untyped"), \(c.match) \(String(format: "%.2f", c.score)))")
                } else if hop.verdict != nil {
                    facts.append("\(end.label): not linked to any concept")
                }
            }
            let tag = "ontology · " + (hop.verdict ?? "not checked")
            if facts.isEmpty { facts.append(hop.verdictMeaning) }
            blocks.append(PDFHandoutBlock(style: .small, text: facts.joined(separator: "\n"), layer: .ontologyFact, tag: tag))
            let reasoning = hop.reasoning.isEmpty
                ? "No matching sentence in the model's reasoning."
                : hop.reasoning.prefix(2).map { "• line \($0.line): \(WalkthroughBuilder.short($0.text, 300))" }.joined(separator: "\n")
            var about = "model claim · its reasoning"
            if !hop.relations.isEmpty { about += " · relation written: \(hop.relations.joined(separator: "; "))" }
            if !hop.alsoInPaths.isEmpty { about += " · hop also in path \(hop.alsoInPaths.map(String.init).joined(separator: ", "))" }
            blocks.append(PDFHandoutBlock(style: .small, text: reasoning, layer: .modelClaim, tag: about))
        }
        return PDFHandoutPage(blocks: blocks,
                              graph: PDFHandoutPage.GraphFocus(nodes: nodes, hops: focusHops, emphasised: focusHops),
                              graphAfterBlocks: 2)
    }

    private static func statementPage(_ steps: [WalkthroughStep]) -> PDFHandoutPage {
        let hops = steps.compactMap(\.hop)
        let numbers = hops.map(\.path)
        let range = numbers.count == 1 ? "Path \(numbers[0])" : "Paths \(numbers.first!)–\(numbers.last!)"
        var blocks = [PDFHandoutBlock(style: .title, text: "\(range): single statements"),
                      PDFHandoutBlock(style: .small, text: "Each of these paths is one statement with no hop, so there is nothing to verify; the ontology box shows what each statement was linked to.")]
        for hop in hops {
            blocks.append(PDFHandoutBlock(style: .heading, text: "Path \(hop.path): \(hop.from.label)"))
            let concept = hop.from.concepts.first.map { "\($0.id) \($0.label) (\($0.type ?? "untyped"), \($0.match) \(String(format: "%.2f", $0.score)))" }
                ?? "Not linked to any concept."
            blocks.append(PDFHandoutBlock(style: .small, text: concept, layer: .ontologyFact, tag: "ontology · linked concept"))
            let reasoning = hop.reasoning.isEmpty
                ? "No matching sentence in the model's reasoning."
                : hop.reasoning.prefix(2).map { "• line \($0.line): \(WalkthroughBuilder.short($0.text, 300))" }.joined(separator: "\n")
            blocks.append(PDFHandoutBlock(style: .small, text: reasoning, layer: .modelClaim, tag: "model claim · its reasoning"))
        }
        let nodes = Set(hops.map(\.from.nodeID))
        return PDFHandoutPage(blocks: blocks, graph: PDFHandoutPage.GraphFocus(nodes: nodes, hops: []), graphAfterBlocks: 2)
    }

    private static func lastPage(_ w: Walkthrough) -> PDFHandoutPage {
        var blocks = [PDFHandoutBlock(style: .title, text: "Conclusion and reference")]
        if w.pathCount == 0 {
            blocks.append(PDFHandoutBlock(style: .small, text: "The model's text has no reasoning paths ddx could parse or mine."))
        } else if w.omittedPaths > 0 {
            blocks.append(PDFHandoutBlock(style: .small, text: "\(w.omittedPaths) further path\(w.omittedPaths == 1 ? " is" : "s are") not shown hop by hop."))
        }
        blocks.append(PDFHandoutBlock(heading: "The model's conclusion", text: w.conclusion ?? "(none written)", layer: .modelClaim))
        blocks.append(PDFHandoutBlock(heading: "The model's final answer", text: w.finalAnswer ?? "(none written)", layer: .modelClaim))
        if let summary = w.exploration.analysis.grounding?.summary {
            blocks.append(PDFHandoutBlock(style: .small, heading: "Grounding", text: GroundingText.summaryLine(summary), layer: .ontologyFact))
        }
        blocks.append(PDFHandoutBlock(heading: "Reference answer",
                                      text: w.referenceAnswer.isEmpty ? "(no case file: no reference answer)" : w.referenceAnswer,
                                      layer: .caseFact))
        if !w.teachingPoints.isEmpty {
            blocks.append(PDFHandoutBlock(heading: "Teaching points", text: w.teachingPoints.map { "• " + $0 }.joined(separator: "\n"),
                                          layer: .caseFact))
        }
        if let check = w.optionCheck { blocks.append(PDFHandoutBlock(text: check.summary)) }
        let rows = w.exploration.metadata.rows.map { "\($0.label): \(WalkthroughBuilder.short($0.value, 300))" }
        blocks.append(PDFHandoutBlock(style: .small, heading: "Run metadata", text: rows.joined(separator: "\n")))
        return PDFHandoutPage(blocks: blocks)
    }
}
