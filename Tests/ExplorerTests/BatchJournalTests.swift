import Explorer
import Foundation
import Testing
import TestSupport

@Suite("Batch journal and resume")
struct BatchJournalTests {
    /// Runs a batch over `input` into `out` without an ontology (fast) and returns the outcome.
    static func run(_ input: String, _ out: String, restart: Bool = false, fields: BatchFields = BatchFields(),
                    cancel: BatchCancellation = BatchCancellation()) throws -> BatchJob.Result {
        let config = BatchJob.Configuration(input: input, output: out, fields: fields, threads: 2, restart: restart)
        return try BatchJob(configuration: config, ontology: nil).run(cancellation: cancel)
    }

    static func lines(_ path: String) throws -> [String] {
        String(decoding: try RepoFiles.bytes(path), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func ids(_ path: String) throws -> [String] {
        try lines(path).map { try BatchItemRecord(jsonLine: Array($0.utf8)).id }
    }

    static func jsonl(_ n: Int) -> String {
        (1...n).map { "{\"id\": \"t\($0)\", \"text\": \"1. Cough -> Fever \($0) -> Pneumonia\"}" }.joined(separator: "\n") + "\n"
    }

    @Test("a rerun skips every recorded entry and writes nothing new")
    func rerunSkips() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(Self.jsonl(40), "in.jsonl", in: dir)
            let out = dir.appendingPathComponent("out").path
            let first = try Self.run(input, out)
            #expect(first.outcome.analysed == 40 && first.outcome.skipped == 0)
            let second = try Self.run(input, out)
            #expect(second.outcome.analysed == 0 && second.outcome.skipped == 40 && second.resumed == 40)
            #expect(try Self.ids(out + "/items.jsonl").count == 40)
            #expect(second.summary?.items.total == 40)
        }
    }

    @Test("a torn last line is dropped and its entry analysed again; every entry ends up recorded once")
    func tornLine() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(Self.jsonl(30), "in.jsonl", in: dir)
            let out = dir.appendingPathComponent("out").path
            _ = try Self.run(input, out)
            // Keep 20 whole lines and half of the 21st, as a crash mid-write would.
            let items = out + "/items.jsonl"
            let all = try Self.lines(items)
            let kept = all.prefix(20).joined(separator: "\n") + "\n" + all[20].prefix(all[20].count / 2)
            try Data(kept.utf8).write(to: URL(fileURLWithPath: items))
            let resumed = try Self.run(input, out)
            #expect(resumed.droppedTornLine)
            #expect(resumed.resumed == 20 && resumed.outcome.analysed == 10 && resumed.outcome.skipped == 20)
            let ids = try Self.ids(items)
            #expect(ids.count == 30 && Set(ids) == Set((1...30).map { "t\($0)" }))
            #expect(resumed.summary?.items.total == 30 && resumed.summary?.items.unreadableLines == 0)
        }
    }

    @Test("a different input, field or ontology is refused unless restart; restart starts over")
    func manifestMismatch() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(Self.jsonl(5), "in.jsonl", in: dir)
            let out = dir.appendingPathComponent("out").path
            _ = try Self.run(input, out)
            try BatchFixtures.write(Self.jsonl(6), "in.jsonl", in: dir)
            do {
                _ = try Self.run(input, out)
                Issue.record("a changed input must be refused")
            } catch let e as InputError {
                #expect(e.description.hasPrefix("\(out): holds a batch run that differs (input: recorded "))
                #expect(e.description.hasSuffix("pass --restart to start over or choose another output folder"))
                #expect(!e.description.contains("\n"))
            }
            do {
                _ = try Self.run(input, out, fields: BatchFields(text: "text"))
                Issue.record("a changed field must be refused")
            } catch let e as InputError {
                #expect(e.description.contains("--text-field: recorded automatic, now \"text\""))
            }
            let manifest = BatchManifest(input: try BatchInput.open(path: input).fingerprint(), fields: BatchFields(),
                                         ontology: ["ddx-core 1"])
            #expect(throws: InputError.self) { try BatchJournal.open(directory: out, manifest: manifest, restart: false) }
            let restarted = try Self.run(input, out, restart: true)
            #expect(restarted.resumed == 0 && restarted.outcome.analysed == 6)
            #expect(try Self.ids(out + "/items.jsonl").count == 6)
        }
    }

    @Test("records without a manifest are not resumed blindly")
    func missingManifest() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(Self.jsonl(3), "in.jsonl", in: dir)
            let out = dir.appendingPathComponent("out").path
            _ = try Self.run(input, out)
            try FileManager.default.removeItem(atPath: out + "/manifest.json")
            #expect(throws: InputError.self) { try Self.run(input, out) }
        }
    }

    @Test("a stop request ends the run early with whole records only, and the rerun finishes the rest")
    func cancellation() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(Self.jsonl(50), "in.jsonl", in: dir)
            let out = dir.appendingPathComponent("out").path
            let stop = BatchCancellation()
            stop.request()
            let stopped = try Self.run(input, out, cancel: stop)
            #expect(stopped.outcome.interrupted && stopped.summary == nil && stopped.outcome.recorded == 0)
            #expect(!FileManager.default.fileExists(atPath: out + "/summary.json"))
            // Stop after the first chunk: a source that requests the stop once it has been read from.
            let input2 = try BatchInput.open(path: input)
            let manifest = BatchManifest(input: try input2.fingerprint(), fields: BatchFields(), ontology: [])
            let journal = try BatchJournal.open(directory: out, manifest: manifest, restart: false)
            var runner = BatchRunner(ontology: nil, threads: 2)
            runner.chunkSize = 8
            let cancel = BatchCancellation()
            let source = StoppingSource(inner: try input2.makeSource(), cancel: cancel, after: 2)
            let partial = try runner.run(source: source, journal: journal, cancellation: cancel)
            try journal.close()
            #expect(partial.interrupted && partial.recorded == 16)
            let rest = try Self.run(input, out)
            #expect(rest.resumed == 16 && rest.outcome.analysed == 34)
            #expect(Set(try Self.ids(out + "/items.jsonl")).count == 50)
        }
    }

    @Test("two runs cannot write to one folder at once")
    func lock() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(Self.jsonl(2), "in.jsonl", in: dir)
            let manifest = BatchManifest(input: try BatchInput.open(path: input).fingerprint(), fields: BatchFields(), ontology: [])
            let out = dir.appendingPathComponent("out").path
            let first = try BatchJournal.open(directory: out, manifest: manifest, restart: false)
            #expect(throws: InputError("\(out): another ddx batch is writing to this folder")) {
                try BatchJournal.open(directory: out, manifest: manifest, restart: false)
            }
            try first.close()
        }
    }
}

/// Hands out entries from `inner`; on the call after the `after`-th it requests a stop (as SIGINT would, while a
/// chunk is being taken), so exactly `after` chunks get recorded.
final class StoppingSource: BatchEntrySource {
    let inner: any BatchEntrySource
    let cancel: BatchCancellation
    let after: Int
    var calls = 0

    init(inner: any BatchEntrySource, cancel: BatchCancellation, after: Int) {
        self.inner = inner
        self.cancel = cancel
        self.after = after
    }

    func next(limit: Int) throws -> [BatchEntry] {
        calls += 1
        if calls > after { cancel.request() }
        return try inner.next(limit: limit)
    }
}
