/// Cuts special tokens out of raw text before BPE. Order as llama.cpp's `tokenizer_st_partition`
/// (llama-vocab.cpp): tokens are tried longest text first (ties: lower id first); each one claims every
/// occurrence, left to right, in the text fragments the longer ones left. User-defined tokens are always matched;
/// control and unknown tokens only when special parsing is on.
struct SpecialTokenMatcher: Sendable {
    struct Entry: Sendable {
        let id: Int
        let bytes: [UInt8]
        /// Control or unknown: matched only with `parseSpecial`.
        let needsParseSpecial: Bool
    }

    /// A piece of the input: raw text (a byte range) still to be tokenized, or a matched token.
    enum Fragment: Equatable {
        case text(Range<Int>)
        case token(Int)
    }

    let entries: [Entry]

    init(vocabulary: Vocabulary) {
        entries = vocabulary.specialTokenIDs.map { id in
            let type = vocabulary.effectiveType(of: id)
            return Entry(id: id, bytes: Array(vocabulary.tokens[id].utf8), needsParseSpecial: type != .userDefined)
        }.sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.id < $1.id }
    }

    /// The fragments of `text`.
    func partition(_ text: UnsafeBufferPointer<UInt8>, parseSpecial: Bool) -> [Fragment] {
        guard !text.isEmpty else { return [] }
        var fragments: [Fragment] = [.text(0..<text.count)]
        for entry in entries where parseSpecial || !entry.needsParseSpecial {
            var refined: [Fragment] = []
            var changed = false
            for fragment in fragments {
                guard case .text(let range) = fragment else {
                    refined.append(fragment)
                    continue
                }
                var start = range.lowerBound
                while let match = Self.find(entry.bytes, in: text, from: start, to: range.upperBound) {
                    if match > start { refined.append(.text(start..<match)) }
                    refined.append(.token(entry.id))
                    start = match + entry.bytes.count
                    changed = true
                }
                if start < range.upperBound { refined.append(.text(start..<range.upperBound)) }
            }
            if changed { fragments = refined }
        }
        return fragments
    }

    /// The first index in `start..<end` where `needle` occurs entirely within the range.
    private static func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int,
                             to end: Int) -> Int? {
        let length = needle.count
        guard length > 0, end - start >= length else { return nil }
        let first = needle[0]
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            var index = start
            let last = end - length
            while index <= last {
                if text[index] == first {
                    var offset = 1
                    while offset < length && text[index + offset] == pattern[offset] { offset += 1 }
                    if offset == length { return index }
                }
                index += 1
            }
            return nil
        }
    }
}
