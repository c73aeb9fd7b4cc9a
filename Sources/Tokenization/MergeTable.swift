/// The BPE merges as integer lookups. Every text that can be a symbol (the 256 byte characters, both sides of each
/// merge and its result) gets a symbol id: its token id when the text is a token, otherwise an id past the
/// vocabulary. A merge is found by the packed pair of symbol ids.
struct MergeTable: Sendable {
    /// `left << 32 | right` → `rank << 32 | result`.
    private let merges: [UInt64: UInt64]
    /// The symbol of each byte's stand-in character.
    let byteSymbols: [UInt32]
    /// The number of tokens; symbol ids from here on are texts outside the vocabulary.
    let tokenCount: Int
    /// Byte-encoded UTF-8 of the symbols past the vocabulary, by `id - tokenCount`.
    let extraTexts: [[UInt8]]

    /// Builds the table; throws for a merge without the separating space.
    init(vocabulary: Vocabulary) throws {
        tokenCount = vocabulary.count
        var extraIDs: [String: UInt32] = [:]
        var extraTexts: [[UInt8]] = []
        func symbol(_ text: String) -> UInt32 {
            if let id = vocabulary.id(of: text) { return UInt32(id) }
            if let id = extraIDs[text] { return id }
            let id = UInt32(vocabulary.count + extraTexts.count)
            extraIDs[text] = id
            extraTexts.append(Array(text.utf8))
            return id
        }
        byteSymbols = (0..<256).map { symbol(String(Unicode.Scalar(ByteLevelEncoding.scalarForByte[$0])!)) }
        var merges: [UInt64: UInt64] = [:]
        merges.reserveCapacity(vocabulary.merges.count)
        for (rank, merge) in vocabulary.merges.enumerated() {
            // Split at the first space after the first byte, as llama.cpp does (`word.find(' ', 1)`).
            let bytes = merge.utf8
            guard let separator = bytes.dropFirst().firstIndex(of: UInt8(ascii: " ")) else {
                throw TokenizationError("tokenizer.ggml.merges[\(rank)] \"\(merge)\" has no space between its two parts")
            }
            let left = String(merge[..<separator])
            let right = String(merge[merge.utf8.index(after: separator)...])
            let key = UInt64(symbol(left)) << 32 | UInt64(symbol(right))
            if merges[key] == nil {    // the first (lowest-ranked) duplicate wins, as `emplace` keeps it
                merges[key] = UInt64(rank) << 32 | UInt64(symbol(left + right))
            }
        }
        self.merges = merges
        self.extraTexts = extraTexts
    }

    /// The rank and result of merging `left` and `right`, or nil when no merge joins them.
    @inline(__always)
    func merge(_ left: UInt32, _ right: UInt32) -> (rank: UInt32, result: UInt32)? {
        guard let value = merges[UInt64(left) << 32 | UInt64(right)] else { return nil }
        return (UInt32(truncatingIfNeeded: value >> 32), UInt32(truncatingIfNeeded: value))
    }

    /// The number of merges.
    var count: Int { merges.count }
}
