import ReasoningPaths

/// Display preparation for untrusted model text: control characters out, length capped, lines wrapped.
///
/// Everything here works on `Character`s (grapheme clusters), so an emoji or a combining sequence is
/// never split. The results are still raw text: each output format escapes them in its own way
/// (`GraphvizText`, `MermaidWriter`).
enum LabelText {
    /// The ellipsis appended to a label cut at the display cap.
    static let ellipsis: Character = "…"

    /// `text` as one line: line breaks and tabs become spaces, other control and bidi-override
    /// characters become U+FFFD, runs of spaces collapse, and the ends are trimmed.
    static func singleLine(_ text: String) -> String {
        if isPlainLine(text) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let kind = classify(scalar)
            if kind == .space {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            append(kind == .keep ? scalar : "\u{FFFD}", to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with line breaks and tabs turned into spaces and other control or bidi-override
    /// characters into U+FFFD, nothing collapsed or trimmed (for identifiers).
    static func sanitized(_ text: String) -> String {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch classify(scalar) {
            case .keep: append(scalar, to: &out)
            case .space: out.append(0x20)
            case .replace: append("\u{FFFD}", to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` split at its line breaks, each line made safe with `singleLine`; empty lines dropped.
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true) { $0.isNewline }
            .map { singleLine(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// `text` cut to at most `limit` characters, the last of them an ellipsis when anything was cut.
    static func truncated(_ text: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        var count = 0
        var index = text.startIndex
        while index < text.endIndex {
            count += 1
            if count > limit {
                let keep = text.index(text.startIndex, offsetBy: limit - 1)
                return String(text[..<keep]) + String(ellipsis)
            }
            index = text.index(after: index)
        }
        return text
    }

    /// Greedy word wrap: lines of at most `width` characters, broken at spaces; a word longer than
    /// `width` is split into `width`-sized pieces. Input is expected to be a `singleLine` result.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var pieces: [Substring] = []
            var rest = word[...]
            while rest.count > width {
                let cut = rest.index(rest.startIndex, offsetBy: width)
                pieces.append(rest[..<cut])
                rest = rest[cut...]
            }
            pieces.append(rest)
            for piece in pieces {
                let pieceCount = piece.count
                if currentCount == 0 {
                    current = String(piece)
                    currentCount = pieceCount
                } else if currentCount + 1 + pieceCount <= width {
                    current += " " + piece
                    currentCount += 1 + pieceCount
                } else {
                    lines.append(current)
                    current = String(piece)
                    currentCount = pieceCount
                }
            }
        }
        if currentCount > 0 { lines.append(current) }
        return lines
    }

    /// The display lines of a node or edge label: one line, capped at `limit`, wrapped at `width`.
    static func displayLines(_ text: String, width: Int, limit: Int) -> [String] {
        wrapped(truncated(singleLine(text), limit: limit), width: width)
    }

    /// The display lines of a node: its wrapped label, then its qualifiers in parentheses when the style shows them.
    static func nodeLines(_ node: GraphNode, style: GraphStyle) -> [String] {
        var lines = displayLines(node.label, width: style.wrapWidth, limit: style.maxLabelLength)
        if style.showsQualifiers, !node.qualifiers.isEmpty {
            let inner = truncated(singleLine(node.qualifiers.joined(separator: "; ")), limit: style.maxQualifierLength)
            lines += wrapped("(\(inner))", width: style.wrapWidth)
        }
        return lines
    }

    /// Path indices as ddx names them: `[1, 3]` → `P1, P3`.
    static func pathList(_ indices: [Int]) -> String {
        indices.map { "P\($0)" }.joined(separator: ", ")
    }

    private enum ScalarClass { case keep, space, replace }

    /// True when `text` is printable ASCII with single inner spaces only (nothing to change).
    private static func isPlainLine(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            guard (0x20...0x7E).contains(byte) else { return false }
            if byte == 0x20 && previousWasSpace { return false }
            previousWasSpace = byte == 0x20
        }
        return !previousWasSpace || text.isEmpty
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.isASCII {
            out.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { out.append($0) }
        }
    }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x2028, 0x2029:
            return .space
        case 0x00...0x1F, 0x7F...0x9F:
            return .replace
        case 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF:
            // Bidi embeddings/overrides/isolates could make a label display differently from its bytes.
            return .replace
        default:
            return .keep
        }
    }
}
