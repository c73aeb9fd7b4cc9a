import Foundation
import Inference
import Serving
import TestSupport
import Testing
import Tokenization

/// `OpenAICompatibleModel` against the in-process stub server: what is sent, and how every kind of answer is read.
@Suite struct OpenAICompatibleModelTests {
    @Test("chat: request line, headers and body; streamed pieces, prefill, stop reason and usage")
    func streamedChat() async throws {
        let server = try StubHTTPServer(responses: [.chatStream(["1. Cough", " -> Antitussives", " → 😷"], promptTokens: 11)])
        defer { server.stop() }
        var request = question(prefill: "## Thinking\n")
        request.parameters.seed = 7
        let c = await collect(try stubModel(server), request)
        #expect(c.error == nil, "\(String(describing: c.error))")

        let sent = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["authorization"] == "Bearer sk-test")
        #expect(sent.headers["content-type"] == "application/json")
        #expect(sent.headers["accept"]?.contains("text/event-stream") == true)
        let body = try #require(sent.jsonBody)
        #expect(body["model"] as? String == "stub")
        #expect(body["stream"] as? Bool == true)
        #expect(body["seed"] as? Int == 7)
        #expect(body["max_tokens"] as? Int == 64)
        #expect(body["continue_final_message"] as? Bool == true)
        #expect((body["messages"] as? [[String: String]])?.last == ["role": "assistant", "content": "## Thinking\n"])

