@testable import Explorer
import Testing

@Suite("Benchmark results and statistics")
struct BenchmarkResultTests {
    @Test("median of odd, even and empty lists")
    func median() {
        #expect(BenchmarkStatistics.median([.milliseconds(3), .milliseconds(1), .milliseconds(2)]) == .milliseconds(2))
        #expect(BenchmarkStatistics.median([.milliseconds(4), .milliseconds(1), .milliseconds(2), .milliseconds(3)])
            == .microseconds(2500))
        #expect(BenchmarkStatistics.median([]) == .zero)
    }

    @Test("durations as seconds and milliseconds")
    func durations() {
        #expect(BenchmarkStatistics.seconds(.milliseconds(1500)) == 1.5)
        #expect(BenchmarkStatistics.milliseconds(.microseconds(12_340)) == "12.3")
        #expect(BenchmarkStatistics.milliseconds(.seconds(2)) == "2000.0")
    }

    @Test("fixed-decimal formatting", arguments: [
        (3.14159, 2, "3.14"), (2.0, 0, "2"), (1.0, 3, "1.000"), (0.05, 1, "0.1"), (1234.5678, 1, "1234.6"), (7.96, 1, "8.0"),
    ])
    func format(value: Double, decimals: Int, expected: String) {
        #expect(BenchmarkStatistics.format(value, decimals: decimals) == expected)
    }

    @Test("a parse result's throughput, goal and report")
    func parseResult() {
        let result = ParseBenchmarkResult(kind: .mixed, bytes: 50_000_000, lines: 1000, paths: 200,
                                          parseBest: .seconds(1), parseMedian: .milliseconds(1100),
                                          anchorBest: .milliseconds(100), goalMBPerSecond: 50)
        #expect(result.megabytesPerSecond == 50)
        #expect(result.anchorMegabytesPerSecond == 500)
        #expect(result.ratio == 10)
        #expect(result.meetsGoal)
        #expect(result.report == "parse mixed, 50.0 MB, 1000 lines, 200 paths: best 1000.0 ms = 50.0 MB/s, median 1100.0 ms "
            + "(goal >= 50 MB/s: met); anchor memchr line scan: 100.0 ms = 500 MB/s; ratio 10.0x")
        var slow = result
        slow.parseBest = .seconds(2)
        #expect(!slow.meetsGoal)
        #expect(slow.report.contains("NOT met"))
    }

    @Test("a render result's ratio, goal and report")
    func renderResult() {
        let result = RenderBenchmarkResult(nodeCount: 100, edgeCount: 120, pathCount: 25, iterations: 20,
                                           renderBest: .microseconds(12_340), renderMedian: .microseconds(13_000),
                                           anchorBest: .microseconds(6_170), anchorMedian: .microseconds(6_500),
                                           goal: .milliseconds(50))
        #expect(abs(result.ratio - 2.0) < 1e-9)
        #expect(result.meetsGoal)
        #expect(result.report == """
            render svg, 100 nodes (120 edges, 25 paths, 20 iterations): best 12.3 ms, median 13.0 ms (goal <= 50 ms)
            anchor bare libgvc (agmemread + dot layout + svg): best 6.2 ms, median 6.5 ms
            ratio render/anchor (best): 2.00x
            """)
        var slow = result
        slow.renderMedian = .milliseconds(60)
        #expect(!slow.meetsGoal)
        #expect(slow.report.contains("(goal <= 50 ms) OVER GOAL\n"))
        var noAnchor = result
        noAnchor.anchorBest = .zero
        #expect(noAnchor.ratio == 0)
    }
}
