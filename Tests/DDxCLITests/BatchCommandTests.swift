import Foundation
import Testing
import TestSupport

@Suite("ddx batch")
struct BatchCommandTests {
    static let textA = "## Thinking\n\n### Finding Reasoning Paths:\n1. Cough -> Pneumonia -> Fever\n2. Fever -> Chest pain\n\n## Final Response\n\nThe answer is B. Pneumonia.\n"
    static let textB = "Finding reasoning paths:\n1. Headache -> Cough\n2. Chest pain -> Myocardial infarction\n\nConclusion:\nAnswer: A\n"

    /// `n` JSONL lines alternating the two texts, ids `q1`…, gold answer B.
    static func jsonl(_ n: Int) throws -> String {
        try (1...n).map { i in
            let object: [String: Any] = ["id": "q\(i)", "output": i % 2 == 1 ? textA : textB, "answer": "B"]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    static func ids(_ itemsFile: URL) throws -> [String] {
        try String(decoding: Data(contentsOf: itemsFile), as: UTF8.self).split(separator: "\n").map { line in
            try Check.jsonObject(Array(line.utf8))["id"] as? String ?? "?"
        }
    }

    @Test("a small JSONL: exit 0, every report file, numbers on stdout and in summary.json")
    func jsonl() throws {
        try ScratchDirectory.with { dir in
            try Data(try Self.jsonl(6).utf8).write(to: dir.appendingPathComponent("in.jsonl"))
            let result = try DDx.run(["batch", "in.jsonl", "-o", "out", "--answer-field", "answer"], in: dir)
            #expect(result.succeeded, "\(result.err)")
            let out = dir.appendingPathComponent("out")
            #expect(try ScratchDirectory.contents(of: out) == ["chart-branching.svg", "chart-path-lengths.svg",
                                                              "chart-top-nodes.svg", "chart-verdicts.svg", "hops.csv",
                                                              "items.csv", "items.jsonl", "manifest.json", "summary.json",
                                                              "summary.md"])
            #expect(result.out.hasPrefix("items: 6 (6 analysed, 0 errors)\ntext field: output (6)\n"))
            #expect(result.out.contains("answer agreement: 3/6 (50.0%)"))
            #expect(result.err.contains("ddx batch: 6 analysed, 0 errors, 0 already recorded"))
            let summary = try Check.jsonObject(try ScratchDirectory.bytes(out.appendingPathComponent("summary.json")))
            let paths = try #require(summary["paths"] as? [String: Any])
            #expect(paths["total"] as? Int == 12 && paths["explicitShare"] as? Double == 1)
            let verdicts = try #require((summary["verdicts"] as? [String: Any])?["counts"] as? [String: Int])
            // Per A: 2 attested, 1 unattested; per B: 1 unattested, 1 attested via is-a.
            #expect(verdicts == ["attested": 6, "attested-via-is-a": 3, "plausible": 0, "unattested": 6, "ungrounded": 0])
            #expect(try Self.ids(out.appendingPathComponent("items.jsonl")) == (1...6).map { "q\($0)" })
        }
    }

    @Test("a folder of texts: ids are relative paths")
    func folder() throws {
        try ScratchDirectory.with { dir in
            let texts = dir.appendingPathComponent("texts/sub", isDirectory: true)
            try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
            try Data(Self.textA.utf8).write(to: dir.appendingPathComponent("texts/one.txt"))
            try Data(Self.textB.utf8).write(to: texts.appendingPathComponent("two.md"))
            let result = try DDx.run(["batch", "texts", "-o", "out", "--quiet"], in: dir)
            #expect(result.succeeded, "\(result.err)")
            #expect(result.err.isEmpty)
            #expect(result.out.hasPrefix("items: 2 (2 analysed, 0 errors)\n"))
            #expect(try Self.ids(dir.appendingPathComponent("out/items.jsonl")) == ["one.txt", "sub/two.md"])
            let md = String(decoding: try ScratchDirectory.bytes(dir.appendingPathComponent("out/summary.md")), as: UTF8.self)
            #expect(md.contains("(directory, ") && md.contains("2 files"))
        }
    }

