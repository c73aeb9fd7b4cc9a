import Explorer
import Foundation
import Inference
import Testing
import TestSupport

/// `ddx batch --generate` below the command line: `BatchGenerator` with a fake model, and `BatchJob` generating,
/// recording, resuming without generating again, and stopping on request without recording half a chunk.
@Suite struct BatchGenerationTests {
    /// A model whose every generation fails.
    final class FailingModel: LanguageModel, @unchecked Sendable {
        let name = "failing"
        func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
            AsyncThrowingStream { $0.finish(throwing: InputError("server said no\nsecond line")) }
        }
    }

    static func reply(_ request: GenerationRequest) -> String {
        let question = request.messages.last?.content ?? ""
        return "1. Cough -> Postnasal drip -> Antihistamines\n\n## Final Response\nAnswer to: \(question.prefix(20))\n"
    }

    static func generator(_ model: any LanguageModel, concurrency: Int = 2) -> BatchGenerator {
        BatchGenerator(model: LoadedLanguageModel(model: model, identity: ModelIdentity(engine: "test", name: model.name), loadSeconds: 0),
                       configuration: ExplorerConfiguration(parameters: GenerationParameters(seed: 7)), concurrency: concurrency)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-batchgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func generatorKeepsOrderAddsOptionsAndRecordsFailures() async throws {
        let fake = FakeLanguageModel(reply: Self.reply)
        let items = [BatchItem(id: "a", line: 1, text: Array("How to stop a cough?".utf8)),
                     BatchItem(id: "b", line: 2, text: Array("Which drug?".utf8), goldAnswer: "B",
                               options: [BatchOption(letter: "A", text: "Aspirin"), BatchOption(letter: "B", text: "Beta blocker")])]
        let results = await Self.generator(fake).generate(items, cancellation: BatchCancellation())
        let a = try #require(try results[0]?.get())
        #expect(a.id == "a" && String(decoding: a.text, as: UTF8.self).contains("Cough -> Postnasal drip"))
        #expect(a.generation?.prompt == "How to stop a cough?" && a.generation?.seed == 7 && a.generation?.generatedTokens ?? 0 > 0)
        let b = try #require(try results[1]?.get())
        #expect(b.generation?.prompt == "Which drug?\n\nA. Aspirin\nB. Beta blocker" && b.goldAnswer == "B")
        #expect(Self.generator(fake).counts.texts == 0)

        let failed = await Self.generator(FailingModel()).generate(items, cancellation: BatchCancellation())
        guard case .failure(let failure)? = failed[0] else { Issue.record("expected a failure"); return }
        #expect(failure.id == "a" && failure.line == 1 && failure.message.hasPrefix("generation failed: ") && !failure.message.contains("\n"))

        let stopped = BatchCancellation()
        stopped.request()
        #expect(await Self.generator(fake).generate(items, cancellation: stopped).allSatisfy { $0 == nil })
    }

    @Test func jobGeneratesRecordsAndResumesWithoutGeneratingAgain() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("q.jsonl")
        let lines = (1...5).map { #"{"id":"q\#($0)","question":"Question \#($0)?"}"# } + ["not json"]
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let config = BatchJob.Configuration(input: input.path, output: dir.appendingPathComponent("out").path,
                                            fields: BatchFields(text: "question"), threads: 2)
        let fake = FakeLanguageModel(reply: Self.reply)
        let generator = Self.generator(fake, concurrency: 3)
        let result = try await BatchJob(configuration: config, ontology: nil).run(generating: generator, cancellation: BatchCancellation())
        #expect(result.outcome.analysed == 5 && result.outcome.failed == 1 && !result.outcome.interrupted)
        #expect(fake.requests.count == 5 && generator.counts.texts == 5)
        #expect(result.manifest.generation?.contains("model fake") == true)
        let records = try String(contentsOf: dir.appendingPathComponent("out/items.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try BatchItemRecord(jsonLine: Array($0.utf8)) }
        #expect(records.map(\.id) == ["q1", "q2", "q3", "q4", "q5", "line 6"])
        #expect(records[0].generation?.prompt == "Question 1?" && records[0].generation?.text.contains("Answer to: Question 1?") == true)
        #expect(records[0].pathLengths == [3] && records[5].error != nil)
        #expect(result.summary?.items.total == 6 && result.summary?.items.errors == 1)

        // Resuming: nothing is generated again.
        let again = FakeLanguageModel(reply: Self.reply)
        let second = try await BatchJob(configuration: config, ontology: nil).run(generating: Self.generator(again), cancellation: BatchCancellation())
        #expect(again.requests.isEmpty && second.outcome.skipped == 6 && second.outcome.recorded == 0)

        // Another model's texts do not mix with these.
        await #expect(throws: InputError.self) {
            _ = try await BatchJob(configuration: config, ontology: nil)
                .run(generating: Self.generator(FakeLanguageModel(name: "other", reply: Self.reply)), cancellation: BatchCancellation())
        }
    }

    @Test func stopRequestedBeforeTheStartRecordsNothingAndWritesNoReport() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("q.jsonl")
        try #"{"question":"Why?"}"#.write(to: input, atomically: true, encoding: .utf8)
        let config = BatchJob.Configuration(input: input.path, output: dir.appendingPathComponent("out").path,
                                            fields: BatchFields(text: "question"), threads: 1)
        let stop = BatchCancellation()
        stop.request()
        let fake = FakeLanguageModel(reply: Self.reply)
        let result = try await BatchJob(configuration: config, ontology: nil).run(generating: Self.generator(fake), cancellation: stop)
        #expect(result.outcome.interrupted && result.outcome.recorded == 0 && result.summary == nil && fake.requests.isEmpty)
    }

    @Test func recordWithGenerationRoundTrips() throws {
        var record = BatchItemRecord(id: "x", line: 3, sha256: "00", format: "medreason", pathSource: .explicit, pathLengths: [2],
                                     nodes: [], hops: [], groundedNodes: 0, verdicts: [:], groundingScore: nil, finalAnswer: "ok",
                                     warnings: 0, unattestedHops: [])
        record.generation = BatchGeneration(prompt: "Q \"1\"\n", text: "A\u{2028}b", seed: UInt64.max, promptTokens: 4,
                                            generatedTokens: 9, seconds: 1.25, stopReason: "length")
        let line = record.jsonLine()
        #expect(try BatchItemRecord(jsonLine: Array(line.dropLast())) == record)
        #expect(!String(decoding: line, as: UTF8.self).dropLast().contains("\n"))
    }
}
