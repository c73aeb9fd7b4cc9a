/// Turns the raw bytes of one step into a `PathStep`: markup removed, name and qualifier separated.
enum StepBuilder {
    private static let abbreviations: Set<[UInt8]> = Set(["etc.", "e.g.", "i.e.", "vs.", "al.", "approx.", "inc.", "no.", "dr.", "st.", "cf.", "viz."].map { Array($0.utf8) })

    /// True for cleaned steps that only mark an elision: `...`, `…`, `. . .`, `[...]`.
    static func isEllipsis(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 3, r.count <= 12 else { return false }
        var dots = 0, brackets = 0, other = 0
        var i = r.lowerBound
        while i < r.upperBound {
            let c = b[i]
            if c == ByteText.dot { dots += 1 } else if c == 0xE2, i + 2 < r.upperBound, b[i + 1] == 0x80, b[i + 2] == 0xA6 { dots += 3; i += 2 } else if c == ByteText.lbracket || c == ByteText.rbracket || c == ByteText.lparen || c == ByteText.rparen { brackets += 1 } else if !ByteText.isSpace(c) { other += 1 }
            i += 1
        }
        return other == 0 && (dots == 3 || dots == 4) && (brackets == 0 || brackets == 2)
    }

    /// The step for a range already cleaned of markup (see `MarkupStripper.cleanRange`).
    static func step(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isLast: Bool) -> PathStep {
        var r = range
        if isLast { r = strippingFinalPeriod(b, r) }
        let text = ByteText.string(b, r)
        guard let open = qualifierStart(b, r) else { return PathStep(text: text, name: text, qualifier: nil) }
        let name = ByteText.trimmed(b, r.lowerBound..<open)
        let inner = ByteText.trimmed(b, (open + 1)..<(r.upperBound - 1))
        guard !name.isEmpty, !inner.isEmpty else { return PathStep(text: text, name: text, qualifier: nil) }
        return PathStep(text: text, name: ByteText.string(b, name), qualifier: ByteText.string(b, inner))
    }

    /// `r` without one trailing `.`, unless it ends with an ellipsis or a known abbreviation.
    static func strippingFinalPeriod(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        guard r.count >= 1, b[r.upperBound - 1] == ByteText.dot else { return r }
        if r.count >= 2 && b[r.upperBound - 2] == ByteText.dot { return r }
        var start = r.upperBound - 1
        while start > r.lowerBound && b[start - 1] != ByteText.space && b[start - 1] != ByteText.lparen { start -= 1 }
        if r.upperBound - start <= 8 {
            let word = b[start..<r.upperBound].map { ByteText.lower($0) }
            if abbreviations.contains(word) { return r }
        }
        return ByteText.trimmed(b, r.lowerBound..<(r.upperBound - 1))
    }

    /// Index of the `(` that opens a trailing parenthetical `(…)` in `r`, or nil.
    static func qualifierStart(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard r.count >= 3, b[r.upperBound - 1] == ByteText.rparen else { return nil }
        var depth = 0
        var i = r.upperBound - 1
        while i >= r.lowerBound {
            if b[i] == ByteText.rparen { depth += 1 } else if b[i] == ByteText.lparen {
                depth -= 1
                if depth == 0 { return i > r.lowerBound ? i : nil }
            }
            i -= 1
        }
        return nil
    }
}
