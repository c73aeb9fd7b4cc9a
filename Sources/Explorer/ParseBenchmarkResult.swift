/// The numbers of one `ParseBenchmark.run`.
public struct ParseBenchmarkResult: Sendable, Equatable {
    /// The generated text's kind.
    public var kind: ParseBenchmarkInput.Kind
    /// Size of the text.
    public var bytes: Int
    /// Lines in the text (from the anchor pass).
    public var lines: Int
    /// Paths the parser found.
    public var paths: Int
    /// Fastest parse.
    public var parseBest: Duration
    /// Median parse.
    public var parseMedian: Duration
    /// Fastest anchor pass (line breaks only).
    public var anchorBest: Duration
    /// The throughput goal in MB/s (10^6 bytes per second).
    public var goalMBPerSecond: Double

    /// Parser throughput from the best run, in MB/s.
    public var megabytesPerSecond: Double { Double(bytes) / 1e6 / max(BenchmarkStatistics.seconds(parseBest), 1e-9) }
    /// Anchor throughput, in MB/s.
    public var anchorMegabytesPerSecond: Double { Double(bytes) / 1e6 / max(BenchmarkStatistics.seconds(anchorBest), 1e-9) }
    /// How many times longer parsing takes than finding the line breaks.
    public var ratio: Double { BenchmarkStatistics.seconds(parseBest) / max(BenchmarkStatistics.seconds(anchorBest), 1e-12) }
    /// Whether the best run reached the goal.
    public var meetsGoal: Bool { megabytesPerSecond >= goalMBPerSecond }

    /// One line for people.
    public var report: String {
        let mb = BenchmarkStatistics.format(Double(bytes) / 1e6, decimals: 1)
        return "parse \(kind.rawValue), \(mb) MB, \(lines) lines, \(paths) paths: best \(BenchmarkStatistics.milliseconds(parseBest)) ms = "
            + "\(BenchmarkStatistics.format(megabytesPerSecond, decimals: 1)) MB/s, median \(BenchmarkStatistics.milliseconds(parseMedian)) ms "
            + "(goal >= \(BenchmarkStatistics.format(goalMBPerSecond, decimals: 0)) MB/s: \(meetsGoal ? "met" : "NOT met")); "
            + "anchor memchr line scan: \(BenchmarkStatistics.milliseconds(anchorBest)) ms = \(BenchmarkStatistics.format(anchorMegabytesPerSecond, decimals: 0)) MB/s; "
            + "ratio \(BenchmarkStatistics.format(ratio, decimals: 1))x"
    }
}
