/// What every export carries besides the graph: the disclaimer footer, the input's fingerprint and, when given, the
/// run metadata (see `RunMetadataEmbedding` for where each format keeps it).
public struct DiagramAnnotations: Sendable, Equatable {
    /// The fixed disclaimer printed on every export.
    public static let disclaimer = "Model-generated reasoning, not clinical advice"

    /// Lower-case hex SHA-256 of the input text's bytes.
    public var inputSHA256: String
    /// A short name for the input (file name, or `stdin`), shown in the title; untrusted, escaped on output.
    public var sourceName: String?
    /// An optional title line (e.g. the question); untrusted, escaped on output.
    public var title: String?
    /// Ontology grounding (node concepts and hop verdicts), when an ontology was loaded.
    public var ontology: OntologyAnnotations?
    /// The run metadata as one JSON object (model, prompt, sampling, ontology, versions…), embedded in every export;
    /// nil embeds nothing. Its text is untrusted and made inert for each format.
    public var metadataJSON: String?
    /// For a merged comparison graph (`ddx compare`): each node's and hop's side, drawn as provenance colours.
    public var comparison: ComparisonAnnotations?

    /// Creates annotations.
    public init(inputSHA256: String, sourceName: String? = nil, title: String? = nil,
                ontology: OntologyAnnotations? = nil, metadataJSON: String? = nil,
                comparison: ComparisonAnnotations? = nil) {
        self.inputSHA256 = inputSHA256
        self.sourceName = sourceName
        self.title = title
        self.ontology = ontology
        self.metadataJSON = metadataJSON
        self.comparison = comparison
    }

    /// The footer line: the disclaimer plus the input's SHA-256.
    public var footer: String {
        "\(Self.disclaimer) · input SHA-256 \(inputSHA256)"
    }
}
