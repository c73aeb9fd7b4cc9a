import Foundation
import GraphRendering
import Grounding
import ReasoningPaths

/// What the comparison page's script knows about the merged graph, embedded as JSON in `<script
/// type="application/json" id="ddx-data">`: every node and hop under its SVG id with its side, each side's source lines,
/// verdicts and evidence; every path with its side and own number; and which lines of each text start which paths.
struct CompareGraphData: Encodable {
    struct Node: Encodable {
        var id: String
        var label: String
        var labelB: String?
        var role: String
        var provenance: String
        var concept: String?
        var linesA: [Int]
        var linesB: [Int]
        var paths: String
    }

    struct Edge: Encodable {
        var from: String
        var to: String
        var fromLabel: String
        var toLabel: String
        var provenance: String
        var linesA: [Int]
        var linesB: [Int]
        var paths: String
        var verdictA: String?
        var verdictB: String?
        var evidenceA: [String]
        var evidenceB: [String]
    }

    struct Path: Encodable {
        /// The merged graph's index (A's paths first).
        var index: Int
        /// `a` or `b`.
        var side: String
        /// The path's number in its own text.
        var number: Int
        var line: Int
        var nodes: [String]
        var edges: [String]
        var text: String
    }

    var sideA: String
    var sideB: String
    var nodes: [String: Node] = [:]
    var edges: [String: Edge] = [:]
    var paths: [Path] = []
    /// Side (`a`, `b`) → line number (as text) → merged indices of the paths written on it.
    var lineToPaths: [String: [String: [Int]]] = ["a": [:], "b": [:]]
    var grounded: Bool

    init(_ c: ReasoningComparison, sideA: String, sideB: String) {
        self.sideA = sideA
        self.sideB = sideB
        grounded = c.a.analysis.grounding != nil || c.b.analysis.grounding != nil
        let pathsA = c.a.analysis.graph.paths.count
        let tags = ComparisonAnnotations(nodes: [:], edges: [:], pathsA: pathsA)
        let merged = Dictionary(c.graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var labels: [String: String] = [:]
        for n in c.nodes {
            labels[n.id] = n.label
            let graphNode = merged[n.id]
            nodes[DiagramElementID.node(n.id)] = Node(
                id: n.id, label: n.label, labelB: n.labelB, role: graphNode?.role.rawValue ?? NodeRole.mechanism.rawValue,
                provenance: n.provenance.rawValue, concept: n.concept, linesA: n.linesA, linesB: n.linesB,
                paths: tags.pathTags(graphNode?.paths ?? []))
        }
        let mergedEdges = Dictionary(c.graph.edges.map { ("\($0.from)\u{1}\($0.to)", $0) }, uniquingKeysWith: { x, _ in x })
        for h in c.hops {
            edges[DiagramElementID.edge(from: h.from, to: h.to)] = Edge(
                from: DiagramElementID.node(h.from), to: DiagramElementID.node(h.to),
                fromLabel: labels[h.from] ?? h.from, toLabel: labels[h.to] ?? h.to, provenance: h.provenance.rawValue,
                linesA: h.linesA, linesB: h.linesB, paths: tags.pathTags(mergedEdges["\(h.from)\u{1}\(h.to)"]?.paths ?? []),
                verdictA: h.verdictA?.rawValue, verdictB: h.verdictB?.rawValue, evidenceA: h.evidenceA, evidenceB: h.evidenceB)
        }
        for p in c.graph.paths {
            let side = p.index <= pathsA ? "a" : "b"
            let hopIDs = zip(p.nodes, p.nodes.dropFirst()).map { DiagramElementID.edge(from: $0, to: $1) }
            paths.append(Path(index: p.index, side: side, number: side == "a" ? p.index : p.index - pathsA, line: p.line,
                              nodes: p.nodes.map(DiagramElementID.node), edges: p.kind == .chain ? hopIDs : [],
                              text: p.nodes.map { labels[$0] ?? $0 }.joined(separator: " → ")))
            lineToPaths[side, default: [:]][String(p.line), default: []].append(p.index)
        }
    }
}
