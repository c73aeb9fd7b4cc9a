import Foundation
import TestSupport
import Testing

/// `ddx explore` and `ddx walkthrough` end to end with a stand-in model: the in-process stub of an
/// OpenAI-compatible server on 127.0.0.1 replies with a canned MedReason-style text.
@Suite("ddx explore/walkthrough --endpoint")
struct ExploreRemoteTests {
    static let pieces = [
        "1. Cough -> Postnasal drip -> Antihistamines\n", "2. Cough -> Asthma -> Bronchodilators\n\n",
        "### Reasoning Process:\n", "Postnasal drip is a common cause of cough; antihistamines treat it.\n\n",
        "### Conclusion:\nTreat the cause.\n\n", "## Final Response\n", "Treat the cause of the cough.\n",
    ]

    @Test("explore --case with a remote model: the case goes to the server, the report carries its paths and metadata")
    func exploreCase() throws {
        let server = try StubHTTPServer(responses: [.chatStream(Self.pieces)])
        defer { server.stop() }
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["explore", "--case", "cough", "--endpoint", server.baseURL, "--model", "stub-8b",
                                 "--temperature", "0", "--export", "json", "-o", "r.html"], in: dir)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "r.html\n")
            let messages = try #require(server.requests.first?.jsonBody?["messages"] as? [[String: String]])
            let user = try #require(messages.first { $0["role"] == "user" }?["content"])
            #expect(user.contains("34-year-old teacher") && user.contains("How to stop a cough?"))
            let html = try String(contentsOfFile: dir.appendingPathComponent("r.html").path, encoding: .utf8)
            #expect(html.contains("node-cough") && html.contains("Postnasal drip"))
            #expect(html.contains("stub-8b") && html.contains("openai-compatible"))
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r.json")))
            let metadata = try #require((json as? [String: Any])?["metadata"] as? [String: Any])
            #expect((metadata["model"] as? [String: Any])?["name"] as? String == "stub-8b")
            #expect(metadata["caseID"] as? String == "cough")
        }
    }

    @Test("walkthrough with a remote model and --case-prompt question: only the question is sent")
    func walkthroughQuestionOnly() throws {
        let server = try StubHTTPServer(responses: [.chatStream(Self.pieces)])
        defer { server.stop() }
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["walkthrough", "cough", "--endpoint", server.baseURL, "--model", "stub-8b",
                                 "--case-prompt", "question", "--temperature", "0", "-o", "w.html"], in: dir)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "w.html\n")
            let messages = try #require(server.requests.first?.jsonBody?["messages"] as? [[String: String]])
            #expect(messages.first { $0["role"] == "user" }?["content"] == "How to stop a cough?")
            let html = try String(contentsOfFile: dir.appendingPathComponent("w.html").path, encoding: .utf8)
            #expect(html.contains("Antihistamines") && html.contains("Bronchodilators"))
        }
    }
}
