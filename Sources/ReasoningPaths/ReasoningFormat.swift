/// The family of model output a text most resembles.
public enum ReasoningFormat: String, Codable, Sendable, CaseIterable {
    /// MedReason data or MedReason-8B: a `Finding reasoning paths:` list, `Reasoning Process:`, `Conclusion:`.
    case medreason
    /// HuatuoGPT-o1: `## Thinking` prose and `## Final Response`, no path list.
    case huatuo
    /// MedVerse: a path list followed by `<Plan>`/`<Outline>`/`<Execution>`/`<Conclusion>` blocks.
    case medverse
    /// Bare knowledge-graph path strings such as `1:difficulty walking->ataxia->medulloblastoma`.
    case kg
    /// Nothing recognisable.
    case unknown
}
