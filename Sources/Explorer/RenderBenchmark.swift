import GraphRendering
import ReasoningPaths

/// Times ddx's SVG rendering on a synthetic graph against bare libgvc on the same DOT (the anchor).
///
/// The graph is deterministic: `nodeCount` nodes over about 25 chains (fewer for tiny graphs), each
/// chain ending on another chain's conclusion so hops and conclusions are shared, with some relation
/// labels and elided hops. After one warm-up of each, every iteration runs (a) `GraphRenderer`'s SVG
/// render (building the cgraph graph, escaping, styling, layout, render) and (b) the anchor,
/// `GraphvizBenchmarkSupport.measureBareLayout` on the DOT ddx generated for that graph (`agmemread` +
/// `dot` layout + SVG render, no styling work), interleaved so both see the same machine load.
///
/// ```swift
/// let result = try RenderBenchmark.run(nodeCount: 100, iterations: 20)
/// print(result.report)
/// ```
public enum RenderBenchmark {
    /// The median render time the project aims for at 100 nodes.
    public static let goal: Duration = .milliseconds(50)

    /// Runs the benchmark. `nodeCount` is raised to at least 2 and `iterations` to at least 1.
    public static func run(nodeCount: Int = 100, iterations: Int = 20) throws -> RenderBenchmarkResult {
        let graph = syntheticGraph(nodeCount: max(nodeCount, 2))
        let renderer = GraphRenderer()
        let annotations = DiagramAnnotations(inputSHA256: String(repeating: "0", count: 64),
                                             sourceName: "synthetic benchmark graph")
        let dot = try renderer.dotSource(graph, annotations: annotations)
        let clock = ContinuousClock()

        _ = try renderer.render(graph, as: .svg, annotations: annotations)
        _ = try GraphvizBenchmarkSupport.measureBareLayout(dot: dot, format: .svg)
        var renderTimes: [Duration] = []
        var anchorTimes: [Duration] = []
        for _ in 0..<max(iterations, 1) {
            let start = clock.now
            _ = try renderer.render(graph, as: .svg, annotations: annotations)
            renderTimes.append(clock.now - start)
            anchorTimes.append(try GraphvizBenchmarkSupport.measureBareLayout(dot: dot, format: .svg))
        }
        return RenderBenchmarkResult(nodeCount: graph.nodes.count, edgeCount: graph.edges.count,
                                     pathCount: graph.paths.count, iterations: renderTimes.count,
                                     renderBest: renderTimes.min() ?? .zero, renderMedian: BenchmarkStatistics.median(renderTimes),
                                     anchorBest: anchorTimes.min() ?? .zero, anchorMedian: BenchmarkStatistics.median(anchorTimes),
                                     goal: goal)
    }

    /// The synthetic graph `run` measures (deterministic for a given `nodeCount`).
    public static func syntheticGraph(nodeCount: Int) -> ReasoningGraph {
        let pathCount = max(1, min(25, nodeCount / 4))
        let own: [[Int]] = (0..<pathCount).map { path in Array(stride(from: path, to: nodeCount, by: pathCount)) }
        let chains: [[Int]] = (0..<pathCount).map { path in
            let target = own[(path + 3) % pathCount].last ?? path
            return own[path].contains(target) ? own[path] : own[path] + [target]
        }
        var nodes: [Int: GraphNode] = [:]
        var edges: [String: GraphEdge] = [:]
        var paths: [GraphPath] = []
        var hop = 0
        for (offset, chain) in chains.enumerated() {
            let index = offset + 1
            let line = 2 * index
            paths.append(GraphPath(index: index, number: index, label: "Path \(index)", line: line, kind: .chain,
                                   nodes: chain.map(nodeID)))
            for (position, number) in chain.enumerated() {
                let role: NodeRole = chain.count == 1 ? .statement
                    : position == 0 ? .finding : position == chain.count - 1 ? .conclusion : .mechanism
                var node = nodes[number] ?? GraphNode(id: nodeID(number), label: nodeLabel(number, role: role),
                                                      role: role, paths: [], lines: [])
                node.paths.append(index)
                node.lines.append(line)
                nodes[number] = node
                guard position > 0 else { continue }
                hop += 1
                let from = nodeID(chain[position - 1]), to = nodeID(number)
                var edge = edges[from + ">" + to]
                    ?? GraphEdge(from: from, to: to, paths: [], lines: [], elided: hop % 7 == 0)
                edge.paths.append(index)
                edge.lines.append(line)
                if hop % 3 == 0, edge.relations.isEmpty { edge.relations.append(relations[hop % relations.count]) }
                edges[from + ">" + to] = edge
            }
        }
        return ReasoningGraph(nodes: nodes.values.sorted { $0.id < $1.id },
                              edges: edges.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) },
                              paths: paths)
    }

    private static let relations = ["causes", "leads to", "suggests", "is associated with"]
    private static let findings = ["crushing retrosternal chest pain", "shortness of breath on exertion",
                                   "elevated serum troponin", "bilateral ankle oedema", "fever and productive cough"]
    private static let mechanisms = ["reduced coronary perfusion", "left ventricular dysfunction",
                                     "pulmonary venous congestion", "systemic inflammatory response",
                                     "impaired renal sodium excretion"]
    private static let conclusions = ["acute myocardial infarction", "congestive heart failure",
                                      "community-acquired pneumonia", "nephrotic syndrome"]

    private static func nodeID(_ number: Int) -> String {
        let digits = String(number)
        return "n" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func nodeLabel(_ number: Int, role: NodeRole) -> String {
        let words: [String]
        switch role {
        case .finding: words = findings
        case .mechanism: words = mechanisms
        case .conclusion: words = conclusions
        case .statement: words = ["prose statement"]
        }
        return "\(words[number % words.count].prefix(1).uppercased())\(words[number % words.count].dropFirst()) (step \(number))"
    }
}
