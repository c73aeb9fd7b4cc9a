import Serving
import Testing

@Suite struct RemoteModelConfigurationTests {
    @Test("a root, an API base and full endpoint URLs all give the same base", arguments: [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/v1"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/v1"),
        ("http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1"),
        ("http://127.0.0.1:8000/v1/", "http://127.0.0.1:8000/v1"),
        ("http://127.0.0.1:8000/v1/chat/completions", "http://127.0.0.1:8000/v1"),
        ("http://127.0.0.1:8000/v1/completions", "http://127.0.0.1:8000/v1"),
        ("HTTPS://api.example.org/api/v1", "https://api.example.org/api/v1"),
        ("  http://localhost:11434/v1  ", "http://localhost:11434/v1"),
    ])
    func endpointNormalisation(input: String, base: String) throws {
        let c = try RemoteModelConfiguration(endpoint: input, model: "m")
        #expect(c.baseURL.absoluteString == base)
        #expect(c.chatCompletionsURL.absoluteString == base + "/chat/completions")
        #expect(c.completionsURL.absoluteString == base + "/completions")
    }

    @Test("unusable endpoints are one-line badEndpoint errors", arguments: [
        ("", "empty URL"),
        ("ftp://host/v1", "only http and https"),
        ("127.0.0.1:8000", "must start with http:// or https://"),
        ("localhost", "must start with http:// or https://"),
        ("http://exa mple.org/v1", "is not a URL"),
        ("http:///v1", "has no host"),
        ("http://host/v1#frag", "fragment"),
    ])
    func badEndpoints(input: String, fragment: String) {
        do {
            _ = try RemoteModelConfiguration(endpoint: input, model: "m")
            Issue.record("\(input) was accepted")
        } catch let error as ServingError {
            guard case .badEndpoint(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains(fragment), "\(message)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func modelNameTimeoutsAndRetriesAreChecked() {
        #expect(throws: ServingError.self) { try RemoteModelConfiguration(endpoint: "http://h", model: " ") }
        #expect(throws: ServingError.self) { try RemoteModelConfiguration(endpoint: "http://h", model: "m", requestTimeout: 0) }
        #expect(throws: ServingError.self) { try RemoteModelConfiguration(endpoint: "http://h", model: "m", maxRetries: -1) }
    }

    @Test func credentialsNeverShowInTheEndpointDescription() throws {
        let c = try RemoteModelConfiguration(endpoint: "http://user:secret@host:9/v1", model: "m", apiKey: "")
        #expect(!c.endpointDescription.contains("secret"))
        #expect(c.apiKey == nil)
        #expect(OpenAICompatibleModel(configuration: c).name == "m @ http://host:9/v1")
    }
}
