/// A run of UTF-8 text decoded to scalars, with each scalar's classes and byte offset: what the split rules scan.
struct ScalarText {
    /// Scalar values.
    var scalars: [UInt32] = []
    /// The classes of each scalar.
    var classes: [ScalarClass] = []
    /// The byte offset (from the start of the run) of each scalar, plus the run's length at the end.
    var byteOffsets: [Int] = []

    /// Decodes `bytes`, which must be valid UTF-8 (a Swift string's bytes, or a slice of them cut at scalar
    /// boundaries).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scalars.reserveCapacity(bytes.count)
        classes.reserveCapacity(bytes.count)
        byteOffsets.reserveCapacity(bytes.count + 1)
        var index = 0
        let end = bytes.count
        let asciiTable = ScalarClass.asciiTable
        while index < end {
            let lead = UInt32(bytes[index])
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = lead; length = 1
            } else if lead < 0xE0 {
                value = lead & 0x1F; length = 2
            } else if lead < 0xF0 {
                value = lead & 0x0F; length = 3
            } else {
                value = lead & 0x07; length = 4
            }
            length = min(length, end - index)
            for offset in 1..<max(length, 1) { value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F) }
            scalars.append(value)
            classes.append(ScalarClass.of(value, asciiTable: asciiTable))
            byteOffsets.append(index)
            index += length
        }
        byteOffsets.append(end)
    }

    var count: Int { scalars.count }
}

/// One pre-tokenizer rule: splits the scalars `start..<end` into pieces, appending each piece's end index.
/// Pieces are never empty and cover the range.
protocol SplitRule: Sendable {
    func split(_ text: ScalarText, from start: Int, to end: Int, into ends: inout [Int])
}

extension ScalarText {
    /// The classes at `index`, or none when it lies outside `start..<end`.
    @inline(__always)
    func classes(at index: Int, _ start: Int, _ end: Int) -> ScalarClass {
        index >= start && index < end ? classes[index] : []
    }

    /// Inside the segment and neither whitespace, letter nor number: `[^\s\p{L}\p{N}]`.
    @inline(__always)
    func isOther(_ classes: ScalarClass) -> Bool {
        classes.contains(.present) && classes.isDisjoint(with: .word)
    }
}
