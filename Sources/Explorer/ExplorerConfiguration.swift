import Inference
import ReasoningPaths

/// How `DiagnosisExplorer` prompts the model and grounds the text.
public struct ExplorerConfiguration: Sendable {
    /// The prompt template (system message and assistant prefill); nil sends the question alone.
    public var promptTemplate: PromptTemplate?
    /// A system message that replaces the template's.
    public var systemPrompt: String?
    /// Whether the assistant turn starts with the template's prefill.
    public var prefill: Bool
    public var parameters: GenerationParameters
    /// The ontology every node and hop is checked against; nil leaves the graph ungrounded.
    public var ontology: LoadedOntology?
    public var limits: ParserLimits
    /// What of a teaching case the model receives.
    public var casePrompt: CasePrompt

    public init(promptTemplate: PromptTemplate? = nil, systemPrompt: String? = nil, prefill: Bool = true,
                parameters: GenerationParameters = GenerationParameters(), ontology: LoadedOntology? = nil,
                limits: ParserLimits = .default, casePrompt: CasePrompt = .full) {
        self.promptTemplate = promptTemplate
        self.systemPrompt = systemPrompt
        self.prefill = prefill
        self.parameters = parameters
        self.ontology = ontology
        self.limits = limits
        self.casePrompt = casePrompt
    }
}
