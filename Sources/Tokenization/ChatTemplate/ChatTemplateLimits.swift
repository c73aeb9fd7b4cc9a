/// Bounds that keep a malformed or hostile template from exhausting memory, stack or time.
public struct ChatTemplateLimits: Sendable, Equatable {
    /// Largest rendered output, in UTF-8 bytes.
    public var maxOutputBytes: Int
    /// Deepest nesting of blocks and of expressions accepted by the parser.
    public var maxNestingDepth: Int
    /// Deepest chain of macro calls (recursion included).
    public var maxCallDepth: Int
    /// Most loop iterations in one render, over all loops.
    public var maxLoopIterations: Int
    /// Largest list or string built by `range`, `*` repetition and similar.
    public var maxCollectionSize: Int

    /// Limits with the given values; the defaults suit prompts of any realistic size.
    public init(maxOutputBytes: Int = 32 << 20, maxNestingDepth: Int = 64, maxCallDepth: Int = 64,
                maxLoopIterations: Int = 1_000_000, maxCollectionSize: Int = 1_000_000) {
        self.maxOutputBytes = maxOutputBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxCallDepth = maxCallDepth
        self.maxLoopIterations = maxLoopIterations
        self.maxCollectionSize = maxCollectionSize
    }
}
