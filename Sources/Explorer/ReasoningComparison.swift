import GraphRendering
import Grounding
import ReasoningPaths

/// Two explored texts side by side: one merged graph with the provenance of every node and hop, each side's hop
/// verdicts, where their paths part, and whether their final answers agree.
public struct ReasoningComparison: Sendable {
    /// A node of the merged graph.
    public struct Node: Sendable, Equatable {
        /// The merged node's id (side A's id when both sides have it).
        public var id: String
        public var label: String
        /// Side B's wording when it differs (same id after normalisation, or the same linked concept).
        public var labelB: String?
        public var provenance: Provenance
        /// Source lines in each side's text.
        public var linesA: [Int]
        public var linesB: [Int]
        /// The id on side B (differs from `id` when merged through a shared concept).
        public var idB: String?
        /// The linked concept (`id label`), when either side linked it.
        public var concept: String?
    }

    /// A hop of the merged graph with each side's verdict.
    public struct Hop: Sendable, Equatable {
        public var from: String
        public var to: String
        public var provenance: Provenance
        public var verdictA: HopVerdict?
        public var verdictB: HopVerdict?
        /// Each side's evidence lines for its verdict (`SUBJECT relation OBJECT (source)`).
        public var evidenceA: [String] = []
        public var evidenceB: [String] = []
        public var linesA: [Int]
        public var linesB: [Int]
    }

    /// Where a path of A and its closest path of B part after a shared start.
    public struct Divergence: Sendable, Equatable {
        /// 1-based path indices on each side.
        public var pathA: Int
        public var pathB: Int
        /// The shared leading node ids (merged ids).
        public var shared: [String]
        /// Where each continues after the shared part (nil when that path ends there).
        public var nextA: String?
        public var nextB: String?
        /// True when the two paths are the same all the way.
        public var identical: Bool { nextA == nil && nextB == nil }
    }

    /// Whether the final answers agree.
    public enum AnswerAgreement: String, Sendable, Codable {
        case agree
        case disagree
        /// One or both texts have no final answer.
        case missing
    }

    public let a: Exploration
    public let b: Exploration
    /// The merged graph: side A's paths first (1…nA), then side B's (nA+1…).
    public let graph: ReasoningGraph
    public let nodes: [Node]
    public let hops: [Hop]
    public let divergences: [Divergence]
    /// A's paths whose first node B never starts a path with (1-based).
    public let unmatchedPathsA: [Int]
    public let unmatchedPathsB: [Int]
    public let answers: AnswerAgreement
    /// Share of content words (4+ letters) the two final answers have in common (Jaccard), 0 when one is missing.
    public let answerOverlap: Double

    public init(a: Exploration, b: Exploration, graph: ReasoningGraph, nodes: [Node], hops: [Hop],
                divergences: [Divergence], unmatchedPathsA: [Int], unmatchedPathsB: [Int], answers: AnswerAgreement,
                answerOverlap: Double) {
        self.a = a
        self.b = b
        self.graph = graph
        self.nodes = nodes
        self.hops = hops
        self.divergences = divergences
        self.unmatchedPathsA = unmatchedPathsA
        self.unmatchedPathsB = unmatchedPathsB
        self.answers = answers
        self.answerOverlap = answerOverlap
    }

    /// Counts of nodes and hops by provenance.
    public func count(_ p: Provenance) -> (nodes: Int, hops: Int) {
        (nodes.filter { $0.provenance == p }.count, hops.filter { $0.provenance == p }.count)
    }

    /// The merged node with `id`.
    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
}
