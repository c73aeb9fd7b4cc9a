/// What of a teaching case is sent to the model.
public enum CasePrompt: String, Sendable, CaseIterable {
    /// The vignette, the question and the lettered options.
    case full
    /// The question and the options only: small models (SmolLM2-135M) answer a long vignette with prose
    /// sentences instead of `A -> B -> C` paths.
    case question
}
