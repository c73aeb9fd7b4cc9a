/// What `DiagnosisExplorer` starts from.
public enum ExplorationSource: Sendable {
    /// A question sent to the model as-is (inside the prompt template).
    case question(String)
    /// A teaching case: its vignette, question and options are sent to the model.
    case medicalCase(MedicalCase)
    /// A text already written (by any model), analysed without generating; the question or case it answers is
    /// optional context for the report.
    case text(ReasoningInput, question: String? = nil, medicalCase: MedicalCase? = nil)
}
