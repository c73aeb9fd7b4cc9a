/// Splits a path's text on arrow tokens that stand outside parentheses and brackets.
///
/// Arrows: `->`, `-->`, `=>`, `==>`, `→`, `⟶`, `⇒`, `⟹`, `➔`, `—>`, `–>`, with or without spaces.
enum ArrowSplitter {
    /// Byte length of the arrow starting at `i`, or 0 when none starts there.
    @inline(__always)
    static func arrowLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        switch b[i] {
        case 0x2D: // -
            if i + 2 < n, b[i + 1] == 0x2D, b[i + 2] == 0x3E { return 3 }
            if i + 1 < n, b[i + 1] == 0x3E, !(i > 0 && b[i - 1] == 0x3C) { return 2 }
        case 0x3D: // =
            if i + 2 < n, b[i + 1] == 0x3D, b[i + 2] == 0x3E { return 3 }
            if i + 1 < n, b[i + 1] == 0x3E, !(i > 0 && (b[i - 1] == 0x3C || b[i - 1] == 0x3E)) { return 2 }
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let (b1, b2) = (b[i + 1], b[i + 2])
            if b1 == 0x86 && b2 == 0x92 { return 3 }                       // → U+2192
            if b1 == 0x87 && b2 == 0x92 { return 3 }                       // ⇒ U+21D2
            if b1 == 0x9F && (b2 == 0xB6 || b2 == 0xB9) { return 3 }      // ⟶ ⟹
            if b1 == 0x9E && b2 == 0x94 { return 3 }                       // ➔
            if b1 == 0x80 && (b2 == 0x94 || b2 == 0x93), i + 3 < n, b[i + 3] == 0x3E { return 4 } // —> –>
        default:
            break
        }
        return 0
    }

    /// Bytes that can start an arrow or change bracket depth; every other byte is skipped in one step.
    private static let interesting: [Bool] = (0..<256).map { b in
        [0x2D, 0x3D, 0xE2, 0x28, 0x29, 0x5B, 0x5D].contains(b)
    }

    /// Byte ranges of the pieces between arrows (untrimmed). One piece means no arrow at top level.
    static func split(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let first = split(b, respectBrackets: true)
        if first.count == 1 && !isBalanced(b) {
            // An unclosed "(" would hide every later arrow; a careful reader splits anyway.
            return split(b, respectBrackets: false)
        }
        return first
    }

    /// True when `b` contains an arrow anywhere (inside brackets too).
    static func containsArrow(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let table = interesting
        return table.withUnsafeBufferPointer { t in
            var i = 0
            while i < b.count {
                if t[Int(b[i])] && arrowLength(b, i) > 0 { return true }
                i += 1
            }
            return false
        }
    }

    /// True when `b` ends with an arrow (ignoring trailing spaces): a chain wrapped onto the next line.
    static func endsWithArrow(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = b.count
        while end > 0, ByteText.isSpace(b[end - 1]) { end -= 1 }
        for len in [2, 3, 4] where end >= len {
            let start = end - len
            if arrowLength(b, start) == len { return true }
        }
        return false
    }

    private static func split(_ b: UnsafeBufferPointer<UInt8>, respectBrackets: Bool) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(8)
        var depth = 0, start = 0, i = 0
        let table = interesting
        let t = table.withUnsafeBufferPointer { $0 }  // the static array lives for the whole process
        while i < b.count {
            let c = b[i]
            if !t[Int(c)] { i += 1; continue }
            if respectBrackets {
                if c == ByteText.lparen || c == ByteText.lbracket { depth += 1; i += 1; continue }
                if (c == ByteText.rparen || c == ByteText.rbracket) && depth > 0 { depth -= 1; i += 1; continue }
            }
            if depth == 0 {
                let len = arrowLength(b, i)
                if len > 0 {
                    pieces.append(start..<i)
                    i += len
                    start = i
                    continue
                }
            }
            i += 1
        }
        pieces.append(start..<b.count)
        return pieces
    }

    private static func isBalanced(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var depth = 0
        for c in b {
            if c == ByteText.lparen || c == ByteText.lbracket { depth += 1 }
            if c == ByteText.rparen || c == ByteText.rbracket {
                if depth == 0 { return false }
                depth -= 1
            }
        }
        return depth == 0
    }
}