        guard case .promptProcessed(_, let seconds)? = c.events.first else { Issue.record("\(c.events)"); return }
        #expect(seconds >= 0)
        #expect(c.pieces == ["## Thinking\n", "1. Cough", " -> Antitussives", " → 😷"])
        let r = try #require(c.result)
        if case .finished? = c.events.last {} else { Issue.record("the stream must end with .finished") }
        #expect(r.text == "## Thinking\n1. Cough -> Antitussives → 😷")
        #expect(r.stopReason == .endOfGeneration)
        #expect(r.seed == 7)
        #expect(r.promptTokens.isEmpty && r.tokens.isEmpty)
        #expect(r.promptTokenCount == 11 && r.generatedTokenCount == 3)
        #expect(r.promptTokenTotal == 11 && r.generatedTokenTotal == 3)
        #expect(r.generationTokensPerSecond > 0)
        #expect(r.prompt.contains("How to stop a cough?"))
    }

    @Test("no API key, no Authorization header; extra headers are sent")
    func headersWithoutKey() async throws {
        let server = try StubHTTPServer(responses: [.chatStream(["ok"])])
        defer { server.stop() }
        let configuration = try RemoteModelConfiguration(endpoint: "http://127.0.0.1:\(server.port)/v1/chat/completions",
                                                         model: "stub", extraHeaders: ["X-Route": "a"])
        let c = await collect(OpenAICompatibleModel(configuration: configuration), question())
        #expect(c.result?.text == "ok")
        #expect(server.requests.first?.headers["authorization"] == nil)
        #expect(server.requests.first?.headers["x-route"] == "a")
        #expect(server.requests.first?.path == "/v1/chat/completions")
    }

    @Test("raw prompt: /v1/completions, choices[0].text, finish_reason length")
    func streamedCompletions() async throws {
        let chunks = [#"{"choices":[{"index":0,"text":"Dry","finish_reason":null}]}"#,
                      #"{"choices":[{"index":0,"text":" cough","finish_reason":"length"}]}"#,
                      #"{"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":2}}"#, "[DONE]"]
        let server = try StubHTTPServer(responses: [.events(chunks)])
        defer { server.stop() }
        let request = GenerationRequest(rawPrompt: "Symptom:", parameters: .greedy)
        let c = await collect(try stubModel(server), request)
        #expect(server.requests.first?.path == "/v1/completions")
        #expect(server.requests.first?.jsonBody?["prompt"] as? String == "Symptom:")
        #expect(c.pieces == ["Dry", " cough"])
        #expect(c.result?.text == "Dry cough")
        #expect(c.result?.stopReason == .maxTokens)
        #expect(c.result?.promptTokenCount == 4)
        #expect(c.result?.seed == 0)
    }

    @Test("vLLM's stop_reason names the stop string")
    func stopString() async throws {
        let chunks = [#"{"choices":[{"delta":{"content":"A -> B"},"finish_reason":null}]}"#,
                      #"{"choices":[{"delta":{},"finish_reason":"stop","stop_reason":"\n\n"}]}"#, "[DONE]"]
        let server = try StubHTTPServer(responses: [.events(chunks)])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        #expect(c.result?.stopReason == .stopString)
        #expect(c.result?.generatedTokenCount == nil)
    }

    @Test("a stream delivered one byte per chunk decodes the same (CRLF, multi-byte UTF-8)")
    func oneBytePerChunk() async throws {
        let text = StubHTTPServer.Response.chatStreamEvents(["Fièvre", " → ", "😷 toux"])
            .map { "data: \($0)\r\n\r\n" }.joined()
        let steps = Array(text.utf8).map { StubHTTPServer.Response.Step.send([$0]) }
        let server = try StubHTTPServer(responses: [StubHTTPServer.Response(headers: [("Content-Type", "text/event-stream")],
                                                                           steps: steps)])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        #expect(c.error == nil, "\(String(describing: c.error))")
        #expect(c.pieces.joined() == "Fièvre → 😷 toux")
        #expect(c.result?.text == "Fièvre → 😷 toux")
    }

    @Test("a server that ignores stream:true answers with one JSON body")
    func nonStreamedJSON() async throws {
        let body = #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Rest and fluids."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}"#
        let server = try StubHTTPServer(responses: [.json(body)])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question(prefill: "Answer: "))
        #expect(c.pieces == ["Answer: ", "Rest and fluids."])
        #expect(c.result?.text == "Answer: Rest and fluids.")
        #expect(c.result?.stopReason == .endOfGeneration)
        #expect(c.result?.generatedTokenCount == 4 && c.result?.promptTokenCount == 9)
    }

    @Test("without a Content-Type the body is sniffed: events")
    func untypedEvents() async throws {
        var response = StubHTTPServer.Response.chatStream(["plain"])
        response.headers = []
        let server = try StubHTTPServer(responses: [response])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        #expect(c.result?.text == "plain")
    }

    @Test("an error event inside the stream ends it with the server's message")
    func errorEvent() async throws {
        let chunks = [#"{"choices":[{"delta":{"content":"x"},"finish_reason":null}]}"#,
                      #"{"error":{"message":"CUDA out of memory","code":500}}"#]
        let server = try StubHTTPServer(responses: [.events(chunks)])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        #expect(c.servingError == .server(endpoint: "http://127.0.0.1:\(server.port)/v1/chat/completions",
                                          message: "CUDA out of memory"))
        #expect(c.pieces == ["x"])
        #expect(server.requests.count == 1)
    }

    @Test("an event that is not JSON is a malformed response")
    func malformedEvent() async throws {
        let server = try StubHTTPServer(responses: [.events(["{not json"])])
        defer { server.stop() }
        let c = await collect(try stubModel(server), question())
        guard case .malformedResponse(_, let message)? = c.servingError else { Issue.record("\(String(describing: c.error))"); return }
        #expect(message.contains("{not json"))
        #expect(server.requests.count == 1, "malformed data is not retried")
    }

    @Test("invalid parameters and an empty conversation fail before anything is sent")
    func invalidRequest() async throws {
        let server = try StubHTTPServer(responses: [.chatStream(["x"])])
        defer { server.stop() }
        var bad = question()
        bad.parameters.topP = 2
        #expect(await collect(try stubModel(server), bad).error is GenerationError)
        #expect(await collect(try stubModel(server), GenerationRequest()).error is GenerationError)
        #expect(server.requests.isEmpty)
    }
}
