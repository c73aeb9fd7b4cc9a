import Foundation
import Inference

/// A `LanguageModel` served by an OpenAI-compatible HTTP server (vLLM, llama.cpp server, Ollama, TGI, …):
/// requests go to `/v1/chat/completions` (or `/v1/completions` for a raw prompt) with `stream: true`, and the
/// server-sent events come back as `GenerationEvent`s while they arrive.
///
/// ```swift
/// let model = OpenAICompatibleModel(configuration: try RemoteModelConfiguration(
///     endpoint: "http://127.0.0.1:8000/v1", model: "UCSC-VLAA/MedReason-8B"))
/// for try await event in model.generate(GenerationRequest(messages: [ChatMessage(role: "user", content: "How to stop a cough?")],
///                                                          parameters: .greedy)) {
///     if case .text(let piece, _) = event { print(piece, terminator: "") }
/// }
/// ```
///
/// Failures before any text was emitted are retried (connection failures, timeouts, HTTP 408/409/425/429/5xx, a
/// stream cut short) with exponential backoff; after that they end the stream with a `ServingError`. The returned
/// `GenerationResult` has no token ids (the server does not send them) but the counts the server reported;
/// `promptSeconds` is the time to the first text, `generationSeconds` the rest.
public struct OpenAICompatibleModel: LanguageModel {
    /// The server, model name, timeouts and retry settings.
    public let configuration: RemoteModelConfiguration

    /// A model that talks to the server `configuration` describes (nothing is sent until `generate`).
    public init(configuration: RemoteModelConfiguration) {
        self.configuration = configuration
    }

    /// `model @ endpoint`.
    public var name: String { "\(configuration.model) @ \(configuration.endpointDescription)" }

    /// Sends `request` and streams the answer: `.promptProcessed` just before the first text (with `tokens: 0`, as
    /// servers report the prompt's length only at the end, in the result's `promptTokenCount`), the prefill as the
    /// first `.text`, the server's pieces (`token: nil`), then `.finished`. Cancelling the consumer cancels the request.
    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<GenerationEvent, any Error>.makeStream(bufferingPolicy: .unbounded)
        let configuration = configuration
        let task = Task {
            do {
                let generation = try RemoteGeneration(request: request, configuration: configuration) { continuation.yield($0) }
                let result = try await generation.run()
                continuation.yield(.finished(result))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
