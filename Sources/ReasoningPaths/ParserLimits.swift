/// Bounds that keep parsing hostile or huge input in bounded memory.
public struct ParserLimits: Sendable, Equatable {
    /// Path items kept; later items are counted and reported in one warning.
    public var maxPaths: Int
    /// Plan edges kept; later ones are counted and reported in one warning.
    public var maxPlanEdges: Int
    /// Sections kept; later headers are counted and reported in one warning.
    public var maxSections: Int
    /// Warnings kept; the rest are summarised in a final warning.
    public var maxWarnings: Int
    /// Bytes of one path item (its lines joined) that are parsed; the rest is cut with a warning.
    public var maxItemBytes: Int

    /// Limits for real model output: generous for any real text, small enough for 50 MB of garbage.
    public static let `default` = ParserLimits(maxPaths: 10_000, maxPlanEdges: 10_000, maxSections: 10_000,
                                               maxWarnings: 200, maxItemBytes: 64 * 1024)
    /// No practical limits (benchmarks, trusted input).
    public static let unlimited = ParserLimits(maxPaths: .max, maxPlanEdges: .max, maxSections: .max,
                                               maxWarnings: .max, maxItemBytes: .max)

    /// Creates limits.
    public init(maxPaths: Int, maxPlanEdges: Int, maxSections: Int, maxWarnings: Int, maxItemBytes: Int) {
        self.maxPaths = maxPaths
        self.maxPlanEdges = maxPlanEdges
        self.maxSections = maxSections
        self.maxWarnings = maxWarnings
        self.maxItemBytes = maxItemBytes
    }
}
