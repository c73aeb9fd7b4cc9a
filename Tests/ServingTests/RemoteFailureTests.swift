import Foundation
import Inference
import Serving
import TestSupport
import Testing
import Tokenization

/// HTTP errors, retries, timeouts, cut streams, refused connections and cancellation.
@Suite struct RemoteFailureTests {
    /// Upper bound that proves "no hang". The timers themselves run on Dispatch, but this test resumes on the
    /// cooperative pool (2 threads on a 2-core machine), which other suites running in parallel can keep busy for
    /// tens of seconds; the exact error value is what shows which timer fired.
    static let noHangBound = 90.0
    @Test("HTTP 500 then success: retried, one result")
    func retryAfter500() async throws {
        let server = try StubHTTPServer(responses: [.json(#"{"error":{"message":"busy"}}"#, status: 500), .chatStream(["fine"])])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        #expect(c.error == nil, "\(String(describing: c.error))")
        #expect(c.result?.text == "fine")
        #expect(server.requests.count == 2)
        #expect(server.requests[0].body == server.requests[1].body)
    }

    @Test("429 with Retry-After: the wait follows the header, capped")
    func retryAfterHeader() async throws {
        let server = try StubHTTPServer(responses: [.json(#"{"error":{"message":"slow down"}}"#, status: 429,
                                                          headers: [("Retry-After", "120")]),
                                                    .chatStream(["ok"])])
        defer { server.stop() }
        let c = await collect(try stubModel(server, backoffBase: 0.001, maxBackoff: 0.4), question())
        #expect(c.result?.text == "ok")
        let requests = server.requests
        try #require(requests.count == 2)
        let gap = requests[1].receivedAt - requests[0].receivedAt
        // Backoff alone would wait about a millisecond; the header asks for 120 s; the cap is 0.4 s. (The upper bound
        // leaves room for a busy machine, where the retry task can wait seconds for a thread: seen 4.8 s in a full run.)
        #expect(gap >= 0.38, "waited \(gap) s")
        #expect(gap < 60, "waited \(gap) s")
    }

    @Test("retries give up after maxRetries with the last status")
    func retriesExhausted() async throws {
        let server = try StubHTTPServer(responses: [.text("upstream down\nmore detail", status: 503)])
        defer { server.stop() }
        let c = await collect(try stubModel(server, maxRetries: 2), question())
        #expect(c.servingError == .http(endpoint: "http://127.0.0.1:\(server.port)/v1/chat/completions", status: 503,
                                        message: "upstream down"))
        #expect(server.requests.count == 3)
    }

    @Test("401 is not retried: one request, the server's message")
    func unauthorized() async throws {
        let server = try StubHTTPServer(responses: [.json(#"{"error":{"message":"Invalid API key","type":"auth"}}"#, status: 401),
                                                    .chatStream(["never"])])
        defer { server.stop() }
        let c = await collect(try stubModel(server, maxRetries: 3), question())
        let endpoint = "http://127.0.0.1:\(server.port)/v1/chat/completions"
        #expect(c.servingError == .http(endpoint: endpoint, status: 401, message: "Invalid API key"))
        #expect(c.servingError?.description == "\(endpoint): HTTP 401: Invalid API key")
        #expect(server.requests.count == 1)
        #expect(c.pieces.isEmpty)
    }

    @Test("a long plain-text error body is cut to its first line, 200 characters")
    func longErrorBody() async throws {
        let server = try StubHTTPServer(responses: [.text(String(repeating: "x", count: 500) + "\nsecond", status: 404)])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        guard case .http(_, 404, let message)? = c.servingError else { Issue.record("\(String(describing: c.error))"); return }
        #expect(message == String(repeating: "x", count: 200) + "…")
        #expect(server.requests.count == 1)
    }

    @Test("idle timeout: one chunk, then silence, fails within a bounded time and is not retried after text")
    func idleTimeout() async throws {
        let first = StubHTTPServer.Response.chatStreamEvents(["Cough"], done: false).prefix(2)
        let steps = first.map { StubHTTPServer.Response.Step.send(Array("data: \($0)\n\n".utf8)) } + [.stall]
        let server = try StubHTTPServer(responses: [StubHTTPServer.Response(headers: [("Content-Type", "text/event-stream")],
                                                                           steps: steps)])
        defer { server.stop() }
        let t0 = now()
        let c = await collect(try stubModel(server, requestTimeout: 30, idleTimeout: 0.4, maxRetries: 2), question())
        let elapsed = now() - t0
        #expect(c.servingError == .timeout(endpoint: "http://127.0.0.1:\(server.port)/v1/chat/completions", seconds: 0.4))
        #expect(c.pieces == ["Cough"])
        #expect(server.requests.count == 1)
        // Well under the 30 s request timeout (the error above says the idle timer fired); generous for loaded CI.
        #expect(elapsed >= 0.35 && elapsed < Self.noHangBound, "\(elapsed) s")
    }

    @Test("no first byte within the request timeout: retried, then a timeout error")
    func firstByteTimeout() async throws {
        let server = try StubHTTPServer(responses: [StubHTTPServer.Response(headers: [("Content-Type", "text/event-stream")],
                                                                           steps: [.stall])])
        defer { server.stop() }
        let t0 = now()
        let c = await collect(try stubModel(server, requestTimeout: 0.3, maxRetries: 1), question())
        #expect(c.servingError == .timeout(endpoint: "http://127.0.0.1:\(server.port)/v1/chat/completions", seconds: 0.3))
        #expect(server.requests.count == 2)
        #expect(now() - t0 < Self.noHangBound)
    }

    @Test("a stream that ends without [DONE] or finish_reason is malformed")
    func endsEarly() async throws {
        let server = try StubHTTPServer(responses: [.events(StubHTTPServer.Response.chatStreamEvents(["half"], finishReason: nil,
                                                                                                    done: false))])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        guard case .malformedResponse(_, let message)? = c.servingError else { Issue.record("\(String(describing: c.error))"); return }
        #expect(message.hasPrefix("stream ended early"))
        #expect(c.pieces == ["half"])
        #expect(server.requests.count == 1, "text was emitted: no retry")
    }

    @Test("a connection closed mid-stream after text is an error; before text it is retried")
    func closedMidStream() async throws {
        let events = StubHTTPServer.Response.chatStreamEvents(["one", "two"])
        func cut(after n: Int) -> StubHTTPServer.Response {
            StubHTTPServer.Response(headers: [("Content-Type", "text/event-stream")],
                                    steps: events.prefix(n).map { .send(Array("data: \($0)\n\n".utf8)) } + [.close])
        }
        let late = try StubHTTPServer(responses: [cut(after: 2), .chatStream(["never"])])
        defer { late.stop() }
        let c = await collect(try stubModel(late), question())
        guard case .malformedResponse(_, let message)? = c.servingError else { Issue.record("\(String(describing: c.error))"); return }
        #expect(message.hasPrefix("stream ended early"))
        #expect(c.pieces == ["one"])
        #expect(late.requests.count == 1)

        let early = try StubHTTPServer(responses: [cut(after: 1), .chatStream(["second try"])])
        defer { early.stop() }
        let d = await collect(try stubModel(early), question())
        #expect(d.error == nil, "\(String(describing: d.error))")
        #expect(d.result?.text == "second try")
        #expect(early.requests.count == 2)
    }

    @Test("connection refused: a transport error after the retries, quickly")
    func connectionRefused() async throws {
        let port = try StubHTTPServer.unusedPort()
        let model = OpenAICompatibleModel(configuration: try RemoteModelConfiguration(
            endpoint: "http://127.0.0.1:\(port)", model: "stub", requestTimeout: 2, maxRetries: 2, backoffBase: 0.01))
        let t0 = now()
        let c = await collect(model, question())
        guard case .transport(let endpoint, let message)? = c.servingError else { Issue.record("\(String(describing: c.error))"); return }
        #expect(endpoint == "http://127.0.0.1:\(port)/v1/chat/completions")
        #expect(message.contains("could not connect") && message.hasSuffix("(3 attempts)"), "\(message)")
        #expect(now() - t0 < Self.noHangBound)
    }

    @Test("cancelling the consumer closes the connection")
    func cancellation() async throws {
        let first = StubHTTPServer.Response.chatStreamEvents(["Cough"], done: false).prefix(2)
        let steps = first.map { StubHTTPServer.Response.Step.send(Array("data: \($0)\n\n".utf8)) } + [.stall]
        let server = try StubHTTPServer(responses: [StubHTTPServer.Response(headers: [("Content-Type", "text/event-stream")],
                                                                           steps: steps)])
        defer { server.stop() }
        let model = try stubModel(server, idleTimeout: 30)
        let consumer = Task { () -> [String] in
            var pieces: [String] = []
            for try await event in model.generate(question()) {
                if case .text(let p, _) = event { pieces.append(p) }
            }
            return pieces
        }
        // Wait for the first piece to reach the server's stall, then cancel.
        let t0 = now()
        while server.requests.isEmpty, now() - t0 < Self.noHangBound { try await Task.sleep(nanoseconds: 10_000_000) }
        try await Task.sleep(nanoseconds: 200_000_000)
        consumer.cancel()
        _ = try? await consumer.value
        while server.clientDisconnects == 0, now() - t0 < Self.noHangBound { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(server.clientDisconnects == 1)
        #expect(now() - t0 < Self.noHangBound)
    }

    @Test("batch generation keeps at most N requests in flight and the results in order")
    func boundedBatch() async throws {
        let server = try StubHTTPServer { request, _ in
            let messages = request.jsonBody?["messages"] as? [[String: String]]
            let asked = messages?.last?["content"] ?? "?"
            return .chatStream(["echo: ", asked], pause: 0.05)
        }
        defer { server.stop() }
        let requests = (0..<6).map { question("q\($0)") }
        let model = try stubModel(server)
        let results = try await model.completeAll(requests, maxConcurrent: 2)
        #expect(results.map(\.text) == (0..<6).map { "echo: q\($0)" })
        #expect(server.requests.count == 6)
        #expect(server.maxConcurrentConnections <= 2)
        #expect(server.maxConcurrentConnections == 2, "two requests did overlap")
    }
}