    @Test("a missing input file: exit 1, one line, nothing created")
    func missingInput() throws {
        try ScratchDirectory.with { dir in
            let result = try DDx.run(["batch", "absent.jsonl", "-o", "out"], in: dir)
            #expect(result.exitCode == 1 && !result.timedOut)
            #expect(result.err == "ddx: error: absent.jsonl: no such file or folder\n")
            #expect(result.stdout.isEmpty)
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("bad lines are per-item errors, not failures")
    func badLines() throws {
        try ScratchDirectory.with { dir in
            try Data("{\"id\": \"ok\", \"text\": \"1. Cough -> Fever\"}\nnot json\n{\"id\": \"x\"}\n".utf8)
                .write(to: dir.appendingPathComponent("in.jsonl"))
            let result = try DDx.run(["batch", "in.jsonl", "-o", "out", "--no-ontology", "-q"], in: dir)
            #expect(result.succeeded, "\(result.err)")
            #expect(result.out.hasPrefix("items: 3 (1 analysed, 2 errors)\n"))
            let md = String(decoding: try ScratchDirectory.bytes(dir.appendingPathComponent("out/summary.md")), as: UTF8.self)
            #expect(md.contains("| line 2 | 2 | invalid JSON at column 1: unknown literal |"))
            #expect(md.contains("| x | 3 | no text field"))
        }
    }

    @Test("interrupt and resume: a truncated items.jsonl is repaired and every item ends up recorded exactly once")
    func resume() throws {
        try ScratchDirectory.with { dir in
            try Data(try Self.jsonl(40).utf8).write(to: dir.appendingPathComponent("in.jsonl"))
            let first = try DDx.run(["batch", "in.jsonl", "-o", "out"], in: dir)
            #expect(first.succeeded, "\(first.err)")
            let items = dir.appendingPathComponent("out/items.jsonl")
            let bytes = try ScratchDirectory.bytes(items)
            // Cut in the middle of the 26th line.
            let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
            let cut = newlines[24] + 1 + (newlines[25] - newlines[24]) / 2
            try Data(bytes[..<cut]).write(to: items)
            let second = try DDx.run(["batch", "in.jsonl", "-o", "out"], in: dir)
            #expect(second.succeeded, "\(second.err)")
            #expect(second.err.contains("resuming: 25 entries already recorded") && second.err.contains("torn last line"))
            #expect(second.err.contains("15 analysed, 0 errors, 25 already recorded"))
            #expect(second.out.hasPrefix("items: 40 (40 analysed, 0 errors)"))
            let ids = try Self.ids(items)
            #expect(ids.count == 40 && Set(ids) == Set((1...40).map { "q\($0)" }))
            // A changed input is refused with one line.
            try Data(try Self.jsonl(41).utf8).write(to: dir.appendingPathComponent("in.jsonl"))
            let third = try DDx.run(["batch", "in.jsonl", "-o", "out"], in: dir)
            #expect(third.exitCode == 1 && third.errLines.count == 1 && third.err.contains("pass --restart"), "\(third.err)")
            let fourth = try DDx.run(["batch", "in.jsonl", "-o", "out", "--restart", "-q"], in: dir)
            #expect(fourth.succeeded && fourth.out.hasPrefix("items: 41 (41 analysed"), "\(fourth.err)")
        }
    }

    @Test("bench batch on a few texts prints its figures as JSON")
    func bench() throws {
        let result = try DDx.run(["bench", "batch", "--texts", "40", "--json"])
        #expect(result.succeeded, "\(result.err)")
        let json = try Check.jsonObject(result.stdout)
        #expect(json["texts"] as? Int == 40)
        for key in ["texts_per_s", "total_s", "anchor_parse_s", "ratio_batch_over_parse", "cpu_s"] {
            #expect((json[key] as? Double).map { $0 > 0 } == true, "\(key)")
        }
    }

    @Test("SIGINT stops the run with exit 130, a resume hint and whole lines only; the rerun completes")
    func sigint() async throws {
        // Enough items that the run (about 2,500 items/s in a debug build) is still going when interrupted.
        let n = 10_000
        let outcome = try await OwnThread.run { try ScratchDirectory.with { dir in
            try Data(try Self.jsonl(n).utf8).write(to: dir.appendingPathComponent("in.jsonl"))
            let items = dir.appendingPathComponent("out/items.jsonl")
            var interrupted = false
            let r = try DDx.run(["batch", "in.jsonl", "-o", "out", "--threads", "1"], in: dir, timeout: 120) { process in
                // Wait until some records are on disk, then interrupt.
                let deadline = Date().addingTimeInterval(20)
                while Date() < deadline, process.isRunning,
                      ((try? FileManager.default.attributesOfItem(atPath: items.path)[.size] as? Int) ?? 0) == 0 {
                    usleep(10_000)
                }
                interrupted = process.isRunning
                if interrupted { kill(process.processIdentifier, SIGINT) }
            }
            let summaryWritten = FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/summary.json").path)
            let lastByte = try ScratchDirectory.bytes(items).last
            let recorded = try Self.ids(items).count
            let rerun = try DDx.run(["batch", "in.jsonl", "-o", "out", "-q"], in: dir, timeout: 120)
            return (r, interrupted, summaryWritten, lastByte, recorded, rerun, try Self.ids(items))
        } }
        let (r, interrupted, summaryWritten, lastByte, recorded, rerun, ids) = outcome
        #expect(interrupted, "the batch finished before it could be interrupted")
        #expect(!r.terminatedBySignal && r.exitCode == 130, "\(r.err)")
        #expect(r.err.contains("Run the same command again to resume."))
        #expect(!summaryWritten)
        #expect(lastByte == 0x0A)
        #expect(recorded < n)
        #expect(rerun.succeeded, "\(rerun.err)")
        #expect(ids.count == n && Set(ids).count == n)
    }

    @Test("--generate against a server: several requests at a time, texts recorded with their prompts, nothing sent again on resume")
    func generateRemote() throws {
        let server = try StubHTTPServer { request, _ in
            let messages = request.jsonBody?["messages"] as? [[String: String]] ?? []
            let question = messages.last { $0["role"] == "user" }?["content"] ?? "?"
            return .chatStream(["1. Cough -> Postnasal drip -> Antihistamines\n\n", "## Final Response\n", "About: \(question)\n"],
                               pause: 0.5)
        }
        defer { server.stop() }
        try ScratchDirectory.with { dir in
            let lines = (1...6).map { #"{"id":"q\#($0)","question":"Question \#($0)?","answer":"A"}"# }
            try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("q.jsonl"), atomically: true, encoding: .utf8)
            let args = ["batch", "q.jsonl", "-o", "out", "--generate", "--endpoint", server.baseURL, "--model", "stub-8b",
                        "--concurrency", "3", "--answer-field", "answer", "--seed", "5"]
            let r = try DDx.run(args, in: dir, timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out.hasPrefix("items: 6 (6 analysed, 0 errors)"), "\(r.out)")
            #expect(r.err.contains("ddx batch: generated 6 texts"), "\(r.err)")
            let requests = server.requests
            #expect(requests.count == 6)
            #expect(Set(requests.compactMap { $0.jsonBody?["model"] as? String }) == ["stub-8b"])
            // The first three were sent together, before the first answer (3 s of streaming) was complete: a client
            // sending one at a time could not start the third within 2.5 s of the first.
            let times = requests.map(\.receivedAt).sorted()
            #expect(times[2] - times[0] < 2.5, "\(times)")
            let records = try String(contentsOf: dir.appendingPathComponent("out/items.jsonl"), encoding: .utf8).split(separator: "\n")
                .map { try Check.jsonObject(Array($0.utf8)) }
            #expect(records.map { $0["id"] as? String } == ["q1", "q2", "q3", "q4", "q5", "q6"])
            let generation = try #require(records[3]["generation"] as? [String: Any])
            #expect(generation["prompt"] as? String == "Question 4?" && generation["seed"] as? Int == 5)
            #expect((generation["text"] as? String)?.contains("About: Question 4?") == true)
            #expect(records[3]["paths"] as? Int == 1)
            let again = try DDx.run(args, in: dir, timeout: 120)
            #expect(again.succeeded, "\(again.err)")
            #expect(server.requests.count == 6)
            #expect(again.err.contains("0 analysed, 0 errors, 6 already recorded"))
        }
    }

    @Test("--generate usage errors", arguments: [
        (["batch", "q.jsonl", "-o", "out", "--model", "x.gguf"], "only apply with --generate"),
        (["batch", "q.jsonl", "-o", "out", "--concurrency", "2"], "--concurrency only applies with --generate"),
        (["batch", "q.jsonl", "-o", "out", "--generate", "--text-field", "t"], "--question-field"),
        (["batch", "q.jsonl", "-o", "out", "--generate", "--concurrency", "0"], "--concurrency must be between 1 and 1024"),
    ])
    func generateUsage(arguments: [String], mentions: String) throws {
        let r = try DDx.run(arguments)
        #expect(r.exitCode == 2 && r.err.contains(mentions), "\(r.err)")
    }
}
