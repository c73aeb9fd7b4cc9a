/// One logical page of a `PDFHandout`: text blocks and, optionally, the path graph with some nodes and hops in
/// full colour and the rest greyed out.
public struct PDFHandoutPage: Sendable, Equatable {
    /// A hop of the graph, by node ids.
    public struct Hop: Sendable, Hashable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// Which parts of the graph a page shows in colour.
    public struct GraphFocus: Sendable, Equatable {
        /// Node ids drawn in full colour; all others are greyed.
        public var nodes: Set<String>
        /// Hops drawn in full colour; all others are greyed.
        public var hops: Set<Hop>
        /// Hops drawn with a heavier line (e.g. the path the page is about).
        public var emphasised: Set<Hop>

        public init(nodes: Set<String>, hops: Set<Hop>, emphasised: Set<Hop> = []) {
            self.nodes = nodes
            self.hops = hops
            self.emphasised = emphasised
        }
    }

    /// The page's text, in order.
    public var blocks: [PDFHandoutBlock]
    /// The graph to draw, and what to show in colour; nil draws no graph.
    public var graph: GraphFocus?
    /// How many of `blocks` come before the graph (the rest follow it).
    public var graphAfterBlocks: Int

    /// Creates a page.
    public init(blocks: [PDFHandoutBlock], graph: GraphFocus? = nil, graphAfterBlocks: Int = 1) {
        self.blocks = blocks
        self.graph = graph
        self.graphAfterBlocks = graphAfterBlocks
    }
}
