import Foundation
import GraphRendering

/// The numbers of one `RenderBenchmark.run`.
public struct RenderBenchmarkResult: Sendable, Equatable {
    /// Nodes in the synthetic graph.
    public var nodeCount: Int
    /// Edges in the synthetic graph.
    public var edgeCount: Int
    /// Paths in the synthetic graph.
    public var pathCount: Int
    /// Timed iterations (after the warm-up).
    public var iterations: Int
    /// Fastest `GraphRenderer` SVG render.
    public var renderBest: Duration
    /// Median `GraphRenderer` SVG render.
    public var renderMedian: Duration
    /// Fastest bare libgvc run (parse + layout + SVG) on the same DOT.
    public var anchorBest: Duration
    /// Median bare libgvc run.
    public var anchorMedian: Duration
    /// The median render time aimed for.
    public var goal: Duration

    /// Creates a result.
    public init(nodeCount: Int, edgeCount: Int, pathCount: Int, iterations: Int, renderBest: Duration,
                renderMedian: Duration, anchorBest: Duration, anchorMedian: Duration, goal: Duration) {
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.pathCount = pathCount
        self.iterations = iterations
        self.renderBest = renderBest
        self.renderMedian = renderMedian
        self.anchorBest = anchorBest
        self.anchorMedian = anchorMedian
        self.goal = goal
    }

    /// Best render time over best anchor time (1.0 = no overhead over bare libgvc).
    public var ratio: Double {
        anchorBest > .zero ? renderBest / anchorBest : 0
    }

    /// Whether the median render time is within the goal.
    public var meetsGoal: Bool { renderMedian <= goal }

    /// Human-readable lines, e.g. `render svg, 100 nodes: best 12.3 ms, median 13.0 ms (goal <= 50 ms)`.
    public var report: String {
        """
        render svg, \(nodeCount) nodes (\(edgeCount) edges, \(pathCount) paths, \(iterations) iterations): \
        best \(Self.ms(renderBest)) ms, median \(Self.ms(renderMedian)) ms (goal <= \(Self.ms(goal, decimals: false)) ms)\
        \(meetsGoal ? "" : " OVER GOAL")
        anchor bare libgvc (agmemread + dot layout + svg): best \(Self.ms(anchorBest)) ms, \
        median \(Self.ms(anchorMedian)) ms
        ratio render/anchor (best): \(Self.fixed(ratio, places: 2))x
        """
    }

    private static func ms(_ duration: Duration, decimals: Bool = true) -> String {
        let millis = Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        return decimals ? fixed(millis, places: 1) : String(Int(millis.rounded()))
    }

    private static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
