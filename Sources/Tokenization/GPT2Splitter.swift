/// The GPT-2 rule `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`, scanned by hand.
/// Behaviour as llama.cpp's `unicode_regex_split_custom_gpt2` (unicode.cpp), which llama.cpp uses for this rule.
struct GPT2Splitter: SplitRule {
    func split(_ text: ScalarText, from start: Int, to end: Int, into ends: inout [Int]) {
        var position = start
        func emit(_ pieceEnd: Int) {
            if pieceEnd > position { ends.append(pieceEnd) }
            position = pieceEnd
        }
        let apostrophe = UInt32(UInt8(ascii: "'")), space = UInt32(UInt8(ascii: " "))
        while position < end {
            let scalar = text.scalars[position]
            if scalar == apostrophe, position + 1 < end {
                let next = text.scalars[position + 1]
                if Contraction.isSingle(next) {
                    emit(position + 2)
                    continue
                }
                if position + 2 < end, Contraction.isDouble(next, text.scalars[position + 2]) {
                    emit(position + 3)
                    continue
                }
            }
            // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`: the class is decided by the scalar after an optional space.
            let lead = scalar == space ? 1 : 0
            let classes = scalar == space ? text.classes(at: position + 1, start, end) : text.classes[position]
            if classes.contains(.letter) || classes.contains(.number) {
                let kind: ScalarClass = classes.contains(.letter) ? .letter : .number
                var index = position + lead
                while text.classes(at: index, start, end).contains(kind) { index += 1 }
                emit(index)
                continue
            }
            if text.isOther(classes) {
                var index = position + lead
                while text.isOther(text.classes(at: index, start, end)) { index += 1 }
                emit(index)
                continue
            }
            var spaces = 0
            while text.classes(at: position + spaces, start, end).contains(.whitespace) { spaces += 1 }
            if spaces > 1 && position + spaces < end {
                emit(position + spaces - 1)      // \s+(?!\S): leave the last space for the next word
            } else if spaces > 0 {
                emit(position + spaces)          // \s+
            } else {
                emit(position + 1)
            }
        }
    }
}

/// English contractions the GPT-2 family splits off: `'s 't 'm 'd` and `'re 've 'll`.
enum Contraction {
    @inline(__always)
    static func isSingle(_ next: UInt32) -> Bool {
        next == 0x73 || next == 0x74 || next == 0x6D || next == 0x64     // s t m d
    }

    @inline(__always)
    static func isDouble(_ first: UInt32, _ second: UInt32) -> Bool {
        (first == 0x72 && second == 0x65) || (first == 0x76 && second == 0x65) || (first == 0x6C && second == 0x6C)
    }

    /// ASCII lowercase (the case-insensitive rules only compare with ASCII letters).
    @inline(__always)
    static func lower(_ value: UInt32) -> UInt32 {
        value >= 0x41 && value <= 0x5A ? value + 0x20 : value
    }
}
