import Foundation
import GraphRendering
import Grounding
import ReasoningPaths

/// What the report's script knows about the graph, embedded as JSON in `<script type="application/json"
/// id="ddx-data">`: every node and hop under its SVG id (`DiagramElementID`), with the source lines it came from, its
/// concept or verdict and evidence; every path with its nodes and hops; and which lines start which paths.
struct ReportGraphData: Encodable {
    struct Concept: Encodable {
        var id: String
        var label: String
        var type: String?
        var score: Double
        var match: String
        var source: String
    }

    struct Node: Encodable {
        var id: String
        var label: String
        var role: String
        var qualifiers: [String]
        var lines: [Int]
        var paths: [Int]
        var concept: Concept?
    }

    struct Edge: Encodable {
        var from: String
        var to: String
        var fromLabel: String
        var toLabel: String
        var lines: [Int]
        var paths: [Int]
        var relations: [String]
        var elided: Bool
        var verdict: String?
        var evidence: [String]
    }

    struct Path: Encodable {
        var index: Int
        var label: String
        var line: Int
        var nodes: [String]
        var edges: [String]
        var text: String
    }

    /// Node SVG id → node.
    var nodes: [String: Node] = [:]
    /// Hop SVG id → hop.
    var edges: [String: Edge] = [:]
    var paths: [Path] = []
    /// Line number (as text) → indices of the paths written on it.
    var lineToPaths: [String: [Int]] = [:]
    /// Whether nodes were linked to an ontology.
    var grounded: Bool

    init(analysis: TextAnalysis) {
        let graph = analysis.graph
        let grounding = analysis.grounding
        grounded = grounding != nil
        let linked = Dictionary((grounding?.nodes ?? []).map { ($0.node, $0) }, uniquingKeysWith: { first, _ in first })
        let verified = Dictionary((grounding?.edges ?? []).map { ("\($0.from)\u{1}\($0.to)", $0.verification) },
                                  uniquingKeysWith: { first, _ in first })
        var labels: [String: String] = [:]
        for node in graph.nodes {
            labels[node.id] = node.label
            let best = linked[node.id]?.best
            nodes[DiagramElementID.node(node.id)] = Node(
                id: node.id, label: node.label, role: node.role.rawValue, qualifiers: node.qualifiers,
                lines: node.lines, paths: node.paths,
                concept: best.map { Concept(id: $0.id, label: $0.label, type: $0.type?.rawValue, score: Self.rounded($0.score),
                                            match: $0.match.rawValue, source: $0.source) })
        }
        for edge in graph.edges {
            let verification = verified["\(edge.from)\u{1}\(edge.to)"]
            edges[DiagramElementID.edge(from: edge.from, to: edge.to)] = Edge(
                from: DiagramElementID.node(edge.from), to: DiagramElementID.node(edge.to),
                fromLabel: labels[edge.from] ?? edge.from, toLabel: labels[edge.to] ?? edge.to,
                lines: edge.lines, paths: edge.paths, relations: edge.relations, elided: edge.elided,
                verdict: verification?.verdict.rawValue,
                evidence: verification.map(GroundingAnnotations.evidenceLines) ?? [])
        }
        for path in graph.paths {
            let hopIDs = zip(path.nodes, path.nodes.dropFirst()).map { DiagramElementID.edge(from: $0, to: $1) }
            paths.append(Path(index: path.index, label: Self.pathLabel(path), line: path.line,
                              nodes: path.nodes.map(DiagramElementID.node), edges: path.kind == .chain ? hopIDs : [],
                              text: path.nodes.map { labels[$0] ?? $0 }.joined(separator: " → ")))
            lineToPaths[String(path.line), default: []].append(path.index)
        }
    }

    /// `P3` or `P3 (Path 2)` / `P3 (mined)`.
    static func pathLabel(_ path: GraphPath) -> String {
        guard let label = path.label, !label.isEmpty else { return "P\(path.index)" }
        return "P\(path.index) (\(label))"
    }

    private static func rounded(_ x: Double) -> Double { x.isFinite ? (x * 1000).rounded() / 1000 : 0 }
}
