import Foundation
import Inference

/// Collects a completion response chunk by chunk: the generated text, how it ended and the token counts.
///
/// ```swift
/// var accumulator = CompletionAccumulator()
/// if let piece = try accumulator.apply(event: event, endpoint: url) { print(piece, terminator: "") }
/// if accumulator.isComplete { … }
/// ```
public struct CompletionAccumulator: Sendable, Equatable {
    /// The generated text so far (the prefill not included).
    public private(set) var text = ""
    /// The first choice's `finish_reason`, once it came.
    public private(set) var finishReason: String?
    /// vLLM's `stop_reason` for the first choice.
    public private(set) var stopMatch: CompletionChunk.StopMatch?
    /// `usage.prompt_tokens`, when the server reported it.
    public private(set) var promptTokens: Int?
    /// `usage.completion_tokens`, when the server reported it.
    public private(set) var completionTokens: Int?
    /// Whether `data: [DONE]` arrived.
    public private(set) var sawDone = false
    /// JSON chunks applied so far.
    public private(set) var chunkCount = 0

    /// An empty accumulator.
    public init() {}

    /// Whether the response ended properly: `[DONE]` or a finish reason.
    public var isComplete: Bool { sawDone || finishReason != nil }

    /// Applies one server-sent event: `[DONE]`, or a JSON chunk. Returns the new text it carried, if any.
    public mutating func apply(event: ServerSentEvent, endpoint: String) throws -> String? {
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" {
            sawDone = true
            return nil
        }
        if sawDone || data.isEmpty { return nil }
        let chunk: CompletionChunk
        do {
            chunk = try CompletionChunk.decode(Data(data.utf8))
        } catch {
            throw ServingError.malformedResponse(endpoint: endpoint,
                                                 message: "event \(chunkCount + 1) is not a completion chunk: \(Self.excerpt(data))")
        }
        if event.type == "error" || chunk.error != nil {
            throw ServingError.server(endpoint: endpoint, message: chunk.error?.message.map { Self.excerpt($0) } ?? Self.excerpt(data))
        }
        return apply(chunk)
    }

    /// Applies one decoded chunk (or a whole non-streamed body). Returns the new text it carried, if any.
    public mutating func apply(_ chunk: CompletionChunk) -> String? {
        chunkCount += 1
        if let usage = chunk.usage {
            promptTokens = usage.promptTokens ?? promptTokens
            completionTokens = usage.completionTokens ?? completionTokens
        }
        guard let choice = chunk.choices?.first else { return nil }
        if let reason = choice.finishReason, !reason.isEmpty {
            finishReason = reason
            stopMatch = choice.stopReason ?? stopMatch
        }
        guard let piece = choice.content, !piece.isEmpty else { return nil }
        text += piece
        return piece
    }

    /// The finish reason as ddx names it: `length` → max tokens; `stop` with a matched stop string (vLLM says which)
    /// → stop string; anything else (`stop`, `eos`, none) → end of generation.
    public var stopReason: StopReason {
        switch finishReason {
        case "length": return .maxTokens
        case "stop":
            if case .string = stopMatch { return .stopString }
            return .endOfGeneration
        default: return .endOfGeneration
        }
    }

    /// The first line of `text`, at most 200 characters.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let firstLine = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" })
            .first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
    }
}
