import Foundation
import ReasoningPaths

/// `ddx bench batch`: synthesised MedReason-sized texts through the whole batch pipeline (JSONL in, records and the
/// aggregate report out), against anchors measured in the same run on the same texts: parsing them alone on one
/// core, and reading and decoding the JSONL alone.
public struct BatchBenchmark: Sendable {
    /// The issue's goal for 32,000 texts on a 2-core machine.
    public static let goalSeconds = 60.0

    public var texts: Int
    public var inputBytes: Int
    public var threads: Int
    /// Seconds for the whole `BatchJob` (fingerprint, count, analyse, journal, report).
    public var totalSeconds: Double
    /// Of which analysing and recording.
    public var analysisSeconds: Double
    /// Of which the report.
    public var reportSeconds: Double
    /// Anchor: `ReasoningParser` alone over the same texts, one thread.
    public var parseSeconds: Double
    /// Anchor: reading and decoding the JSONL lines alone, one thread.
    public var readSeconds: Double
    public var generateSeconds: Double
    public var ontologySeconds: Double
    /// CPU seconds (user + system, all threads) the batch used: on a shared machine, `cpuSeconds / threads` is
    /// what the wall time would be with the cores to itself.
    public var cpuSeconds: Double
    public var summary: BatchSummary?

    /// Generates `count` texts into a temporary folder (or `keep`, which is then left in place with the JSONL and
    /// the batch output), runs the anchors and the batch, and removes the temporary folder.
    public static func run(count: Int, ontology: LoadedOntology, threads: Int, keep: String? = nil) throws -> BatchBenchmark {
        let dir = keep.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-bench-batch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let input = dir.appendingPathComponent("texts.jsonl").path
        let output = dir.appendingPathComponent("out").path

        let g0 = DispatchTime.now().uptimeNanoseconds
        let (generated, bytes) = try BatchBenchmarkInput.write(count: count, index: ontology.index, to: input)
        let g1 = DispatchTime.now().uptimeNanoseconds

        // Anchor 1: parse only, one thread.
        let parser = ReasoningParser()
        var paths = 0
        for t in generated { paths &+= parser.parse(bytes: t).paths.count }
        let g2 = DispatchTime.now().uptimeNanoseconds
        // Anchor 2: read and decode the JSONL, one thread.
        let reader = try BatchLineReader(path: input, maxLineBytes: Int.max)
        var decoded = 0
        let fields = BatchFields(answer: "answer")
        while true {
            let entries = try reader.next(limit: 1024)
            if entries.isEmpty { break }
            for e in entries { if case .success = e.item(fields: fields, maxBytes: ReasoningInput.defaultMaxBytes) { decoded += 1 } }
        }
        let g3 = DispatchTime.now().uptimeNanoseconds
        precondition(decoded == count && paths > 0, "benchmark input did not decode")

        let config = BatchJob.Configuration(input: input, output: output, fields: fields, threads: threads, restart: true)
        let cpu0 = cpuSeconds()
        let result = try BatchJob(configuration: config, ontology: ontology).run(cancellation: BatchCancellation())
        let g4 = DispatchTime.now().uptimeNanoseconds
        let cpu = cpuSeconds() - cpu0
        precondition(result.summary?.items.analysed == count, "the batch did not analyse every text")
        func s(_ a: UInt64, _ b: UInt64) -> Double { Double(b - a) / 1e9 }
        return BatchBenchmark(texts: count, inputBytes: bytes, threads: threads, totalSeconds: s(g3, g4),
                              analysisSeconds: result.outcome.seconds, reportSeconds: result.reportSeconds,
                              parseSeconds: s(g1, g2), readSeconds: s(g2, g3), generateSeconds: s(g0, g1),
                              ontologySeconds: ontology.seconds, cpuSeconds: cpu, summary: result.summary)
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    public var textsPerSecond: Double { Double(texts) / max(totalSeconds, 1e-9) }
    public var parseTextsPerSecond: Double { Double(texts) / max(parseSeconds, 1e-9) }
    /// How many times longer the whole pipeline takes than parsing alone on one core.
    public var ratio: Double { totalSeconds / max(parseSeconds, 1e-9) }
    /// The goal scaled to this run's size (60 s per 32,000 texts).
    public var goalForThisRun: Double { Self.goalSeconds * Double(texts) / 32_000 }

    public var report: String {
        func f(_ x: Double, _ d: Int = 2) -> String { BenchmarkStatistics.format(x, decimals: d) }
        let mb = Double(inputBytes) / 1e6
        var lines = [
            "batch: \(ProgressMeter.grouped(texts)) synthetic MedReason-style texts, \(f(mb, 1)) MB JSONL, \(threads) threads, ontology loaded in \(f(ontologySeconds)) s",
            "  ddx batch (parse, graph, link, verify, journal, report)  \(f(totalSeconds)) s  \(f(textsPerSecond, 0)) texts/s  (analysis \(f(analysisSeconds)) s, report \(f(reportSeconds)) s; CPU \(f(cpuSeconds, 1)) s = \(f(cpuSeconds / Double(threads), 1)) s on \(threads) free cores)",
            "  anchor: parse only, one thread                          \(f(parseSeconds)) s  \(f(parseTextsPerSecond, 0)) texts/s  → batch/parse \(f(ratio, 1))×",
            "  anchor: read + decode JSONL, one thread                  \(f(readSeconds)) s  \(f(Double(texts) / max(readSeconds, 1e-9), 0)) texts/s",
            "  goal: \(f(goalForThisRun, 1)) s for this many texts (60 s per 32,000): \(totalSeconds <= goalForThisRun ? "met" : "missed")",
        ]
        if let s = summary {
            lines.append("  check: \(ProgressMeter.grouped(s.paths.total)) paths, \(ProgressMeter.grouped(s.verdicts.hops)) hops, grounding \(BatchCharts.percent(s.grounding.rate)), agreement \(s.answers.map { BatchCharts.percent($0.rate) } ?? "-")")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"texts": …, "texts_per_s": …, "total_s": …, "anchor_parse_s": …, "ratio": …, …}` (keys sorted).
    public var json: String {
        func n(_ x: Double) -> String { BenchmarkStatistics.format(x, decimals: 4) }
        let pairs: [(String, String)] = [
            ("analysis_s", n(analysisSeconds)), ("cpu_s", n(cpuSeconds)), ("anchor", "\"parse only, one thread\""),
            ("anchor_parse_s", n(parseSeconds)), ("anchor_parse_texts_per_s", n(parseTextsPerSecond)),
            ("anchor_read_decode_s", n(readSeconds)), ("goal_met", totalSeconds <= goalForThisRun ? "true" : "false"),
            ("goal_s", n(goalForThisRun)), ("input_bytes", String(inputBytes)), ("ratio_batch_over_parse", n(ratio)),
            ("report_s", n(reportSeconds)), ("texts", String(texts)), ("texts_per_s", n(textsPerSecond)),
            ("threads", String(threads)), ("total_s", n(totalSeconds)),
        ]
        return "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}
