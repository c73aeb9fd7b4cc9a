import Inference

/// One explored text: the analysis (sections, paths, graph, grounding), the generation that produced it when the
/// model ran, and the run metadata every export embeds.
public struct Exploration: Sendable {
    public let analysis: TextAnalysis
    /// The model's run (nil when the text was read from a file).
    public let generation: GenerationResult?
    public let metadata: RunMetadata
    /// The question the text answers, when known.
    public let question: String?
    /// The teaching case, when the text answers one.
    public let medicalCase: MedicalCase?

    public init(analysis: TextAnalysis, generation: GenerationResult?, metadata: RunMetadata, question: String?,
                medicalCase: MedicalCase?) {
        self.analysis = analysis
        self.generation = generation
        self.metadata = metadata
        self.question = question
        self.medicalCase = medicalCase
    }
}
