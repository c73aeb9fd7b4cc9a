/// Which members of a JSONL line hold the text, the id, the gold answer and the answer options.
public struct BatchFields: Sendable, Codable, Equatable {
    /// Names tried, in order, when no text field is given.
    public static let textFallbacks = ["text", "output", "response", "generated_text", "generation", "completion",
                                       "reasoning"]

    /// The text field the user named, or nil to try `textFallbacks` in order.
    public var text: String?
    /// The id field; a line without it is named by its line number (`line 17`).
    public var id: String
    /// The gold-answer field, or nil when answers are not compared.
    public var answer: String?
    /// The field holding the answer options: an object `{"A": "…"}`, an array (`A`, `B`, … in order) or a
    /// string with one `A. …` line per option.
    public var options: String

    public init(text: String? = nil, id: String = "id", answer: String? = nil, options: String = "options") {
        self.text = text
        self.id = id
        self.answer = answer
        self.options = options
    }

    /// The names tried for the text, in order.
    public var textCandidates: [String] { text.map { [$0] } ?? Self.textFallbacks }
}
