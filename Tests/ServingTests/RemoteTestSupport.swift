import Foundation
import Inference
import Serving
import TestSupport
import Tokenization

/// What one `generate` stream produced: its events, and the error that ended it, if any.
struct Collected {
    var events: [GenerationEvent] = []
    var error: (any Error)?

    /// The `.text` pieces in order.
    var pieces: [String] { events.compactMap { if case .text(let p, _) = $0 { return p } else { return nil } } }
    /// The `.finished` result.
    var result: GenerationResult? {
        events.lazy.compactMap { if case .finished(let r) = $0 { return r } else { return nil } }.first
    }
    /// The error as a `ServingError`.
    var servingError: ServingError? { error as? ServingError }
}

/// Runs `request` on `model` to the end, keeping every event and the error.
func collect(_ model: some LanguageModel, _ request: GenerationRequest) async -> Collected {
    var collected = Collected()
    do {
        for try await event in model.generate(request) { collected.events.append(event) }
    } catch {
        collected.error = error
    }
    return collected
}

/// A model pointed at `server` with short timeouts and fast backoff.
func stubModel(_ server: StubHTTPServer, apiKey: String? = "sk-test", requestTimeout: Double = 5,
               idleTimeout: Double = 5, maxRetries: Int = 2, backoffBase: Double = 0.01,
               maxBackoff: Double = 0.2) throws -> OpenAICompatibleModel {
    OpenAICompatibleModel(configuration: try RemoteModelConfiguration(
        endpoint: server.baseURL, model: "stub", apiKey: apiKey, requestTimeout: requestTimeout, idleTimeout: idleTimeout,
        maxRetries: maxRetries, backoffBase: backoffBase, maxBackoff: maxBackoff))
}

/// A one-question chat request, greedy.
func question(_ text: String = "How to stop a cough?", prefill: String = "", maxTokens: Int = 64) -> GenerationRequest {
    var parameters = GenerationParameters.greedy
    parameters.maxTokens = maxTokens
    return GenerationRequest(messages: [ChatMessage(role: "user", content: text)], assistantPrefill: prefill,
                             parameters: parameters)
}

/// Seconds on a monotonic clock.
func now() -> Double { MonotonicClock.seconds() }
