/// One step of a walkthrough: the case stem, one hop of a path, the model's conclusion, or the reference answer —
/// with what the graph shows at that point (revealed nodes and hops, the current one highlighted).
public struct WalkthroughStep: Sendable, Equatable {
    /// What the step shows; also its section (1–4), which the number keys jump to.
    public enum Kind: String, Sendable, CaseIterable {
        /// Section 1: vignette, question, options.
        case caseStem = "case"
        /// Section 2: one hop of one reasoning path.
        case hop
        /// Section 3: the model's conclusion and final answer.
        case conclusion
        /// Section 4: the reference answer and teaching points.
        case reference

        /// The section number (1–4).
        public var section: Int {
            switch self {
            case .caseStem: 1
            case .hop: 2
            case .conclusion: 3
            case .reference: 4
            }
        }

        /// The section's name.
        public var sectionTitle: String {
            switch self {
            case .caseStem: "Case"
            case .hop: "Reasoning paths"
            case .conclusion: "Model's conclusion"
            case .reference: "Reference answer"
            }
        }
    }

    /// A hop of the graph by node ids.
    public struct Edge: Sendable, Hashable, Comparable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }

        public static func < (a: Edge, b: Edge) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    /// 1-based position in the walkthrough.
    public var number: Int
    public var kind: Kind
    /// A short title (`Path 2 · hop 1 of 3`).
    public var title: String
    /// The hop, for `.hop` steps.
    public var hop: WalkthroughHop?
    /// Node ids shown in full at this step (sorted); all others are dimmed.
    public var revealedNodes: [String]
    /// Hops shown in full at this step (sorted); all others are dimmed.
    public var revealedEdges: [Edge]
    /// Node ids highlighted as current.
    public var currentNodes: [String]
    /// Hops highlighted as current.
    public var currentEdges: [Edge]
    /// The step as plain text lines (title first), for SVG frame captions.
    public var caption: [String]

    public init(number: Int, kind: Kind, title: String, hop: WalkthroughHop? = nil, revealedNodes: [String] = [],
                revealedEdges: [Edge] = [], currentNodes: [String] = [], currentEdges: [Edge] = [], caption: [String] = []) {
        self.number = number
        self.kind = kind
        self.title = title
        self.hop = hop
        self.revealedNodes = revealedNodes
        self.revealedEdges = revealedEdges
        self.currentNodes = currentNodes
        self.currentEdges = currentEdges
        self.caption = caption
    }
}
