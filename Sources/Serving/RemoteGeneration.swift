import Foundation
import Inference
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `generate` call against a remote server: the request, the attempts (with retries while nothing was emitted),
/// and the decoding of each response into events.
final class RemoteGeneration: @unchecked Sendable {
    /// A failed attempt and whether it may be repeated.
    struct AttemptFailure: Error {
        var error: ServingError
        var retryable: Bool
        var retryAfter: Double?
    }

    private let request: GenerationRequest
    private let configuration: RemoteModelConfiguration
    private let body: CompletionRequestBody
    private let urlRequest: URLRequest
    private let endpoint: String
    private let emit: @Sendable (GenerationEvent) -> Void
    /// Whether text (or the prefill) reached the consumer: from then on nothing is retried.
    private var emitted = false

    /// Largest error body kept for the message; largest non-streamed body accepted.
    private static let errorBodyLimit = 64 << 10
    private static let jsonBodyLimit = 64 << 20

    init(request: GenerationRequest, configuration: RemoteModelConfiguration,
         emit: @escaping @Sendable (GenerationEvent) -> Void) throws {
        try request.parameters.validate()
        if request.rawPrompt == nil, request.messages.isEmpty {
            throw GenerationError.invalidParameter("the prompt is empty (no messages)")
        }
        self.request = request
        self.configuration = configuration
        self.emit = emit
        body = CompletionRequestBody(request: request, model: configuration.model,
                                     samplingExtensions: configuration.sendsSamplingExtensions)
        let url = body.isChat ? configuration.chatCompletionsURL : configuration.completionsURL
        endpoint = RemoteModelConfiguration.display(url)
        var r = URLRequest(url: url)
        r.httpMethod = "POST"
        r.httpBody = try body.encoded()
        for (name, value) in configuration.extraHeaders.sorted(by: { $0.key < $1.key }) {
            r.setValue(value, forHTTPHeaderField: name)
        }
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        r.setValue("text/event-stream, application/json", forHTTPHeaderField: "Accept")
        if let key = configuration.apiKey { r.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        urlRequest = r
    }

    /// Sends the request (again, after failures that allow it) and returns the finished result.
    func run() async throws -> GenerationResult {
        let policy = configuration.retryPolicy
        var retry = 0
        while true {
            try Task.checkCancellation()
            do {
                return try await attempt()
            } catch let failure as AttemptFailure {
                try Task.checkCancellation()
                guard failure.retryable, !emitted, retry < policy.maxRetries else {
                    throw Self.final(failure.error, attempts: retry + 1)
                }
                let delay = policy.delay(beforeRetry: retry, retryAfter: failure.retryAfter)
                if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
                retry += 1
            }
        }
    }

    /// The error as reported after `attempts` tries (transport messages say how many).
    private static func final(_ error: ServingError, attempts: Int) -> ServingError {
        if attempts > 1, case .transport(let e, let message) = error {
            return .transport(endpoint: e, message: "\(message) (\(attempts) attempts)")
        }
        return error
    }

    private enum BodyKind { case undecided, events, json, error }

    /// One exchange with the server.
    private func attempt() async throws -> GenerationResult {
        let start = MonotonicClock.seconds()
        var firstText: Double?
        var status = 0
        var headers: [String: String] = [:]
        var kind = BodyKind.undecided
        var raw = Data()
        var byteCount = 0
        var decoder = ServerSentEventDecoder()
        var accumulator = CompletionAccumulator()

        func deliver(_ piece: String) {
            if firstText == nil { firstText = MonotonicClock.seconds() }
            announce(start: start)
            emit(.text(piece, token: nil))
        }
        func events(_ bytes: Data) throws {
            let decoded: [ServerSentEvent]
            do { decoded = try decoder.feed(bytes) } catch {
                throw AttemptFailure(error: .malformedResponse(endpoint: endpoint, message: "\(error)"), retryable: false)
            }
            for event in decoded where !accumulator.sawDone {
                do {
                    if let piece = try accumulator.apply(event: event, endpoint: endpoint) { deliver(piece) }
                } catch let e as ServingError {
                    throw AttemptFailure(error: e, retryable: false)
                }
            }
        }

        let (stream, http) = HTTPStreamingTask.start(urlRequest, firstByteTimeout: configuration.requestTimeout,
                                                     idleTimeout: configuration.idleTimeout)
        defer { http.cancel() }
        do {
            parts: for try await part in stream {
                switch part {
                case .head(let s, let h):
                    status = s
                    headers = h
                    let type = h["content-type"]?.lowercased() ?? ""
                    if !(200..<300).contains(s) { kind = .error }
                    else if type.contains("text/event-stream") { kind = .events }
                    else if type.contains("json") { kind = .json }
                case .body(let data):
                    byteCount += data.count
                    if kind == .undecided {
                        // No telling content type: a body starting with `{` is JSON, anything else events.
                        raw.append(data)
                        guard let first = raw.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { continue }
                        kind = first == UInt8(ascii: "{") ? .json : .events
                        if kind == .events { try events(raw); raw.removeAll() }
                        continue
                    }
                    switch kind {
                    case .events:
                        try events(data)
                        if accumulator.sawDone { break parts }
                    case .json:
                        raw.append(data)
                        if raw.count > Self.jsonBodyLimit {
                            throw AttemptFailure(error: .malformedResponse(endpoint: endpoint, message: "response body over \(Self.jsonBodyLimit >> 20) MiB"),
                                                 retryable: false)
                        }
                    case .error:
                        if raw.count < Self.errorBodyLimit { raw.append(data.prefix(Self.errorBodyLimit - raw.count)) }
                    case .undecided:
                        break
                    }
                }
            }
        } catch let failure as HTTPStreamingTask.Failure {
            try Task.checkCancellation()
            switch failure {
            case .timeout(_, let afterFirstByte):
                let seconds = afterFirstByte ? configuration.idleTimeout : configuration.requestTimeout
                throw AttemptFailure(error: .timeout(endpoint: endpoint, seconds: seconds), retryable: true)
            case .transport(let message):
                if kind == .events || kind == .json {
                    throw AttemptFailure(error: .malformedResponse(endpoint: endpoint,
                                                                   message: "stream ended early: \(message) after \(byteCount) bytes"),
                                         retryable: true)
                }
                if kind == .error { break }   // report the status with what arrived
                throw AttemptFailure(error: .transport(endpoint: endpoint, message: message), retryable: true)
            }
        }
        try Task.checkCancellation()

        switch kind {
        case .error:
            throw httpFailure(status: status, headers: headers, body: raw)
        case .json:
            return try finishJSON(raw, start: start)
        case .undecided where byteCount == 0, .events where byteCount == 0:
            if status == 0 {
                throw AttemptFailure(error: .transport(endpoint: endpoint, message: "no response"), retryable: true)
            }
            throw AttemptFailure(error: .malformedResponse(endpoint: endpoint, message: "empty response body (HTTP \(status))"),
                                 retryable: true)
        case .undecided, .events:
            if let last = decoder.finish(), !accumulator.sawDone {
                do {
                    if let piece = try accumulator.apply(event: last, endpoint: endpoint) { deliver(piece) }
                } catch let e as ServingError {
                    throw AttemptFailure(error: e, retryable: false)
                }
            }
            guard accumulator.isComplete else {
                let what = accumulator.chunkCount == 0 ? "no completion chunk" : "\(accumulator.chunkCount) chunks"
                throw AttemptFailure(error: .malformedResponse(endpoint: endpoint,
                                                               message: "stream ended early: \(what) and no [DONE] or finish_reason after \(byteCount) bytes"),
                                     retryable: true)
            }
            return finish(accumulator, start: start, firstText: firstText)
        }
    }

    /// The prompt-processed event and the prefill, once, just before the first text (or the end).
    private func announce(start: Double) {
        guard !emitted else { return }
        emitted = true
        emit(.promptProcessed(tokens: 0, seconds: MonotonicClock.seconds() - start))
        if !request.assistantPrefill.isEmpty { emit(.text(request.assistantPrefill, token: nil)) }
    }

    /// A whole (non-streamed) JSON body.
    private func finishJSON(_ data: Data, start: Double) throws -> GenerationResult {
        let chunk: CompletionChunk
        do { chunk = try CompletionChunk.decode(data) } catch {
            let text = String(decoding: data.prefix(4096), as: UTF8.self)
            throw AttemptFailure(error: .malformedResponse(endpoint: endpoint,
                                                           message: "not a completion response: \(CompletionAccumulator.excerpt(text))"),
                                 retryable: false)
        }
        if let error = chunk.error {
            throw AttemptFailure(error: .server(endpoint: endpoint, message: CompletionAccumulator.excerpt(error.message ?? "unknown error")),
                                 retryable: false)
        }
        guard chunk.choices?.isEmpty == false else {
            throw AttemptFailure(error: .malformedResponse(endpoint: endpoint, message: "the response has no choices"), retryable: false)
        }
        var accumulator = CompletionAccumulator()
        let piece = accumulator.apply(chunk)
        announce(start: start)
        if let piece { emit(.text(piece, token: nil)) }
        // The split between prompt and generation is unknown: everything counts as generation.
        return finish(accumulator, start: start, firstText: start)
    }

    private func finish(_ accumulator: CompletionAccumulator, start: Double, firstText: Double?) -> GenerationResult {
        announce(start: start)
        let end = MonotonicClock.seconds()
        let first = firstText ?? end
        return GenerationResult(prompt: body.promptDescription, promptTokens: [], tokens: [],
                                text: request.assistantPrefill + accumulator.text, stopReason: accumulator.stopReason,
                                seed: request.parameters.seed ?? 0, promptSeconds: first - start,
                                generationSeconds: end - first, promptTokenCount: accumulator.promptTokens,
                                generatedTokenCount: accumulator.completionTokens)
    }

    /// A non-2xx answer: the server's `error.message` when the body is JSON, else its first line (200 characters).
    private func httpFailure(status: Int, headers: [String: String], body: Data) -> AttemptFailure {
        let message = CompletionChunk.errorMessage(inBody: body)
            ?? String(decoding: body.prefix(4096), as: UTF8.self)
        return AttemptFailure(error: .http(endpoint: endpoint, status: status, message: CompletionAccumulator.excerpt(message)),
                              retryable: RetryPolicy.isRetryable(status: status),
                              retryAfter: RetryPolicy.retryAfterSeconds(headers["retry-after"]))
    }
}
