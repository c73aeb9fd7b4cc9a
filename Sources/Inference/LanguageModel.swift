import Tokenization

/// A text generator behind one interface: the in-process GGUF engine (`GGUFModel`), a fake in tests, or a remote
/// OpenAI-compatible server. Text in (chat messages or a raw prompt), a stream of events out.
///
/// ```swift
/// for try await event in model.generate(GenerationRequest(messages: [ChatMessage(role: "user", content: "How to stop a cough?")])) {
///     if case .text(let piece, _) = event { print(piece, terminator: "") }
/// }
/// ```
public protocol LanguageModel: Sendable {
    /// A short human-readable description (file name, architecture).
    var name: String { get }
    /// Generates a reply; the stream ends with `.finished` or throws.
    func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error>
}

/// What to generate from.
public struct GenerationRequest: Sendable {
    /// The conversation, rendered with the model's chat template (ignored when `rawPrompt` is set).
    public var messages: [ChatMessage]
    /// Text fed to the model as-is: no chat template, BOS only when the model file asks for it.
    public var rawPrompt: String?
    /// Text the assistant turn starts with (e.g. section headers), part of the returned text.
    public var assistantPrefill: String
    public var parameters: GenerationParameters

    public init(messages: [ChatMessage] = [], rawPrompt: String? = nil, assistantPrefill: String = "",
                parameters: GenerationParameters = GenerationParameters()) {
        self.messages = messages
        self.rawPrompt = rawPrompt
        self.assistantPrefill = assistantPrefill
        self.parameters = parameters
    }
}

/// One step of a generation as it happens.
public enum GenerationEvent: Sendable {
    /// The prompt went through the model.
    case promptProcessed(tokens: Int, seconds: Double)
    /// New text (a token's worth; UTF-8 sequences split across tokens are held back until complete).
    case text(String, token: Int?)
    /// The end, with everything about the run.
    case finished(GenerationResult)
}

/// Why generation stopped.
public enum StopReason: String, Sendable, Codable {
    case endOfGeneration = "eos"
    case stopString = "stop"
    case maxTokens = "length"
    case contextFull = "context"
}

/// The outcome of one generation, with the figures `ddx generate --json` prints.
public struct GenerationResult: Sendable, Codable, Equatable {
    /// The prompt as the model saw it (after the chat template).
    public var prompt: String
    public var promptTokens: [Int]
    /// Generated token ids (the prefill not included).
    public var tokens: [Int]
    /// The assistant's text: the prefill followed by the generated text (stop string removed).
    public var text: String
    public var stopReason: StopReason
    /// The seed the sampler used (chosen at random when none was given).
    public var seed: UInt64
    public var promptSeconds: Double
    public var generationSeconds: Double
    /// The prompt's length in tokens as a remote server reported it (its ids are unknown, so `promptTokens` is
    /// empty); nil for the in-process engine, whose `promptTokens` holds the ids.
    public var promptTokenCount: Int?
    /// The number of generated tokens as a remote server reported it (`tokens` is then empty); nil for the
    /// in-process engine.
    public var generatedTokenCount: Int?

    public init(prompt: String, promptTokens: [Int], tokens: [Int], text: String, stopReason: StopReason,
                seed: UInt64, promptSeconds: Double, generationSeconds: Double,
                promptTokenCount: Int? = nil, generatedTokenCount: Int? = nil) {
        self.prompt = prompt
        self.promptTokens = promptTokens
        self.tokens = tokens
        self.text = text
        self.stopReason = stopReason
        self.seed = seed
        self.promptSeconds = promptSeconds
        self.generationSeconds = generationSeconds
        self.promptTokenCount = promptTokenCount
        self.generatedTokenCount = generatedTokenCount
    }

    /// The prompt's length in tokens: the ids when known, else the reported count (0 when neither).
    public var promptTokenTotal: Int { promptTokens.isEmpty ? (promptTokenCount ?? 0) : promptTokens.count }
    /// The number of generated tokens: the ids when known, else the reported count (0 when neither).
    public var generatedTokenTotal: Int { tokens.isEmpty ? (generatedTokenCount ?? 0) : tokens.count }

    public var promptTokensPerSecond: Double { Double(promptTokenTotal) / max(promptSeconds, 1e-9) }
    public var generationTokensPerSecond: Double { Double(generatedTokenTotal) / max(generationSeconds, 1e-9) }
}
