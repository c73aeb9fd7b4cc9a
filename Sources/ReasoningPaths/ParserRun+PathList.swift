/// Path-list items: numbering, labels, continuation lines, inline items.
extension ParserRun {
    // MARK: - Path lists

    struct ItemStart {
        var number: Int?
        var content: Range<Int>
    }

    /// Recognises `12. `, `12:`, `12) `, `- `, `* `, `• ` item starts; returns the number and the content.
    func itemStart(_ t: Range<Int>) -> ItemStart? {
        var p = t.lowerBound
        var value = 0, digits = 0
        while p < t.upperBound, ByteText.isDigit(buf[p]), digits < 5 { value = value * 10 + Int(buf[p] - 0x30); p += 1; digits += 1 }
        if digits > 0 && digits <= 4 && p < t.upperBound {
            let c = buf[p]
            let next = p + 1 < t.upperBound ? buf[p + 1] : ByteText.space
            if (c == ByteText.dot && ByteText.isSpace(next)) || c == ByteText.colon || (c == ByteText.rparen && ByteText.isSpace(next)) {
                return ItemStart(number: value, content: ByteText.trimmed(buf, (p + 1)..<t.upperBound))
            }
            if c == ByteText.dot && p + 1 == t.upperBound { return ItemStart(number: value, content: t.upperBound..<t.upperBound) }
        }
        if digits > 0 && p == t.upperBound && buf[p - 1] != ByteText.dot { return nil }
        let b0 = buf[t.lowerBound]
        if (b0 == ByteText.dash || b0 == ByteText.star || b0 == 0x2B) && t.count >= 2 && ByteText.isSpace(buf[t.lowerBound + 1]) {
            return ItemStart(number: nil, content: ByteText.trimmed(buf, (t.lowerBound + 2)..<t.upperBound))
        }
        if b0 == 0xE2, t.count >= 4, buf[t.lowerBound + 1] == 0x80, buf[t.lowerBound + 2] == 0xA2 { // •
            return ItemStart(number: nil, content: ByteText.trimmed(buf, (t.lowerBound + 3)..<t.upperBound))
        }
        return nil
    }

    func lineHasArrow(_ r: Range<Int>) -> Bool {
        ArrowSplitter.containsArrow(UnsafeBufferPointer(rebasing: buf[r]))
    }

    func startsWithPathLabel(_ r: Range<Int>) -> Bool {
        ByteText.hasPrefixCaseInsensitive(buf, at: r.lowerBound, end: r.upperBound, "**path ")
            || ByteText.hasPrefixCaseInsensitive(buf, at: r.lowerBound, end: r.upperBound, "path ")
    }

    func processListLine(_ seg: Range<Int>, trimmed: Range<Int>) {
        let indent = ByteText.indentation(buf, seg)
        if var p = pending, indent >= p.indent + 2 || (!p.blankSeen && itemStart(trimmed) == nil && !startsWithPathLabel(trimmed) && !(lineHasArrow(trimmed) && !p.awaitsBody)) || p.awaitsBody && itemStart(trimmed) == nil {
            // Continuation: indented under the item, or directly below it with no blank line.
            if p.bytes < limits.maxItemBytes {
                p.continuation.append(trimmed)
                p.bytes += trimmed.count
            } else { p.cut = true }
            p.awaitsBody = false
            pending = p
            return
        }
        if let start = itemStart(trimmed) {
            finishPending()
            beginItem(number: start.number, content: start.content, indent: indent)
            return
        }
        if startsWithPathLabel(trimmed) || lineHasArrow(trimmed) {
            finishPending()
            beginItem(number: nil, content: trimmed, indent: indent)
            return
        }
        // Prose inside the list section (an introduction or a closing remark): not a path.
        finishPending()
        if implicitList { implicitList = false }
    }

    func beginItem(number: Int?, content: Range<Int>, indent: Int) {
        var r = content
        var cut = false
        if r.count > limits.maxItemBytes {
            r = r.lowerBound..<(r.lowerBound + limits.maxItemBytes)
            while r.upperBound > r.lowerBound, buf[r.upperBound] & 0xC0 == 0x80 { r = r.lowerBound..<(r.upperBound - 1) }
            cut = true
        }
        let labelOnly = !r.isEmpty && buf[r.upperBound - 1] == ByteText.colon || (r.count >= 2 && buf[r.upperBound - 1] == ByteText.star && buf[r.upperBound - 2] == ByteText.star)
            ? PathItemParser.splitLabel(buf, r).map { $0.after.isEmpty && !$0.labelIsPath } ?? false
            : false
        pending = PendingItem(number: number, line: lineNumber, indent: indent, text: r, continuation: [],
                              blankSeen: false, bytes: r.count, cut: cut, awaitsBody: r.isEmpty || labelOnly)
    }

    /// Items written on the header's own line: `**Finding Reasoning Paths:** 1. A -> B 2. C -> D`.
    func processInlineItems(_ r: Range<Int>) {
        var starts: [(number: Int, at: Int, content: Int)] = []
        var expected = 1
        var i = r.lowerBound
        while i < r.upperBound {
            if ByteText.isDigit(buf[i]) && (i == r.lowerBound || ByteText.isSpace(buf[i - 1])) {
                var j = i, v = 0
                while j < r.upperBound, ByteText.isDigit(buf[j]), j - i < 4 { v = v * 10 + Int(buf[j] - 0x30); j += 1 }
                if v == expected, j < r.upperBound, buf[j] == ByteText.dot || buf[j] == ByteText.colon,
                   j + 1 >= r.upperBound || ByteText.isSpace(buf[j + 1]) || buf[j] == ByteText.colon {
                    starts.append((v, i, j + 1))
                    expected += 1
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        if starts.isEmpty {
            if lineHasArrow(r) { beginItem(number: nil, content: r, indent: 0) }
            return
        }
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].at : r.upperBound
            finishPending()
            beginItem(number: s.number, content: ByteText.trimmed(buf, s.content..<end), indent: 0)
        }
    }

    func finishPending() {
        guard let p = pending else { return }
        pending = nil
        guard paths.count < limits.maxPaths else { droppedPaths += 1; return }
        if p.cut { warn(p.line, "path item is longer than \(limits.maxItemBytes) bytes; only its start was parsed") }
        let item = PathItemParser.parse(buf, first: p.text, continuation: p.continuation)
        let where_ = p.number.map { "path item \($0)" } ?? "path item"
        guard !item.steps.isEmpty else {
            warn(p.line, "\(where_) has no text after its number or label; nothing to keep")
            return
        }
        for problem in item.problems { warn(p.line, "\(where_): \(problem)") }
        paths.append(ReasoningPath(number: p.number, label: item.label, kind: item.kind, line: p.line,
                                   steps: item.steps, relations: item.relations, elided: item.elided, note: item.note))
    }
}
