import Foundation
import ReasoningPaths

/// Measures parser throughput on a large generated text against an anchor measured in the same run:
/// a `memchr` pass that only finds the line breaks of the same bytes (the least any line parser does).
///
/// ```swift
/// print(ParseBenchmark.run(kind: .mixed, bytes: 64 << 20).report)
/// ```
public enum ParseBenchmark {
    /// The throughput the project aims for on one core.
    public static let goalMBPerSecond = 50.0

    /// Parses `bytes` of generated text `iterations` times (after one warm-up) with no limits, so every path is built.
    public static func run(kind: ParseBenchmarkInput.Kind, bytes: Int = 64 << 20, iterations: Int = 5) -> ParseBenchmarkResult {
        let input = ParseBenchmarkInput.generate(kind, bytes: bytes)
        let parser = ReasoningParser(limits: .unlimited)
        let clock = ContinuousClock()
        var parseTimes: [Duration] = []
        var anchorTimes: [Duration] = []
        var paths = 0, lines = 0
        input.withUnsafeBufferPointer { buf in
            _ = parser.parse(utf8: buf)
            for _ in 0..<max(1, iterations) {
                var parsed: ParsedReasoning? = nil
                parseTimes.append(clock.measure { parsed = parser.parse(utf8: buf) })
                paths = parsed?.paths.count ?? 0
                // Free the result outside the timed region.
                parsed = nil
                var count = 0
                anchorTimes.append(clock.measure { count = lineCount(buf) })
                lines = count
            }
        }
        return ParseBenchmarkResult(kind: kind, bytes: input.count, lines: lines, paths: paths,
                                    parseBest: parseTimes.min() ?? .zero, parseMedian: BenchmarkStatistics.median(parseTimes),
                                    anchorBest: anchorTimes.min() ?? .zero, goalMBPerSecond: goalMBPerSecond)
    }

    /// Line breaks in `buf`, found with `memchr` (the anchor).
    static func lineCount(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buf.baseAddress else { return 0 }
        var count = 0
        var p = UnsafeRawPointer(base)
        var left = buf.count
        while left > 0, let hit = memchr(p, 0x0A, left) {
            count += 1
            let next = UnsafeRawPointer(hit) + 1
            left -= p.distance(to: next)
            p = next
        }
        return count
    }
}
