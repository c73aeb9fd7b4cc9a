import ReasoningPaths

/// The model's text as the report shows it: its lines (numbered as the parser numbers them) grouped into the
/// top-level sections the parser found, each block with its raw lines and its Markdown rendering.
struct ReportTextLayout {
    /// A run of lines shown together: a top-level section, or text outside any section.
    struct Block {
        var kind: String
        var title: String?
        var startLine: Int
        var endLine: Int
        var lines: [(number: Int, text: String)]

        var isThinking: Bool { kind == ReasoningSection.Kind.thinking.rawValue }
        var isFinal: Bool {
            kind == ReasoningSection.Kind.finalResponse.rawValue || kind == ReasoningSection.Kind.finalAnswer.rawValue
        }
    }

    /// Every line of the text, 1-based.
    let lines: [String]
    let blocks: [Block]

    init(bytes: [UInt8], parsed: ParsedReasoning) {
        var lines = Self.lines(of: bytes)
        if lines.count < parsed.lineCount { lines += Array(repeating: "", count: parsed.lineCount - lines.count) }
        self.lines = lines
        self.blocks = Self.blocks(lines: lines, sections: parsed.sections)
    }

    /// Splits the text into lines the way `ReasoningParser` counts them: UTF-16 with a BOM is transcoded, a UTF-8 BOM
    /// skipped, bare CR line ends (with no LF anywhere) read as LF, lines split at LF with a trailing CR dropped, and
    /// no empty last line after a final LF. Invalid UTF-8 shows as U+FFFD.
    static func lines(of input: [UInt8]) -> [String] {
        var bytes = transcodeUTF16(input) ?? input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if !bytes.contains(0x0A), bytes.contains(0x0D) { bytes = bytes.map { $0 == 0x0D ? 0x0A : $0 } }
        var out: [String] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            out.append(String(decoding: bytes[start..<stop], as: UTF8.self))
            start = end + 1
        }
        return out
    }

    private static func transcodeUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let little: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE { little = true } else if bytes[0] == 0xFE && bytes[1] == 0xFF { little = false } else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Top-level sections (depth 0) in line order, with the lines outside them as untitled `text` blocks (blank ones
    /// joined to the block before).
    static func blocks(lines: [String], sections: [ReasoningSection]) -> [Block] {
        let count = lines.count
        guard count > 0 else { return [] }
        let top = sections.filter { $0.depth == 0 }.sorted { $0.startLine < $1.startLine }
        var blocks: [Block] = []
        var next = 1
        func add(kind: String, title: String?, from: Int, to: Int) {
            let lo = max(from, next), hi = min(to, count)
            guard lo <= hi else { return }
            let run = (lo...hi).map { ($0, lines[$0 - 1]) }
            next = hi + 1
            // Blank lines between two sections stay with the one before, rather than forming a block of their own.
            if title == nil, !blocks.isEmpty, run.allSatisfy({ $0.1.allSatisfy(\.isWhitespace) }) {
                blocks[blocks.count - 1].lines += run
                blocks[blocks.count - 1].endLine = hi
                return
            }
            blocks.append(Block(kind: kind, title: title, startLine: lo, endLine: hi, lines: run))
        }
        for section in top {
            if section.startLine > next { add(kind: "text", title: nil, from: next, to: section.startLine - 1) }
            add(kind: section.kind.rawValue, title: section.title, from: section.startLine, to: section.endLine)
        }
        if next <= count { add(kind: "text", title: nil, from: next, to: count) }
        return blocks
    }
}
