import Foundation
import GraphRendering
import Grounding
import ReasoningPaths

/// Turns a `ReasoningComparison` into the plain-value context the comparison page renders
/// (`Templates/compare/README.md` lists every key). Each side's text blocks, summary and metadata rows come from
/// `ReportContextBuilder`, so both pages show a text the same way; model text goes in as plain strings (escaped by
/// the templates) or as HTML ddx made from escaped text, and the graph data and metadata as inert JSON.
public struct CompareContextBuilder {
    public let comparison: ReasoningComparison
    public let sideA: String
    public let sideB: String

    public init(_ comparison: ReasoningComparison, sideA: String = "A", sideB: String = "B") {
        self.comparison = comparison
        self.sideA = sideA
        self.sideB = sideB
    }

    /// The context; `inlineSVG` is the merged graph as ddx's own SVG markup (nil when neither text has paths).
    public func context(inlineSVG: String?) -> [String: Any] {
        let c = comparison
        let data = CompareGraphData(c, sideA: sideA, sideB: sideB)
        let summary = c.summary(sideA: sideA, sideB: sideB)
        var context: [String: Any] = [
            "title": title,
            "disclaimer": RunMetadata.disclaimer,
            "attestedNote": "\u{201C}Attested\u{201D} means only that a hop was found in the loaded ontology (\(ontologyText)), not that it is correct.",
            "sideA": sideA,
            "sideB": sideB,
            "sides": [side(c.a, key: "a", name: sideA), side(c.b, key: "b", name: sideB)],
            "answers": answers,
            "counts": Provenance.allCases.map { p -> [String: Any] in
                let n = c.count(p)
                return ["provenance": p.rawValue, "label": p == .both ? "both" : p.caption(sideA: "A · " + sideA, sideB: "B · " + sideB),
                        "nodes": n.nodes, "hops": n.hops]
            },
            "divergences": divergences,
            "hasDivergences": !c.divergences.isEmpty,
            "identicalPaths": summary.identicalPaths,
            "divergingPaths": summary.divergingPaths,
            "unmatched": unmatched,
            "hasUnmatched": !c.unmatchedPathsA.isEmpty || !c.unmatchedPathsB.isEmpty,
            "hopRows": hopRows,
            "hasHops": !c.hops.isEmpty,
            "grounded": data.grounded,
            "dataJSON": data.scriptJSON(),
            "metadataJSON": RunMetadataEmbedding.inertJSON(c.metadataJSON(sideA: sideA, sideB: sideB)),
            "ddxVersion": c.a.metadata.ddxVersion,
            "hasGraph": inlineSVG != nil,
        ]
        if let inlineSVG { context["svg"] = inlineSVG }
        if let medicalCase = c.a.medicalCase ?? c.b.medicalCase {
            context["case"] = ReportContextBuilder.caseContext(medicalCase)
        } else if let q = c.a.question ?? c.b.question, !q.isEmpty {
            context["question"] = q
        }
        return context
    }

    /// The page title: the case's title, else the question, else the two file names.
    var title: String {
        let c = comparison
        if let medicalCase = c.a.medicalCase ?? c.b.medicalCase { return medicalCase.title }
        if let q = c.a.question ?? c.b.question, !q.isEmpty { return q.count > 160 ? String(q.prefix(159)) + "…" : q }
        return (c.a.analysis.input.sourceName as NSString).lastPathComponent + " vs "
            + (c.b.analysis.input.sourceName as NSString).lastPathComponent
    }

    private var ontologyText: String {
        let sources = comparison.a.analysis.ontologySources
        return sources.isEmpty ? "none loaded" : sources.joined(separator: ", ")
    }

    /// One side: its text blocks, summary, paths in its own numbering and run metadata.
    private func side(_ e: Exploration, key: String, name: String) -> [String: Any] {
        let report = ReportContextBuilder(e)
        let pathsA = comparison.a.analysis.graph.paths.count
        let offset = key == "a" ? 0 : pathsA
        let labels = Dictionary(comparison.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { x, _ in x })
        let paths = comparison.graph.paths.filter { key == "a" ? $0.index <= pathsA : $0.index > pathsA }.map { p -> [String: Any] in
            ["index": p.index, "number": p.index - offset, "line": p.line,
             "text": p.nodes.map { labels[$0] ?? $0 }.joined(separator: " → ")]
        }
        return [
            "key": key, "letter": key.uppercased(), "name": name,
            "subtitle": report.subtitle,
            "summary": report.summary,
            "blocks": report.blocks,
            "paths": paths,
            "hasPaths": !paths.isEmpty,
            "metadataRows": e.metadata.rows.map { ["label": $0.label, "value": $0.value] },
            "inputSHA256": e.analysis.input.sha256,
            "warningCount": e.analysis.parsed.warnings.count,
            "hasWarnings": !e.analysis.parsed.warnings.isEmpty,
        ]
    }

    private var answers: [String: Any] {
        let c = comparison
        let text: String
        switch c.answers {
        case .agree: text = "The final answers agree."
        case .disagree: text = "The final answers differ."
        case .missing: text = "Agreement unknown: at least one text has no final answer."
        }
        return ["agreement": c.answers.rawValue, "text": text, "overlap": String(format: "%.0f%%", c.answerOverlap * 100),
                "agree": c.answers == .agree, "disagree": c.answers == .disagree, "missing": c.answers == .missing]
    }

    /// Where each path of A parts from the closest path of B.
    private var divergences: [[String: Any]] {
        let c = comparison
        func label(_ id: String?) -> String { id.flatMap { c.node($0)?.label } ?? "" }
        return c.divergences.map { d in
            [
                "pathA": d.pathA, "pathB": d.pathB, "identical": d.identical,
                "shared": d.shared.map { label($0) }.joined(separator: " → "),
                "sharedCount": d.shared.count,
                "nextA": label(d.nextA), "hasNextA": d.nextA != nil,
                "nextB": label(d.nextB), "hasNextB": d.nextB != nil,
            ] as [String: Any]
        }
    }

    /// Paths that start where no path of the other side starts.
    private var unmatched: [[String: Any]] {
        let c = comparison
        let pathsA = c.a.analysis.graph.paths.count
        let labels = Dictionary(c.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { x, _ in x })
        func text(_ index: Int) -> String {
            c.graph.paths.first { $0.index == index }.map { $0.nodes.map { labels[$0] ?? $0 }.joined(separator: " → ") } ?? ""
        }
        return c.unmatchedPathsA.map { ["side": "A", "provenance": Provenance.onlyA.rawValue, "number": $0, "text": text($0)] as [String: Any] }
            + c.unmatchedPathsB.map { ["side": "B", "provenance": Provenance.onlyB.rawValue, "number": $0, "text": text($0 + pathsA)] as [String: Any] }
    }

    /// Every hop of the merged graph with its side and each side's verdict.
    private var hopRows: [[String: Any]] {
        let c = comparison
        func label(_ id: String) -> String { c.node(id)?.label ?? id }
        return c.hops.map { h in
            [
                "id": DiagramElementID.edge(from: h.from, to: h.to),
                "from": label(h.from), "to": label(h.to), "provenance": h.provenance.rawValue,
                "provenanceLabel": h.provenance.caption(),
                "verdictA": h.verdictA?.rawValue ?? "", "hasVerdictA": h.verdictA != nil,
                "verdictB": h.verdictB?.rawValue ?? "", "hasVerdictB": h.verdictB != nil,
                "differ": h.verdictA != nil && h.verdictB != nil && h.verdictA != h.verdictB,
            ] as [String: Any]
        }
    }
}
