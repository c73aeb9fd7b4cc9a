/// How the text of a `ddx batch --generate` item came about: the prompt sent, the text the model wrote, and the run's
/// seed, token counts, time and stop reason. Kept in the item's record (`items.jsonl`), so a resumed run needs nothing
/// else and the generated texts can be read back.
public struct BatchGeneration: Sendable, Equatable {
    /// The user message sent (the question, with the answer options when the input has them).
    public var prompt: String
    /// The text the model wrote (prefill included).
    public var text: String
    public var seed: UInt64?
    public var promptTokens: Int
    public var generatedTokens: Int
    /// Seconds from sending the request to the last token.
    public var seconds: Double
    public var stopReason: String

    public init(prompt: String, text: String, seed: UInt64?, promptTokens: Int, generatedTokens: Int, seconds: Double,
                stopReason: String) {
        self.prompt = prompt
        self.text = text
        self.seed = seed
        self.promptTokens = promptTokens
        self.generatedTokens = generatedTokens
        self.seconds = seconds
        self.stopReason = stopReason
    }
}
