import Foundation
import TestSupport
import Testing

/// `ddx generate --endpoint`: the built executable against the in-process stub server.
@Suite("ddx generate --endpoint")
struct GenerateRemoteTests {
    @Test("streams the server's text to stdout; the prefill goes as a final assistant message")
    func streamsText() throws {
        let server = try StubHTTPServer(responses: [.chatStream(["1. Cough -> ", "Antitussive", " → relief"], pause: 0.02)])
        defer { server.stop() }
        let r = try DDx.run(["generate", "How to stop a cough?", "--endpoint", server.baseURL, "--model", "stub",
                             "--temperature", "0"], environment: ["DDX_API_KEY": "sk-cli"])
        #expect(r.succeeded, "\(r.err)")
        #expect(r.out.hasPrefix("## Thinking"), "\(r.out)")
        #expect(r.out.hasSuffix("1. Cough -> Antitussive → relief\n"), "\(r.out)")
        #expect(r.err.contains("stub at http://127.0.0.1:\(server.port)/v1"))
        #expect(r.err.contains("generated 3 tokens"))
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer sk-cli")
        let body = try #require(request.jsonBody)
        #expect(body["model"] as? String == "stub")
        #expect(body["temperature"] as? Double == 0)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.first?["role"] == "system")
        #expect(messages.dropLast().last == ["role": "user", "content": "How to stop a cough?"])
        #expect(messages.last?["role"] == "assistant")
        #expect(body["continue_final_message"] as? Bool == true)
    }

    @Test("--json names the endpoint and model; ids empty, counts present; -o writes it atomically")
    func json() throws {
        let server = try StubHTTPServer(responses: [.chatStream(["Rest", "."], promptTokens: 21)])
        defer { server.stop() }
        try ScratchDirectory.with { dir in
            let out = dir.appendingPathComponent("answer.json").path
            let r = try DDx.run(["generate", "q", "--endpoint", "http://127.0.0.1:\(server.port)", "--model", "org/med-8b",
                                 "--no-prefill", "--seed", "5", "--json", "-o", out])
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out.isEmpty)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
            let j = try #require(object as? [String: Any])
            #expect(j["model"] as? String == "org/med-8b")
            #expect(j["endpoint"] as? String == "http://127.0.0.1:\(server.port)/v1")
            #expect(j["engine"] as? String == "openai-compatible")
            #expect(j["prompt_tokens"] as? [Int] == [] && j["tokens"] as? [Int] == [])
            #expect(j["prompt_token_count"] as? Int == 21 && j["generated_token_count"] as? Int == 2)
            #expect(j["text"] as? String == "Rest.")
            #expect(j["stop_reason"] as? String == "eos")
            #expect(j["seed"] as? Int == 5)
        }
    }

    @Test("HTTP 401: one line on stderr, exit 1, not retried")
    func unauthorized() throws {
        let server = try StubHTTPServer(responses: [.json(#"{"error":{"message":"Invalid API key"}}"#, status: 401)])
        defer { server.stop() }
        let r = try DDx.run(["generate", "q", "--endpoint", server.baseURL, "--model", "stub", "--temperature", "0"])
        #expect(r.exitCode == 1)
        #expect(r.errLines.last == "ddx: error: http://127.0.0.1:\(server.port)/v1/chat/completions: HTTP 401: Invalid API key",
                "\(r.err)")
        #expect(r.errLines.filter { $0.hasPrefix("ddx: error:") }.count == 1)
        #expect(r.out.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test("usage and environment problems are named")
    func badOptions() throws {
        let noModel = try DDx.run(["generate", "q", "--endpoint", "http://127.0.0.1:9/v1"])
        #expect(noModel.exitCode == 2)
        #expect(noModel.err.contains("--endpoint needs --model"))
        let badURL = try DDx.run(["generate", "q", "--endpoint", "ftp://host/v1", "--model", "m"])
        #expect(badURL.exitCode == 1)
        #expect(badURL.errLines == ["ddx: error: --endpoint ftp://host/v1: only http and https are supported"])
        let unset = try DDx.run(["generate", "q", "--endpoint", "http://127.0.0.1:9/v1", "--model", "m",
                                 "--api-key-env", "DDX_TEST_UNSET_KEY"])
        #expect(unset.exitCode == 1)
        #expect(unset.errLines == ["ddx: error: --api-key-env DDX_TEST_UNSET_KEY: the environment variable DDX_TEST_UNSET_KEY is not set (or empty)"])
    }
}
