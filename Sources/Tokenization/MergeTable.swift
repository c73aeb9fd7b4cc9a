/// The BPE merges as integer lookups. Every text that can be a symbol (the 256 byte characters, both sides of each
/// merge and its result) gets a symbol id: its token id when the text is a token, otherwise an id past the
/// vocabulary. A merge is found by the packed pair of symbol ids in an open-addressing table (linear probing).
struct MergeTable: Sendable {
    /// Slot `i` is `entries[2 * i]`, the key `left << 32 | right` (`emptyKey` when free), and `entries[2 * i + 1]`,
    /// the value `rank << 32 | result`; the slot count is a power of two at least twice the number of merges.
    private let entries: [UInt64]
    /// `64 - log2(slot count)`: the right shift that maps a mixed key onto a slot.
    private let shift: UInt64
    /// The key of a free slot; no pair has it, as symbol ids stay below `UInt32.max`.
    private static let emptyKey = UInt64.max
    /// The symbol of each byte's stand-in character.
    let byteSymbols: [UInt32]
    /// The number of tokens; symbol ids from here on are texts outside the vocabulary.
    let tokenCount: Int
    /// Byte-encoded UTF-8 of the symbols past the vocabulary, by `id - tokenCount`.
    let extraTexts: [[UInt8]]
    /// The number of merges (distinct pairs: a repeated pair counts once).
    let count: Int

    /// Builds the table; throws for a merge without the separating space. Texts are looked up by their UTF-8
    /// bytes in the vocabulary's index, a merge's result without joining its halves; only texts that are not
    /// tokens are copied, in the order they are first met (byte characters, then each merge's left, right, result).
    init(vocabulary: Vocabulary) throws {
        let index = vocabulary.textIndex
        let tokenCount = vocabulary.count
        self.tokenCount = tokenCount
        var extraIDs: [[UInt8]: UInt32] = [:]
        var extraTexts: [[UInt8]] = []
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// The symbol of `first` followed by `second`.
        func symbol(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> UInt32 {
            if let id = index.id(of: first, followedBy: second) { return UInt32(id) }
            let text = Array(first) + Array(second)
            if let id = extraIDs[text] { return id }
            precondition(tokenCount + extraTexts.count < Int(UInt32.max), "too many BPE symbols")
            let id = UInt32(tokenCount + extraTexts.count)
            extraIDs[text] = id
            extraTexts.append(text)
            return id
        }
        byteSymbols = ByteLevelEncoding.utf8ForByte.map { utf8 in utf8.withUnsafeBufferPointer { symbol($0, none) } }

        var capacity = 8
        while capacity < 2 * vocabulary.merges.count { capacity <<= 1 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var entries = [UInt64](repeating: 0, count: 2 * capacity)
        for slot in 0..<capacity { entries[2 * slot] = Self.emptyKey }
        var count = 0
        var guess = -1
        try entries.withUnsafeMutableBufferPointer { entries in
            for (rank, merge) in vocabulary.merges.enumerated() {
                let split: Bool = TokenTextIndex.withUTF8(merge) { bytes in
                    // Split at the first space after the first byte, as llama.cpp does (`word.find(' ', 1)`).
                    var separator = 1
                    while separator < bytes.count && bytes[separator] != UInt8(ascii: " ") { separator += 1 }
                    guard separator < bytes.count else { return false }
                    let left = UnsafeBufferPointer(rebasing: bytes[..<separator])
                    let right = UnsafeBufferPointer(rebasing: bytes[(separator + 1)...])
                    let key = UInt64(symbol(left, none)) << 32 | UInt64(symbol(right, none))
                    var slot = Self.slot(key, shift: shift)
                    while entries[2 * slot] != Self.emptyKey {
                        // The first (lowest-ranked) duplicate wins, as llama.cpp's `emplace` keeps it.
                        if entries[2 * slot] == key { return true }
                        slot = (slot + 1) & (capacity - 1)
                    }
                    // Trained vocabularies usually number merge results in rank order, so the token after the
                    // previous result is checked first (exactly, by `maps`): a sequential comparison, not a lookup.
                    let result = index.maps(left, followedBy: right, to: guess) ? UInt32(guess) : symbol(left, right)
                    if Int(result) < tokenCount { guess = Int(result) + 1 }
                    entries[2 * slot] = key
                    entries[2 * slot + 1] = UInt64(rank) << 32 | UInt64(result)
                    count += 1
                    return true
                }
                guard split else {
                    throw TokenizationError(
                        "tokenizer.ggml.merges[\(rank)] \"\(merge)\" has no space between its two parts")
                }
            }
        }
        self.entries = entries
        self.shift = shift
        self.count = count
        self.extraTexts = extraTexts
    }

    /// The rank and result of merging `left` and `right`, or nil when no merge joins them.
    @inline(__always)
    func merge(_ left: UInt32, _ right: UInt32) -> (rank: UInt32, result: UInt32)? {
        let key = UInt64(left) << 32 | UInt64(right)
        return entries.withUnsafeBufferPointer { entries in
            let mask = entries.count / 2 - 1
            var slot = Self.slot(key, shift: shift)
            while true {
                let stored = entries[2 * slot]
                if stored == key {
                    let value = entries[2 * slot + 1]
                    return (UInt32(truncatingIfNeeded: value >> 32), UInt32(truncatingIfNeeded: value))
                }
                if stored == Self.emptyKey { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The slot for `key`: Fibonacci hashing (multiply by 2^64 / golden ratio, keep the top bits).
    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
