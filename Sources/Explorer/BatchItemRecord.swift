/// The compact result of analysing one text of a batch: one line of `items.jsonl`.
///
/// ```json
/// {"id":"q1","line":1,"sha256":"…","format":"medreason","textField":"text","pathSource":"explicit","paths":2,
///  "pathLengths":[3,4],"nodeCount":5,"edgeCount":5,"groundedNodes":4,"verdicts":{"attested":2,…},
///  "groundingScore":0.55,"finalAnswer":"…","goldAnswer":"B","agreement":true,"warnings":0,
///  "unattestedHops":["Cough -> Fever"],"nodes":[{"id":"cough","label":"Cough","concept":"ddx-core:cough"}],
///  "hops":[{"from":"cough","to":"fever","verdict":"unattested"}]}
/// ```
///
/// With `--generate`, a `"generation":{"prompt":…,"text":…,"seed":…,"promptTokens":…,"generatedTokens":…,"seconds":…,
/// "stopReason":…}` member follows `textField`. An entry that could not be analysed (or generated) is
/// `{"id":…,"line":…,"error":"…"}`.
public struct BatchItemRecord: Sendable, Equatable {
    /// A graph node: its stable id, its label as first written and the concept it was linked to.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var label: String
        public var concept: String?

        public init(id: String, label: String, concept: String? = nil) {
            self.id = id
            self.label = label
            self.concept = concept
        }
    }

    /// A hop of the graph (node ids) and its verdict (nil without an ontology).
    public struct Hop: Sendable, Equatable {
        public var from: String
        public var to: String
        public var verdict: String?

        public init(from: String, to: String, verdict: String? = nil) {
            self.from = from
            self.to = to
            self.verdict = verdict
        }
    }

    /// Where the paths came from.
    public enum PathSource: String, Sendable, CaseIterable {
        /// A path list in the text.
        case explicit
        /// Mined from prose (no path list, ontology loaded).
        case mined
        /// No paths.
        case none
    }

    public var id: String
    public var line: Int?
    /// Why the entry could not be analysed; nil for analysed items (the other fields are then empty).
    public var error: String?
    public var sha256: String?
    public var format: String?
    public var textField: String?
    public var pathSource: PathSource
    /// Steps per path, in document order.
    public var pathLengths: [Int]
    public var nodes: [Node]
    public var hops: [Hop]
    public var groundedNodes: Int
    /// Hops per verdict (every verdict present, zero included); empty without an ontology.
    public var verdicts: [String: Int]
    public var groundingScore: Double?
    /// The final answer (or the conclusion), at most `BatchItemRecord.maxAnswerCharacters` characters.
    public var finalAnswer: String?
    public var goldAnswer: String?
    /// Whether the final answer agrees with the gold answer (`BatchAnswerMatch`); nil without a gold answer.
    public var agreement: Bool?
    /// Parse warnings.
    public var warnings: Int
    /// Unattested hops as `from label -> to label`.
    public var unattestedHops: [String]
    /// For `ddx batch --generate`: the prompt, the generated text and the run's figures.
    public var generation: BatchGeneration?

    /// Longest final answer kept in a record.
    public static let maxAnswerCharacters = 500

    /// An analysed item.
    public init(id: String, line: Int? = nil, sha256: String?, format: String?, textField: String? = nil,
                pathSource: PathSource, pathLengths: [Int], nodes: [Node], hops: [Hop], groundedNodes: Int,
                verdicts: [String: Int], groundingScore: Double?, finalAnswer: String?, goldAnswer: String? = nil,
                agreement: Bool? = nil, warnings: Int, unattestedHops: [String]) {
        self.id = id
        self.line = line
        self.sha256 = sha256
        self.format = format
        self.textField = textField
        self.pathSource = pathSource
        self.pathLengths = pathLengths
        self.nodes = nodes
        self.hops = hops
        self.groundedNodes = groundedNodes
        self.verdicts = verdicts
        self.groundingScore = groundingScore
        self.finalAnswer = finalAnswer
        self.goldAnswer = goldAnswer
        self.agreement = agreement
        self.warnings = warnings
        self.unattestedHops = unattestedHops
    }

    /// An entry that could not be analysed.
    public init(failure: BatchItemFailure) {
        self.init(id: failure.id, line: failure.line, sha256: nil, format: nil, pathSource: .none, pathLengths: [],
                  nodes: [], hops: [], groundedNodes: 0, verdicts: [:], groundingScore: nil, finalAnswer: nil,
                  warnings: 0, unattestedHops: [])
        error = failure.message
    }

    /// Whether the entry was analysed.
    public var isAnalysed: Bool { error == nil }
}
