/// The Llama-3 / Qwen2 rule `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,K}|
/// ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`, scanned by hand; `K` is 3 for Llama-3 and 1 for Qwen2.
/// Behaviour as llama.cpp's `unicode_regex_split_custom_llama3` (unicode.cpp) and, for Qwen2, the same pattern
/// that llama.cpp runs through std::regex (LLAMA_VOCAB_PRE_TYPE_QWEN2 in llama-vocab.cpp).
struct Llama3Splitter: SplitRule {
    /// The longest digit group (`\p{N}{1,K}`).
    let maximumDigits: Int

    func split(_ text: ScalarText, from start: Int, to end: Int, into ends: inout [Int]) {
        var position = start
        func emit(_ pieceEnd: Int) {
            if pieceEnd > position { ends.append(pieceEnd) }
            position = pieceEnd
        }
        let apostrophe = UInt32(UInt8(ascii: "'")), space = UInt32(UInt8(ascii: " "))
        while position < end {
            let scalar = text.scalars[position]
            let classes = text.classes[position]
            if scalar == apostrophe, position + 1 < end {
                let next = Contraction.lower(text.scalars[position + 1])
                if Contraction.isSingle(next) {
                    emit(position + 2)
                    continue
                }
                if position + 2 < end, Contraction.isDouble(next, Contraction.lower(text.scalars[position + 2])) {
                    emit(position + 3)
                    continue
                }
            }
            // [^\r\n\p{L}\p{N}]?\p{L}+
            if !classes.contains(.lineBreak) && !classes.contains(.number),
               classes.contains(.letter) || text.classes(at: position + 1, start, end).contains(.letter) {
                var index = position + 1
                while text.classes(at: index, start, end).contains(.letter) { index += 1 }
                emit(index)
                continue
            }
            // \p{N}{1,K}
            if classes.contains(.number) {
                var index = position
                while text.classes(at: index, start, end).contains(.number) {
                    index += 1
                    if index - position >= maximumDigits { emit(index) }
                }
                emit(index)
                continue
            }
            // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
            let afterSpace = scalar == space ? text.classes(at: position + 1, start, end) : classes
            if afterSpace.isDisjoint(with: .word) {
                var index = position + (scalar == space ? 1 : 0)
                while text.isOther(text.classes(at: index, start, end)) { index += 1 }
                while text.classes(at: index, start, end).contains(.lineBreak) { index += 1 }
                emit(index)
                continue
            }
            // \s*[\r\n]+ | \s+(?!\S) | \s+
            var spaces = 0
            var afterLastLineBreak = -1
            while case let run = text.classes(at: position + spaces, start, end), run.contains(.whitespace) {
                if run.contains(.lineBreak) { afterLastLineBreak = position + spaces + 1 }
                spaces += 1
            }
            if afterLastLineBreak >= 0 {
                emit(afterLastLineBreak)
            } else if spaces > 1 && position + spaces < end {
                emit(position + spaces - 1)
            } else if spaces > 0 {
                emit(position + spaces)
            } else {
                emit(position + 1)
            }
        }
    }
}
