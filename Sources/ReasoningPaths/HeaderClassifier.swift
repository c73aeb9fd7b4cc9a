/// Recognises section headers in every spelling seen in real outputs: `## Thinking`, `Finding reasoning paths:`,
/// `**Finding Reasoning Paths:**` (inline or alone), `### Reasoning Process:`, `*Conclusion:*`, `## Final Answer`.
enum HeaderClassifier {
    private static let known: [(title: String, kind: ReasoningSection.Kind)] = [
        ("thinking", .thinking),
        ("final response", .finalResponse),
        ("final answer", .finalAnswer),
        ("finding reasoning paths", .findingPaths),
        ("finding reasoning path", .findingPaths),
        ("finding paths", .findingPaths),
        ("finding path", .findingPaths),
        ("reasoning paths", .findingPaths),
        ("reasoning path", .findingPaths),
        ("reasoning process", .reasoningProcess),
        ("conclusion", .conclusion),
    ]

    /// Classifies the bytes in `range` (one line or a tag-free segment of one).
    static func classify(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LineClass {
        let r = ByteText.trimmed(buf, range)
        if r.isEmpty { return .blank }
        let first = buf[r.lowerBound]
        // Fast exit: headers start with '#', markup, or a letter that begins a known title.
        switch ByteText.lower(first) {
        case ByteText.hash, ByteText.star, ByteText.underscore, ByteText.dash, ByteText.equals,
             0x74 /* t */, 0x66 /* f */, 0x72 /* r */, 0x63 /* c */:
            break
        default:
            return .text
        }
        if isSeparator(buf, r) { return .separator }
        // A line that starts with a letter must start like a known title.
        if ByteText.isAlpha(first) {
            let lo = r.lowerBound, hi = r.upperBound
            guard ByteText.hasPrefixCaseInsensitive(buf, at: lo, end: hi, "thin")
                    || ByteText.hasPrefixCaseInsensitive(buf, at: lo, end: hi, "fin")
                    || ByteText.hasPrefixCaseInsensitive(buf, at: lo, end: hi, "reas")
                    || ByteText.hasPrefixCaseInsensitive(buf, at: lo, end: hi, "conc") else { return .text }
        }

        var p = r.lowerBound
        var hashes = 0
        while p < r.upperBound, buf[p] == ByteText.hash { hashes += 1; p += 1 }
        if hashes > 0 {
            // '#' must be followed by a space to be a heading ("#1" is not).
            guard hashes <= 6, p < r.upperBound, ByteText.isSpace(buf[p]) else { return .text }
            while p < r.upperBound, ByteText.isSpace(buf[p]) { p += 1 }
        }
        var markup = 0
        while p < r.upperBound, buf[p] == ByteText.star || buf[p] == ByteText.underscore { markup += 1; p += 1 }
        if markup > 3 { return .text }

        // Read a run of letters and single spaces: the candidate title.
        var title: [UInt8] = []
        var q = p
        while q < r.upperBound, title.count <= 40 {
            let b = buf[q]
            if ByteText.isAlpha(b) { title.append(ByteText.lower(b)) } else if b == ByteText.space || b == ByteText.tab {
                if let l = title.last, l != ByteText.space { title.append(ByteText.space) }
            } else { break }
            q += 1
        }
        while title.last == ByteText.space { title.removeLast() }
        let titleString = String(decoding: title, as: UTF8.self)

        // After the title: closing markup and a colon in either order, then the inline remainder.
        var s = q
        var colon = false, closing = 0
        for _ in 0..<2 {
            while s < r.upperBound, buf[s] == ByteText.star || buf[s] == ByteText.underscore { closing += 1; s += 1 }
            if s < r.upperBound, buf[s] == ByteText.colon || (s + 2 < r.upperBound && buf[s] == 0xEF && buf[s + 1] == 0xBC && buf[s + 2] == 0x9A) {
                colon = true
                s += buf[s] == ByteText.colon ? 1 : 3
            }
        }
        while s < r.upperBound, ByteText.isSpace(buf[s]) { s += 1 }
        let remainder: Range<Int>? = s < r.upperBound ? s..<r.upperBound : nil

        if let match = known.first(where: { $0.title == titleString }) {
            let marked = hashes > 0 || markup > 0
            // Markup must be closed ("**Conclusion**"), or it is bold text that merely starts with the word.
            let markupOK = markup == 0 || closing >= 1
            var accepted: Bool
            if remainder == nil {
                accepted = markupOK
            } else {
                // Inline content needs a colon: "Conclusion: X", never "Conclusion X".
                accepted = colon && markupOK && match.kind != .thinking
            }
            if match.kind == .thinking && !marked && colon == false && remainder != nil { accepted = false }
            if accepted {
                return .header(kind: match.kind, title: displayTitle(buf, p..<q), remainder: remainder)
            }
        }
        if hashes > 0 && hashes <= 3 {
            let t = ByteText.trimmed(buf, p..<r.upperBound)
            var text = ByteText.string(buf, t)
            text = MarkupStripper.strip(text)
            if text.hasSuffix(":") { text.removeLast() }
            if !text.isEmpty { return .otherHeading(title: text) }
        }
        return .text
    }

    /// `---`, `***`, `___`, `===` (three or more), or `#`…`######` alone.
    static func isSeparator(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let first = buf[r.lowerBound]
        guard first == ByteText.dash || first == ByteText.star || first == ByteText.underscore
              || first == ByteText.hash || first == ByteText.equals else { return false }
        var count = 0
        for i in r {
            let b = buf[i]
            if b == first { count += 1 } else if b == ByteText.space || b == ByteText.tab { continue } else { return false }
        }
        return first == ByteText.hash ? count <= 6 : count >= 3
    }

    private static func displayTitle(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        let t = ByteText.trimmed(buf, r)
        return ByteText.string(buf, t)
    }
}
