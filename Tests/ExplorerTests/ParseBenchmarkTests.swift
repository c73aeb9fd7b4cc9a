import Explorer
import Testing

@Suite("ParseBenchmark")
struct ParseBenchmarkTests {
    @Test("a 1 MiB, one-iteration run reports sane numbers")
    func smallRun() {
        let result = ParseBenchmark.run(kind: .paths, bytes: 1 << 20, iterations: 1)
        let input = ParseBenchmarkInput.generate(.paths, bytes: 1 << 20)
        #expect(result.kind == .paths)
        #expect(result.bytes == input.count)
        #expect(result.lines == input.filter { $0 == 0x0A }.count)
        #expect(result.paths == result.lines)  // one path per line in a 'paths' text
        #expect(result.parseBest > .zero)
        #expect(result.parseMedian == result.parseBest)  // one iteration: best and median are the same run
        #expect(result.anchorBest > .zero)
        #expect(result.megabytesPerSecond > 0 && result.megabytesPerSecond.isFinite)
        #expect(result.anchorMegabytesPerSecond > 0 && result.anchorMegabytesPerSecond.isFinite)
        #expect(result.ratio > 0 && result.ratio.isFinite)
        #expect(result.goalMBPerSecond == ParseBenchmark.goalMBPerSecond)
        #expect(result.report.hasPrefix("parse paths, 1.0 MB, \(result.lines) lines, \(result.paths) paths: best "))
    }

    @Test("a mixed run finds paths and a line count matching the text")
    func mixedRun() {
        let result = ParseBenchmark.run(kind: .mixed, bytes: 256 << 10, iterations: 2)
        let input = ParseBenchmarkInput.generate(.mixed, bytes: 256 << 10)
        #expect(result.lines == input.filter { $0 == 0x0A }.count)
        #expect(result.paths > 0 && result.paths < result.lines)
        #expect(result.parseMedian >= result.parseBest)
    }
}
