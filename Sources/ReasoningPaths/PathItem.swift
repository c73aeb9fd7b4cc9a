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
    /// Set when a step holds `**` inside it, so the item must be parsed again from a copy without markers.
    var needsMarkupCopy = false

    /// The placeholder result that asks for a markup-free copy.
    static let needingMarkupCopy = PathItem(label: nil, kind: .prose, steps: [], relations: [], elided: [], note: nil,
                                            problems: [], needsMarkupCopy: true)
}
