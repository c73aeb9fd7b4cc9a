import Foundation

/// One JSON object of a completion response: a streamed chunk (`chat.completion.chunk`, `text_completion`) or a
/// whole non-streamed body. Only the fields ddx reads; everything else is ignored.
public struct CompletionChunk: Decodable, Sendable, Equatable {
    /// One choice (ddx always asks for one).
    public struct Choice: Decodable, Sendable, Equatable {
        /// A chat delta or message: its `content`.
        public struct Content: Decodable, Sendable, Equatable {
            /// The text (absent in role-only and final chunks).
            public var content: String?
        }
        /// Chat, streamed.
        public var delta: Content?
        /// Chat, not streamed.
        public var message: Content?
        /// Completions (raw prompt).
        public var text: String?
        /// `stop`, `length`, … on the choice's last chunk; null before.
        public var finishReason: String?
        /// vLLM: the stop string (or token id) that ended the choice.
        public var stopReason: StopMatch?

        enum CodingKeys: String, CodingKey {
            case delta, message, text
            case finishReason = "finish_reason"
            case stopReason = "stop_reason"
        }

        /// The new text of this choice, from whichever field the response kind uses.
        public var content: String? { delta?.content ?? message?.content ?? text }
    }

    /// vLLM's `stop_reason`: a matched stop string, a stop token id, or null.
    public enum StopMatch: Decodable, Sendable, Equatable {
        /// A stop string matched.
        case string(String)
        /// A stop token id matched.
        case token(Int)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let s = try? container.decode(String.self) { self = .string(s) } else { self = .token(try container.decode(Int.self)) }
        }
    }

    /// Token counts (`stream_options.include_usage` puts them in the last chunk).
    public struct Usage: Decodable, Sendable, Equatable {
        /// Tokens in the prompt, as the server's template rendered it.
        public var promptTokens: Int?
        /// Tokens generated.
        public var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    /// An error object inside a 2xx body or stream.
    public struct ErrorBody: Decodable, Sendable, Equatable {
        /// The server's message, when it gave one.
        public var message: String?

        public init(from decoder: any Decoder) throws {
            // `{"error": {"message": …}}` or `{"error": "text"}`.
            if let c = try? decoder.container(keyedBy: CodingKeys.self) {
                message = try? c.decodeIfPresent(String.self, forKey: .message)
            } else {
                message = try? decoder.singleValueContainer().decode(String.self)
            }
        }

        enum CodingKeys: String, CodingKey { case message }
    }

    /// The choices (ddx reads the first); empty in a usage-only chunk.
    public var choices: [Choice]?
    /// Token counts, in the last chunk or a whole body.
    public var usage: Usage?
    /// An error the server reported instead of a completion.
    public var error: ErrorBody?

    /// Decodes one JSON object; nil fields stay nil, `null` usage is accepted.
    public static func decode(_ data: Data) throws -> CompletionChunk {
        try JSONDecoder().decode(CompletionChunk.self, from: data)
    }

    /// The `error.message` (or `error` string, or `message`/`detail`) of an error body, when it is JSON and has one.
    public static func errorMessage(inBody data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
        if let message = object["error"] as? String { return message }
        if let message = object["message"] as? String { return message }
        if let detail = object["detail"] as? String { return detail }
        return nil
    }
}
