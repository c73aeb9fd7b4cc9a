import Foundation

/// The largest graph ddx hands to Graphviz's `dot` layout (SVG, PNG, PDF, the report's drawing). Layout time grows
/// steeply with size and crossings: a random 110-node, 197-edge graph takes 3 s, 217 nodes and 397 edges 110 s,
/// 400 nodes and 960 edges over 10 minutes, so a hostile or runaway text could otherwise hang a render. DOT, Mermaid
/// and JSON exports need no layout and have no such limit.
public struct LayoutLimits: Sendable, Equatable {
    /// Most nodes laid out.
    public var maxNodes: Int
    /// Most edges laid out.
    public var maxEdges: Int

    /// Limits with the given bounds.
    public init(maxNodes: Int, maxEdges: Int) {
        self.maxNodes = maxNodes
        self.maxEdges = maxEdges
    }

    /// 150 nodes and 300 edges: far above real reasoning graphs (tens of nodes), and at most seconds of layout.
    public static let `default` = LayoutLimits(maxNodes: 150, maxEdges: 300)

    private static let lock = NSLock()
    nonisolated(unsafe) private static var processLimits = LayoutLimits.default

    /// The limits every layout in this process uses (set once from the command line: `--max-nodes`, `--max-edges`).
    public static var current: LayoutLimits {
        get { lock.withLock { processLimits } }
        set { lock.withLock { processLimits = newValue } }
    }

    /// Throws ``GraphRenderingError/graphTooLarge(nodes:edges:limits:)`` when `nodes` or `edges` is over the limits.
    func check(nodes: Int, edges: Int) throws {
        if nodes > maxNodes || edges > maxEdges {
            throw GraphRenderingError.graphTooLarge(nodes: nodes, edges: edges, limits: self)
        }
    }
}
