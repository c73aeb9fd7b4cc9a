/// Token ids by the exact UTF-8 bytes of their texts: an open-addressing hash table (linear probing) over one
/// contiguous copy of every text. Keys compare byte for byte, as llama.cpp's `std::string`-keyed token map does,
/// whereas `String` equality treats canonically equivalent texts ("é" and "e\u{301}") as one and hashes non-ASCII
/// text through Unicode normalisation, which made building a 49k-token index the bulk of a model's load time.
/// Empty texts are not indexed; when texts repeat, the first (lowest) id keeps the text.
struct TokenTextIndex: Sendable {
    /// Every text's UTF-8, concatenated in id order.
    private let storage: [UInt8]
    /// Where text `id` starts in `storage`; it ends where text `id + 1` starts (one entry more than the texts).
    private let offsets: [UInt32]
    /// Token ids by slot, -1 where empty; the capacity is a power of two at least twice the number of texts.
    private let slots: [Int32]
    /// `64 - log2(slots.count)`: the right shift that maps a mixed hash onto a slot.
    private let shift: UInt64
    /// The first text that repeats an earlier one: its id and the id of the earlier text.
    let firstRepeat: (id: Int, first: Int)?

    /// Indexes `texts` by position (the position is the id); empty texts are skipped.
    init(texts: [String]) {
        precondition(texts.count < Int(Int32.max), "too many texts for 32-bit ids")
        var totalBytes = 0
        for text in texts { totalBytes += text.utf8.count }
        precondition(totalBytes <= Int(UInt32.max), "too many text bytes for 32-bit offsets")
        // Copy every text once, hashing it on the way.
        var storage = [UInt8](repeating: 0, count: totalBytes)
        var offsets = [UInt32](repeating: 0, count: texts.count + 1)
        var hashes = [UInt64](repeating: 0, count: texts.count)
        storage.withUnsafeMutableBufferPointer { storage in
            offsets.withUnsafeMutableBufferPointer { offsets in
                hashes.withUnsafeMutableBufferPointer { hashes in
                    var end = 0
                    for id in texts.indices {
                        offsets[id] = UInt32(truncatingIfNeeded: end)
                        hashes[id] = Self.withUTF8(texts[id]) { utf8 in
                            precondition(utf8.count <= storage.count - end, "a text changed while being indexed")
                            var hash = Self.fnvOffsetBasis
                            for byte in utf8 {
                                storage[end] = byte
                                end += 1
                                hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
                            }
                            return hash
                        }
                    }
                    offsets[texts.count] = UInt32(truncatingIfNeeded: end)
                }
            }
        }

        var capacity = 8
        while capacity < 2 * texts.count { capacity <<= 1 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var slots = [Int32](repeating: -1, count: capacity)
        var firstRepeat: (id: Int, first: Int)?
        storage.withUnsafeBufferPointer { bytes in
            offsets.withUnsafeBufferPointer { offsets in
                slots.withUnsafeMutableBufferPointer { slots in
                    let mask = capacity - 1
                    for id in hashes.indices where offsets[id] < offsets[id + 1] {
                        let start = Int(offsets[id]), length = Int(offsets[id + 1]) - start
                        let text = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
                        var slot = Self.slot(hashes[id], shift: shift)
                        while true {
                            let occupant = Int(slots[slot])
                            if occupant < 0 {
                                slots[slot] = Int32(truncatingIfNeeded: id)
                                break
                            }
                            let occupantStart = Int(offsets[occupant])
                            if Int(offsets[occupant + 1]) - occupantStart == length,
                               Self.equal(bytes.baseAddress! + occupantStart, text) {
                                if firstRepeat == nil { firstRepeat = (id, occupant) }
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        self.storage = storage
        self.offsets = offsets
        self.slots = slots
        self.shift = shift
        self.firstRepeat = firstRepeat
    }

    /// The id of the token whose text is `text`, compared by UTF-8 bytes.
    func id(of text: String) -> Int? {
        Self.withUTF8(text) { id(of: $0) }
    }

    /// The id of the token whose UTF-8 text is `bytes`.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        id(of: bytes, followedBy: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// The id of the token whose UTF-8 text is `first` followed by `second`, found without joining them.
    func id(of first: UnsafeBufferPointer<UInt8>, followedBy second: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = first.count + second.count
        guard length > 0 else { return nil }
        let hash = Self.hash(second, continuing: Self.hash(first))
        return storage.withUnsafeBufferPointer { bytes -> Int? in
            slots.withUnsafeBufferPointer { slots -> Int? in
                offsets.withUnsafeBufferPointer { offsets -> Int? in
                    let mask = slots.count - 1
                    var slot = Self.slot(hash, shift: shift)
                    while true {
                        let occupant = Int(slots[slot])
                        if occupant < 0 { return nil }
                        let start = Int(offsets[occupant])
                        if Int(offsets[occupant + 1]) - start == length {
                            let text = bytes.baseAddress! + start
                            if Self.equal(text, first), Self.equal(text + first.count, second) { return occupant }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the token `id` is what `id(of: first, followedBy: second)` finds, checked by comparing the bytes of
    /// that one text when no text repeats (a cheap test for a guessed id; the lookup otherwise).
    func maps(_ first: UnsafeBufferPointer<UInt8>, followedBy second: UnsafeBufferPointer<UInt8>, to id: Int) -> Bool {
        guard firstRepeat == nil else { return self.id(of: first, followedBy: second) == id }
        guard id >= 0, id < offsets.count - 1, first.count + second.count > 0 else { return false }
        return storage.withUnsafeBufferPointer { bytes in
            let start = Int(offsets[id])
            guard Int(offsets[id + 1]) - start == first.count + second.count else { return false }
            let text = bytes.baseAddress! + start
            return Self.equal(text, first) && Self.equal(text + first.count, second)
        }
    }

    /// Calls `body` with the UTF-8 of `text`, copying it only when the string has no contiguous UTF-8 storage.
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    // Hash: 64-bit FNV-1a, which runs byte by byte and so continues over a second range as if the two were one.
    private static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The FNV-1a hash of `bytes`, continuing from `hash` (the offset basis for a fresh hash).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing hash: UInt64 = fnvOffsetBasis) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return hash
    }

    /// The slot for `hash`: Fibonacci hashing (multiply by 2^64 / golden ratio, keep the top bits), which spreads
    /// FNV's weaker low bits over the whole table.
    @inline(__always)
    private static func slot(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Whether the `bytes.count` bytes at `stored` equal `bytes`.
    @inline(__always)
    private static func equal(_ stored: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices where stored[index] != bytes[index] { return false }
        return true
    }
}
