/// A path item after parsing its text, before it gets its number and line.
struct PathItem {
    var label: String?
    var kind: ReasoningPath.Kind
    var steps: [PathStep]
    var relations: [String?]
    var elided: [Bool]
    var note: String?
    /// Things a reader should know (empty steps, a chain left with one step).
    var problems: [String]
}
