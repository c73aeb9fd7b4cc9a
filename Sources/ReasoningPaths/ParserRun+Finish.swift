/// End of input: truncation and unclosed-block warnings, the preamble, format detection, answer texts.
extension ParserRun {
    // MARK: - End of input

    func finish(endsWithNewline: Bool) {
        let lastItemLine = pending?.line
        finishPending()
        flushOutline()
        if lastNonBlankEnd > 0 {
            var end = lastNonBlankEnd
            while end > 0, ByteText.isSpace(buf[end - 1]) { end -= 1 }
            let last = end > 0 ? buf[end - 1] : 0
            let terminal: Set<UInt8> = [ByteText.dot, 0x21, 0x3F, ByteText.rparen, ByteText.rbracket, 0x22, 0x27,
                                        ByteText.star, ByteText.gt, ByteText.colon, 0x7C, ByteText.backtick, 0x82 /* 。 */, 0x9D /* ” */]
            let hasFinal = answerStart != nil || sections.contains { $0.kind == .finalResponse || $0.kind == .finalAnswer }
            let hasThinking = sections.contains { $0.kind == .thinking }
            // A text that opened `## Thinking` but never reached its final section, or that stops without a
            // newline, and whose last character ends no sentence, was cut off.
            if !terminal.contains(last) && ((hasThinking && !hasFinal) || !endsWithNewline) {
                if lastItemLine == lastNonBlankLine {
                    warn(lastNonBlankLine, "text ends mid-line inside a path item; the last path may be incomplete (cut off by a token limit?)")
                } else {
                    warn(lastNonBlankLine, "text ends mid-sentence" + (hasThinking && !hasFinal ? " before any final section" : "") + "; the output was probably cut off by a token limit")
                }
            } else if hasThinking && !hasFinal && !sawMedVerseTag {
                warn(lastNonBlankLine, "text has a thinking section but no '## Final Response' or '## Final Answer'")
            }
        }
        // By line, then by name: two tags opened on one line must not come out in hash order (found by fuzzing).
        for (tag, line) in openTags.sorted(by: { ($0.value, $0.key.title) < ($1.value, $1.key.title) }) where tag != .step {
            warn(line, "<\(tag.title)> opened here is never closed")
        }
        if droppedPaths > 0 { warn(0, "\(droppedPaths) more path items were not kept (limit \(limits.maxPaths))") }
        if droppedPlanEdges > 0 { warn(0, "\(droppedPlanEdges) more plan edges were not kept (limit \(limits.maxPlanEdges))") }
        if droppedSections > 0 { warn(0, "\(droppedSections) more section headers were not kept (limit \(limits.maxSections))") }
        closeSub()
        closeTop()
        // Paths and sections are both in line order: one merge walk finds the empty path lists.
        var p = 0
        for s in sections where s.kind == .findingPaths {
            while p < paths.count && paths[p].line < s.startLine { p += 1 }
            let hasPaths = p < paths.count && paths[p].line <= s.endLine
            if !hasPaths && droppedPaths == 0 { warn(s.startLine, "'\(s.title)' header is followed by no path items") }
        }
        addPreamble()
        if droppedWarnings > 0 {
            warnings.append(ParseWarning(line: 0, message: "\(droppedWarnings) more warnings were not listed (limit \(limits.maxWarnings))"))
        }
    }

    /// Text before the first section (e.g. a stray `assistant` line) becomes an `other` section.
    func addPreamble() {
        guard let first = firstContentLine, let firstSection = sections.first, first < firstSection.startLine else { return }
        var end = firstSection.startLine - 1
        // The preamble ends at its last line with text; find it by walking back over blank lines.
        var offset = 0, line = 1
        var lastText = first
        while offset < buf.count && line < firstSection.startLine {
            var e = offset
            while e < buf.count && buf[e] != ByteText.lf { e += 1 }
            if line >= first && !ByteText.trimmed(buf, offset..<e).isEmpty { lastText = line }
            offset = e + 1
            line += 1
        }
        end = lastText
        sections.insert(ReasoningSection(kind: .other, title: "Preamble", startLine: first, endLine: end, depth: 0), at: 0)
        bodyStart.insert(firstContentOffset, at: 0)
        bodyEnd.insert(firstContentOffset, at: 0)
    }

    func detectFormat() -> ReasoningFormat {
        if sawMedVerseTag || sawMedVerseOpening { return .medverse }
        let kinds = Set(sections.map(\.kind))
        if kinds.contains(.findingPaths) || kinds.contains(.reasoningProcess) { return .medreason }
        if kinds.contains(.thinking) || kinds.contains(.finalResponse) || kinds.contains(.finalAnswer) {
            return paths.isEmpty ? .huatuo : .medreason
        }
        if !paths.isEmpty { return .kg }
        return .unknown
    }

    func sectionText(_ i: Int) -> String? {
        let lo = bodyStart[i], hi = bodyEnd[i]
        guard hi > lo else { return nil }
        let t = ByteText.trimmedLines(buf, lo..<hi)
        guard !t.isEmpty else { return nil }
        let s = ByteText.string(buf, t)
        return s.isEmpty ? nil : s
    }

    func finalAnswer() -> String? {
        if let i = sections.lastIndex(where: { $0.kind == .finalResponse || $0.kind == .finalAnswer }),
           let s = sectionText(i) { return s }
        if let a = answerStart, answerEnd > a {
            let t = ByteText.trimmedLines(buf, a..<answerEnd)
            if !t.isEmpty { return ByteText.string(buf, t) }
        }
        return nil
    }

    func conclusionText() -> String? {
        guard let i = sections.lastIndex(where: { $0.kind == .conclusion }) else { return nil }
        return sectionText(i)
    }
}
