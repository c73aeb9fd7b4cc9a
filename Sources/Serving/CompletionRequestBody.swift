import Foundation
import Inference
import Tokenization

/// The JSON body of one `POST …/chat/completions` or `POST …/completions` request, built from a
/// `GenerationRequest`.
///
/// Sampling parameters at their neutral values are left out (`top_k` 0, `min_p` 0, repetition penalty 1) so servers
/// apply no processing they were not asked for. An assistant prefill is sent as a final assistant message with
/// vLLM's `continue_final_message: true, add_generation_prompt: false` (Ollama and llama.cpp server continue a
/// trailing assistant message on their own); for a raw prompt it is appended to the prompt.
public struct CompletionRequestBody: Encodable, Sendable, Equatable {
    /// A chat message as the API spells it.
    public struct Message: Codable, Sendable, Equatable {
        /// `system`, `user` or `assistant`.
        public var role: String
        /// The text of the turn.
        public var content: String
    }

    /// `{"include_usage": true}`: ask for token counts in the last streamed chunk.
    public struct StreamOptions: Encodable, Sendable, Equatable {
        /// Whether the last chunk carries `usage`.
        public var includeUsage: Bool

        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    /// The server's name for the model.
    public var model: String
    /// Chat requests only.
    public var messages: [Message]?
    /// Completion (raw prompt) requests only.
    public var prompt: String?
    /// Whether the answer comes as server-sent events.
    public var stream: Bool
    /// Streamed requests ask for usage in the last chunk.
    public var streamOptions: StreamOptions?
    /// The most tokens to generate.
    public var maxTokens: Int
    /// Sampling temperature; 0 is greedy on every server ddx knows.
    public var temperature: Float
    /// Nucleus mass (always sent; 1 = off).
    public var topP: Float
    /// Top-k (vLLM, llama.cpp); nil when off.
    public var topK: Int?
    /// Min-p (vLLM, llama.cpp); nil when off.
    public var minP: Float?
    /// vLLM's name for the repetition penalty.
    public var repetitionPenalty: Float?
    /// llama.cpp server's name for the same penalty.
    public var repeatPenalty: Float?
    /// The sampling seed, when the request fixed one.
    public var seed: UInt64?
    /// Stop strings; nil when there are none.
    public var stop: [String]?
    /// vLLM: continue the final (assistant) message instead of starting a new turn.
    public var continueFinalMessage: Bool?
    /// vLLM: whether the chat template appends an assistant header (false when continuing a prefill).
    public var addGenerationPrompt: Bool?

    enum CodingKeys: String, CodingKey {
        case model, messages, prompt, stream, temperature, seed, stop
        case streamOptions = "stream_options"
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case topK = "top_k"
        case minP = "min_p"
        case repetitionPenalty = "repetition_penalty"
        case repeatPenalty = "repeat_penalty"
        case continueFinalMessage = "continue_final_message"
        case addGenerationPrompt = "add_generation_prompt"
    }

    /// The body for `request` sent to a server that knows the model as `model`. Chat unless the request has a
    /// `rawPrompt`; `samplingExtensions` adds `top_k`, `min_p` and the repetition penalty when not neutral.
    public init(request: GenerationRequest, model: String, stream: Bool = true, samplingExtensions: Bool = true) {
        let p = request.parameters
        self.model = model
        if let raw = request.rawPrompt {
            prompt = raw + request.assistantPrefill
        } else {
            var list = request.messages.map { Message(role: $0.role, content: $0.content) }
            if !request.assistantPrefill.isEmpty {
                list.append(Message(role: "assistant", content: request.assistantPrefill))
                continueFinalMessage = true
                addGenerationPrompt = false
            }
            messages = list
        }
        self.stream = stream
        streamOptions = stream ? StreamOptions(includeUsage: true) : nil
        maxTokens = p.maxTokens
        temperature = max(0, p.temperature)
        topP = p.topP
        if samplingExtensions {
            topK = p.topK > 0 ? p.topK : nil
            minP = p.minP > 0 ? p.minP : nil
            repetitionPenalty = p.repetitionPenalty != 1 ? p.repetitionPenalty : nil
            repeatPenalty = repetitionPenalty
        }
        seed = p.seed
        stop = p.stopStrings.isEmpty ? nil : p.stopStrings
    }

    /// Whether this is a chat request (else a raw-prompt completion).
    public var isChat: Bool { messages != nil }

    /// The body as JSON with sorted keys (the same request always gives the same bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The prompt as `GenerationResult.prompt` reports it: the raw prompt, or the messages as a JSON array
    /// (the server applies its own chat template, which the client never sees).
    public var promptDescription: String {
        if let prompt { return prompt }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(messages ?? []) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
