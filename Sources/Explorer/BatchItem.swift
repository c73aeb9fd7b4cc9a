/// One text of a batch, ready to analyse: what `BatchRunner` consumes. Texts read from a file or a folder
/// become items through `BatchEntry.item(fields:maxBytes:)`; a generator can build them directly.
public struct BatchItem: Sendable, Equatable {
    /// The item's id (the id field, the relative path, or `line N`).
    public var id: String
    /// The 1-based JSONL line, when the item came from one.
    public var line: Int?
    /// The reasoning text's bytes.
    public var text: [UInt8]
    /// The field the text was read from (JSONL input), or nil.
    public var textField: String?
    /// The gold answer, when the input has one.
    public var goldAnswer: String?
    /// The answer options by letter (`A`…), when the input has them.
    public var options: [BatchOption]
    /// For `ddx batch --generate`: how the text was generated.
    public var generation: BatchGeneration?

    public init(id: String, line: Int? = nil, text: [UInt8], textField: String? = nil, goldAnswer: String? = nil,
                options: [BatchOption] = [], generation: BatchGeneration? = nil) {
        self.id = id
        self.line = line
        self.text = text
        self.textField = textField
        self.goldAnswer = goldAnswer
        self.options = options
        self.generation = generation
    }
}
