import Foundation
import Testing
import TestSupport

/// `ddx compare` as a user runs it: two texts; two server models on a case (a stand-in OpenAI-compatible server on
/// 127.0.0.1); usage errors; and two seeds of the real default model when `scripts/setup` installed it.
@Suite("ddx compare")
struct CompareCommandTests {
    static let textB = """
    ## Thinking

    ### Finding Reasoning Paths:
    1. Cough -> Cough suppressants (e.g., dextromethorphan) -> Reduced cough reflex
    2. Cough -> Pneumonia -> Antibiotics

    ### Conclusion:
    Treat the cause.

    ## Final Response
    Treat the underlying cause of the cough.
    """

    @Test("two texts: stdout is the page's path; exports beside it; a summary line on stderr")
    func twoTexts() throws {
        try ScratchDirectory.with { dir in
            let b = dir.appendingPathComponent("b.txt")
            try Self.textB.write(to: b, atomically: true, encoding: .utf8)
            let r = try DDx.run(["compare", RepoFiles.coughCase, b.path, "--export", "svg,dot,json", "-o", "out/c.html"], in: dir, timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "out/c.html\n")
            #expect(try ScratchDirectory.contents(of: dir.appendingPathComponent("out")) == ["c.dot", "c.html", "c.json", "c.svg"])
            #expect(r.errLines.last?.hasPrefix("ddx: A 5 paths, B 2 paths; nodes: ") == true, "\(r.err)")
            #expect(r.errLines.last?.hasSuffix("final answers: disagree") == true)
            let html = try String(contentsOfFile: dir.appendingPathComponent("out/c.html").path, encoding: .utf8)
            #expect(html.contains("cough-medreason8b.txt vs b.txt"))
            #expect(html.contains(#"<g id="node-cough" class="node ddx-node role-finding kind-symptom prov-both""#))
            let json = try Check.jsonObject(try RepoFiles.bytes(dir.appendingPathComponent("out/c.json").path))
            let comparison = try #require(json["comparison"] as? [String: Any])
            #expect(comparison["pathsA"] as? Int == 5 && comparison["sideB"] as? String == "b.txt")
            #expect(((json["metadata"] as? [String: Any])?["b"] as? [String: Any])?["inputName"] as? String == b.path)
            // Without -o the page goes to ddx-out/compare-<a>-vs-<b>.html.
            let d = try DDx.run(["compare", RepoFiles.coughCase, "b.txt"], in: dir, timeout: 120)
            #expect(d.succeeded, "\(d.err)")
            #expect(d.out == "ddx-out/compare-cough-medreason8b-vs-b.html\n")
        }
    }

    @Test("two server models on a case: one request each, with its model name; the page names both")
    func twoRemoteModels() throws {
        let server = try StubHTTPServer(responses: [
            .chatStream(["1. Cough -> Postnasal drip -> Antihistamines\n\n", "## Final Response\nAntihistamines.\n"]),
            .chatStream(["1. Cough -> Postnasal drip -> Nasal steroids\n\n", "## Final Response\nNasal steroids.\n"]),
        ])
        defer { server.stop() }
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["compare", "--case", "cough", "--endpoint", server.baseURL, "--model", "stub-a", "--model", "stub-b",
                                 "--temperature", "0", "--case-prompt", "question"], in: dir, timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "ddx-out/compare-cough.html\n")
            #expect(server.requests.compactMap { $0.jsonBody?["model"] as? String } == ["stub-a", "stub-b"])
            let seeds = server.requests.compactMap { $0.jsonBody?["seed"] as? Int }
            #expect(seeds.count == 2 && seeds[0] == seeds[1], "both sides share one seed: \(seeds)")
            let html = try String(contentsOfFile: dir.appendingPathComponent("ddx-out/compare-cough.html").path, encoding: .utf8)
            #expect(html.contains("stub-a") && html.contains("stub-b") && html.contains("The final answers differ."))
            #expect(html.contains("then A goes to <strong class=\"only-a\">Antihistamines</strong>"))
        }
    }

    @Test("usage errors exit 2 and write nothing", arguments: [
        (["compare", "one.txt"], "give two texts to compare (got 1)"),
        (["compare", "a.txt", "b.txt", "--seed", "1"], "only apply when generating"),
        (["compare", "--seed", "1", "--seed", "2"], "--case NAME|FILE or --question TEXT"),
        (["compare", "--case", "cough", "--seed", "1"], "both sides would be the same run"),
        (["compare", "--case", "cough", "--seed", "1", "--seed", "2", "--seed", "3"], "--seed was given 3 times"),
        (["compare", "a.txt", "b.txt", "-o", "-"], "must be written to a file"),
    ])
    func usageErrors(arguments: [String], mentions: String) throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(arguments, in: dir)
            #expect(r.exitCode == 2, "\(r.err)")
            #expect(r.err.contains(mentions), "\(r.err)")
            #expect(r.stdout.isEmpty)
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("a missing text is a one-line error naming it, exit 1, nothing written")
    func missingText() throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["compare", RepoFiles.coughCase, "nope.txt"], in: dir)
            #expect(r.exitCode == 1)
            #expect(r.errLines.count == 1 && r.errLines[0].hasPrefix("ddx: error: nope.txt"), "\(r.err)")
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("two seeds of the real default model (skipped when scripts/setup has not installed it)",
          .enabled(if: ExploreCommandTests.modelPath != nil, "the default model is not installed"))
    func twoSeedsOfTheDefaultModel() throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["compare", "--question", "How to stop a cough?", "--seed", "1", "--seed", "2",
                                 "--max-tokens", "60", "--threads", "2", "-o", "c.html"], in: dir, timeout: 600)
            #expect(r.succeeded, "\(r.err)")
            let html = try String(contentsOfFile: dir.appendingPathComponent("c.html").path, encoding: .utf8)
            #expect(html.contains("seed 1") && html.contains("seed 2"))
            let metadata = try #require(html.firstMatch(of: /<script type="application\/json" id="ddx-metadata">(.*?)<\/script>/.dotMatchesNewlines()))
            let json = try Check.jsonObject(Array(String(metadata.1).utf8))
            #expect(((json["a"] as? [String: Any])?["sampling"] as? [String: Any])?["seed"] as? Int == 1)
            #expect(((json["b"] as? [String: Any])?["sampling"] as? [String: Any])?["seed"] as? Int == 2)
        }
    }
}
