/// One hop A → B of a reasoning path as a walkthrough shows it: the two ends with their ontology concepts, the hop
/// verdict with its evidence, and the sentences of the model's reasoning that mention the ends. A path of a single
/// statement gives a "hop" without `to`.
public struct WalkthroughHop: Sendable, Equatable {
    /// An ontology concept a node was linked to.
    public struct Concept: Sendable, Equatable {
        public var id: String
        public var label: String
        /// The concept type (`symptom`, `drug`, …), when known.
        public var type: String?
        /// Link confidence in 0...1.
        public var score: Double
        /// How the node's text matched (`exact`, `synonym`, `fuzzy`, …).
        public var match: String
        /// The ontology source.
        public var source: String

        public init(id: String, label: String, type: String?, score: Double, match: String, source: String) {
            self.id = id
            self.label = label
            self.type = type
            self.score = score
            self.match = match
            self.source = source
        }
    }

    /// One end of the hop.
    public struct End: Sendable, Equatable {
        /// The graph node id (`cough`), also the key of its SVG element (`node-cough`).
        public var nodeID: String
        /// The node's label as the model wrote it.
        public var label: String
        /// Parenthetical qualifiers the model wrote (`e.g., guaifenesin`).
        public var qualifiers: [String]
        /// Linked concepts, best first (at most three); empty when the node is not linked or no ontology was loaded.
        public var concepts: [Concept]

        public init(nodeID: String, label: String, qualifiers: [String] = [], concepts: [Concept] = []) {
            self.nodeID = nodeID
            self.label = label
            self.qualifiers = qualifiers
            self.concepts = concepts
        }
    }

    /// 1-based index of the path (document order).
    public var path: Int
    /// How the path is named in the text (`Path 2`), or `Path N`.
    public var pathLabel: String
    /// 1-based position of the hop in its path.
    public var position: Int
    /// Number of hops in the path.
    public var count: Int
    public var from: End
    /// The hop's target; nil for a path that is a single statement.
    public var to: End?
    /// The hop verdict (`attested`, `attested-via-is-a`, `plausible`, `unattested`, `ungrounded`); nil when no
    /// ontology was loaded or the path is a single statement.
    public var verdict: String?
    /// What the verdict means, in one sentence.
    public var verdictMeaning: String
    /// The ontology facts behind the verdict, one line each.
    public var evidence: [String]
    /// Relation labels the model wrote on the hop (`A -- causes -- B`).
    public var relations: [String]
    /// Whether the model elided steps in this hop (`A -> ... -> B`).
    public var elided: Bool
    /// Other paths (1-based) that take the same hop.
    public var alsoInPaths: [Int]
    /// Sentences of the model's reasoning that mention the ends, best first.
    public var reasoning: [StepReasoningMatcher.Match]
    /// The labels of the whole path's nodes, in order (this hop joins `chain[position - 1]` and `chain[position]`).
    public var chain: [String]

    /// `A → B` (or `A` for a statement).
    public var arrowText: String {
        to.map { "\(from.label) → \($0.label)" } ?? from.label
    }

    public init(path: Int, pathLabel: String, position: Int, count: Int, from: End, to: End?, verdict: String?,
                verdictMeaning: String, evidence: [String] = [], relations: [String] = [], elided: Bool = false,
                alsoInPaths: [Int] = [], reasoning: [StepReasoningMatcher.Match] = [], chain: [String] = []) {
        self.path = path
        self.pathLabel = pathLabel
        self.position = position
        self.count = count
        self.from = from
        self.to = to
        self.verdict = verdict
        self.verdictMeaning = verdictMeaning
        self.evidence = evidence
        self.relations = relations
        self.elided = elided
        self.alsoInPaths = alsoInPaths
        self.reasoning = reasoning
        self.chain = chain
    }

    /// The meaning of each verdict, for the walkthrough's text ("attested" only means "found in the loaded ontology").
    public static func meaning(of verdict: String?) -> String {
        switch verdict {
        case "attested"?:
            return "Found in the loaded ontology: a relation links the two concepts (or one is a kind of the other). This does not mean the step is correct."
        case "attested-via-is-a"?:
            return "Found through the is-a hierarchy: a relation links a broader or narrower concept of each end. This does not mean the step is correct."
        case "plausible"?:
            return "No fact in the loaded ontology, but the two concept types fit a known kind of relation."
        case "unattested"?:
            return "Both ends are linked, but the loaded ontology has nothing that connects them."
        case "ungrounded"?:
            return "At least one end is not linked to any ontology concept, so the hop cannot be checked."
        case let other?:
            return "Verdict: \(other)."
        case nil:
            return "Not checked: no ontology was loaded."
        }
    }
}
