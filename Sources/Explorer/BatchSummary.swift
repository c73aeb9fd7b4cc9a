/// The aggregate of a batch run: what `summary.json` holds and what the Markdown summary, CSVs and charts show.
public struct BatchSummary: Sendable, Codable, Equatable {
    /// Printed on every artifact.
    public static let disclaimer = "Model-generated text, analysed for research and teaching only; not clinical advice. \"Attested\" means only that a hop was found in the loaded ontology, not that it is correct."

    /// One bar of a distribution: a value and how often it occurred.
    public struct Bucket: Sendable, Codable, Equatable {
        public var value: Int
        public var count: Int
    }

    /// A distribution of small integers.
    public struct Distribution: Sendable, Codable, Equatable {
        public var count: Int
        public var mean: Double
        public var median: Double
        public var max: Int
        public var histogram: [Bucket]
    }

    public struct Items: Sendable, Codable, Equatable {
        /// Distinct records in `items.jsonl`.
        public var total: Int
        public var analysed: Int
        public var errors: Int
        /// Lines of `items.jsonl` that are not records.
        public var unreadableLines: Int
    }

    public struct Paths: Sendable, Codable, Equatable {
        /// Analysed texts with a path list / with paths mined from prose / with none.
        public var explicitTexts: Int
        public var minedTexts: Int
        public var noPathTexts: Int
        /// Shares of analysed texts (0…1).
        public var explicitShare: Double
        public var minedShare: Double
        public var total: Int
        /// Paths per analysed text.
        public var perText: Distribution
        /// Steps per path.
        public var length: Distribution
    }

    public struct Branching: Sendable, Codable, Equatable {
        /// Graph nodes over all texts.
        public var nodes: Int
        /// Out-degree (hops leaving a node, within its text) over all nodes.
        public var outDegree: Distribution
        /// Share of nodes with two or more outgoing hops.
        public var branchingShare: Double
    }

    public struct Grounding: Sendable, Codable, Equatable {
        /// Whether an ontology was loaded.
        public var ontology: Bool
        public var nodes: Int
        public var grounded: Int
        /// Share of nodes linked to a concept.
        public var rate: Double
        /// Mean per-text grounding score over texts with hops.
        public var meanScore: Double
    }

    public struct Verdicts: Sendable, Codable, Equatable {
        public var hops: Int
        /// Hops per verdict (all five present).
        public var counts: [String: Int]
        /// Share of hops per verdict (0…1).
        public var shares: [String: Double]
    }

    public struct NodeCount: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        public var concept: String?
        /// Texts the node occurs in.
        public var texts: Int
    }

    public struct HopCount: Sendable, Codable, Equatable {
        public var from: String
        public var to: String
        public var fromLabel: String
        public var toLabel: String
        /// Texts the hop occurs in.
        public var texts: Int
        /// The most frequent verdict (nil without an ontology).
        public var verdict: String?
        /// Texts per verdict.
        public var verdicts: [String: Int]
    }

    public struct Answers: Sendable, Codable, Equatable {
        /// Analysed texts with a gold answer.
        public var withGold: Int
        public var agreed: Int
        public var rate: Double
        /// How agreement is decided.
        public var rule: String
    }

    public struct Warnings: Sendable, Codable, Equatable {
        public var total: Int
        public var texts: Int
    }

    public struct ItemError: Sendable, Codable, Equatable {
        public var id: String
        public var line: Int?
        public var message: String
    }

    public var disclaimer = BatchSummary.disclaimer
    public var ddxVersion = DDxVersion.current
    /// The manifest of the run (input, fields, ontology).
    public var manifest: BatchManifest?
    public var items: Items
    /// Analysed texts per field the text was read from.
    public var textFields: [String: Int]
    public var formats: [String: Int]
    public var paths: Paths
    public var branching: Branching
    public var grounding: Grounding
    public var verdicts: Verdicts
    public var topNodes: [NodeCount]
    public var topHops: [HopCount]
    public var topUnattestedHops: [HopCount]
    /// Nil when no item had a gold answer.
    public var answers: Answers?
    public var warnings: Warnings
    /// The first errors (all are in items.csv).
    public var errors: [ItemError]
}
