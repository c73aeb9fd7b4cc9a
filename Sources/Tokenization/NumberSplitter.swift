/// Rules that cut numbers out of the text and keep the text between them as pieces: `\p{N}` (each number scalar
/// alone, SmolLM/StarCoder), `\p{N}+` (runs) and `[0-9][0-9][0-9]` (ASCII digit triples, left to right). Matches
/// and the gaps between them become pieces, as llama.cpp's `unicode_regex_split_stl` keeps them.
struct NumberSplitter: SplitRule {
    enum Mode: Sendable {
        case single, runs, asciiTriples
    }

    let mode: Mode

    func split(_ text: ScalarText, from start: Int, to end: Int, into ends: inout [Int]) {
        var gapStart = start
        var position = start
        while position < end {
            let matchEnd = self.matchEnd(text, at: position, end)
            guard matchEnd > position else {
                position += 1
                continue
            }
            if position > gapStart { ends.append(position) }
            ends.append(matchEnd)
            position = matchEnd
            gapStart = matchEnd
        }
        if end > gapStart { ends.append(end) }
    }

    /// The end of a match starting at `position`, or `position` when none starts there.
    private func matchEnd(_ text: ScalarText, at position: Int, _ end: Int) -> Int {
        switch mode {
        case .single:
            return text.classes[position].contains(.number) ? position + 1 : position
        case .runs:
            var index = position
            while index < end && text.classes[index].contains(.number) { index += 1 }
            return index
        case .asciiTriples:
            guard position + 3 <= end else { return position }
            for index in position..<(position + 3) where !(0x30...0x39).contains(text.scalars[index]) {
                return position
            }
            return position + 3
        }
    }
}

/// The rule `[\p{P}\$\+<=>\^~\|]+` of llama.cpp's default pre-tokenizer: runs of punctuation and those ASCII
/// symbols become pieces, and so do the gaps between them.
struct PunctuationSplitter: SplitRule {
    func split(_ text: ScalarText, from start: Int, to end: Int, into ends: inout [Int]) {
        var gapStart = start
        var position = start
        while position < end {
            var index = position
            while index < end && Self.matches(text, index) { index += 1 }
            guard index > position else {
                position += 1
                continue
            }
            if position > gapStart { ends.append(position) }
            ends.append(index)
            position = index
            gapStart = index
        }
        if end > gapStart { ends.append(end) }
    }

    private static func matches(_ text: ScalarText, _ index: Int) -> Bool {
        if text.classes[index].contains(.punctuation) { return true }
        switch text.scalars[index] {
        case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x7E, 0x7C: return true      // $ + < = > ^ ~ |
        default: return false
        }
    }
}
