import Foundation
import Inference

/// A `LanguageModel` that replies with canned text, streamed in pieces, for tests of everything downstream of
/// generation. It records the requests it was given.
public final class FakeLanguageModel: LanguageModel, @unchecked Sendable {
    public let name: String
    private let reply: @Sendable (GenerationRequest) -> String
    private let lock = NSLock()
    private var _requests: [GenerationRequest] = []

    /// Replies with `text` (after the request's prefill) to every request.
    public convenience init(name: String = "fake", text: String) {
        self.init(name: name) { _ in text }
    }

    /// Replies with whatever `reply` returns for the request.
    public init(name: String = "fake", reply: @escaping @Sendable (GenerationRequest) -> String) {
        self.name = name
        self.reply = reply
    }

    /// The requests received so far.
    public var requests: [GenerationRequest] { lock.withLock { _requests } }

    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        lock.withLock { _requests.append(request) }
        let generated = reply(request)
        return AsyncThrowingStream { continuation in
            continuation.yield(.promptProcessed(tokens: 10, seconds: 0.01))
            var pieces: [String] = []
            var current = ""
            for ch in generated {
                current.append(ch)
                if ch == " " || ch == "\n" { pieces.append(current); current = "" }
            }
            if !current.isEmpty { pieces.append(current) }
            for (i, piece) in pieces.enumerated() { continuation.yield(.text(piece, token: i)) }
            let result = GenerationResult(prompt: request.messages.map(\.content).joined(separator: "\n"),
                                          promptTokens: Array(0..<10), tokens: Array(0..<pieces.count),
                                          text: request.assistantPrefill + generated, stopReason: .endOfGeneration,
                                          seed: request.parameters.seed ?? 0, promptSeconds: 0.01,
                                          generationSeconds: 0.02)
            continuation.yield(.finished(result))
            continuation.finish()
        }
    }
}
