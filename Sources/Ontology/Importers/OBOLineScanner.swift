/// Byte-level scanning of one OBO 1.4 tag value: quoted strings with escapes, trailing `! comments` and
/// `{…}` modifiers, and whitespace-separated tokens. Works on a line of the file without copying it.
struct OBOLineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The value's start (just after `tag:` and its spaces) and end (before the newline).
    var start: Int
    var end: Int

    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), space = UInt8(ascii: " "),
        tab = UInt8(ascii: "\t"), bang = UInt8(ascii: "!"), openBrace = UInt8(ascii: "{"),
        closeBrace = UInt8(ascii: "}"), openBracket = UInt8(ascii: "[")

    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }

    /// Whether the value is empty.
    var isEmpty: Bool { start >= end }

    /// The first byte of the value, if any.
    var first: UInt8? { start < end ? bytes[start] : nil }

    mutating func skipSpaces() {
        while start < end, Self.isSpace(bytes[start]) { start += 1 }
    }

    /// Drops a trailing `! comment` and trailing `{…}` modifiers that stand outside quotes, then trailing spaces.
    mutating func stripCommentAndModifiers() {
        var inQuote = false
        var i = start
        var cut = end
        var braceStart: Int?
        while i < end {
            let b = bytes[i]
            if b == Self.backslash { i += 2; continue }
            if b == Self.quote { inQuote.toggle() }
            if !inQuote {
                if b == Self.bang, i == start || Self.isSpace(bytes[i - 1]) { cut = i; break }
                if b == Self.openBrace, braceStart == nil, i == start || Self.isSpace(bytes[i - 1]) { braceStart = i }
            }
            i += 1
        }
        // A modifier block counts only when it closes at the end of the value.
        if let brace = braceStart, brace < cut {
            var j = cut
            while j > brace, Self.isSpace(bytes[j - 1]) { j -= 1 }
            if j > brace, bytes[j - 1] == Self.closeBrace { cut = brace }
        }
        end = cut
        while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
    }

    /// Reads a quoted string at the start of the value (escapes resolved) and moves past it.
    /// Returns nil when the value does not start with a quote; throws `unterminated` when it never closes.
    mutating func quoted() throws(Failure) -> String? {
        skipSpaces()
        guard first == Self.quote else { return nil }
        var i = start + 1
        var out: [UInt8] = []
        var plainFrom = i
        while i < end {
            let b = bytes[i]
            if b == Self.quote {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
                start = i + 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == Self.backslash {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
                guard i + 1 < end else { break }
                out.append(Self.unescaped(bytes[i + 1]))
                i += 2
                plainFrom = i
                continue
            }
            i += 1
        }
        throw .unterminatedQuote
    }

    /// The next whitespace-separated token (escapes resolved), or nil at the end of the value.
    mutating func token() -> String? {
        skipSpaces()
        guard start < end else { return nil }
        var i = start
        var hasEscape = false
        while i < end, !Self.isSpace(bytes[i]) {
            if bytes[i] == Self.backslash { hasEscape = true; i += 1 }
            i += 1
        }
        i = min(i, end)
        let text = Self.text(bytes, start, i, unescape: hasEscape)
        start = i
        return text
    }

    /// The rest of the value as text (escapes resolved), trimmed.
    mutating func rest() -> String {
        skipSpaces()
        var e = end
        while e > start, Self.isSpace(bytes[e - 1]) { e -= 1 }
        var hasEscape = false
        for i in start..<e where bytes[i] == Self.backslash { hasEscape = true; break }
        let text = Self.text(bytes, start, e, unescape: hasEscape)
        start = end
        return text
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, unescape: Bool) -> String {
        guard from < to else { return "" }
        let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
        guard unescape else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            if slice[i] == backslash, i + 1 < slice.count {
                out.append(unescaped(slice[i + 1]))
                i += 2
            } else {
                out.append(slice[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text with whitespace folded as in XML text (`XMLText.collapseWhitespace`): ends trimmed, runs of spaces,
    /// tabs and line breaks made single spaces. A fast contiguous scan first: most texts are clean and returned as
    /// they are.
    static func foldingWhitespace(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { u -> Bool in
            guard let first = u.first, let last = u.last else { return true }
            if first == space || last == space { return false }
            var previousSpace = false
            for b in u {
                if b == space {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    if b == 0x0A || b == 0x09 || b == 0x0D { return false }
                    previousSpace = false
                }
            }
            return true
        }
        return clean ? text : XMLText.collapseWhitespace(text)
    }

    /// The character an OBO escape `\x` stands for.
    static func unescaped(_ b: UInt8) -> UInt8 {
        switch b {
        case UInt8(ascii: "n"): return UInt8(ascii: "\n")
        case UInt8(ascii: "t"): return UInt8(ascii: "\t")
        case UInt8(ascii: "W"): return space
        default: return b
        }
    }

    /// Why a value could not be scanned.
    enum Failure: Error { case unterminatedQuote }
}
