/// One pass of the parser over a buffer: a streaming state machine over lines and MedVerse tags.
final class ParserRun {
    private let buf: UnsafeBufferPointer<UInt8>
    private let limits: ParserLimits

    // Results.
    private var sections: [ReasoningSection] = []
    private var bodyStart: [Int] = []          // byte offset where each section's content starts
    private var bodyEnd: [Int] = []            // byte offset just past each section's last non-blank content
    private var paths: [ReasoningPath] = []
    private var planEdges: [PlanEdge] = []
    private var warnings: [ParseWarning] = []
    private var droppedWarnings = 0
    private var droppedPaths = 0
    private var droppedPlanEdges = 0
    private var droppedSections = 0

    // Section state.
    private var topIndex: Int? = nil
    private var subIndex: Int? = nil
    private var firstContentLine: Int? = nil
    private var firstContentOffset = 0
    private var lastNonBlankLine = 0
    private var lastNonBlankEnd = 0

    // Path-list state.
    private var implicitList = false
    private var pending: PendingItem? = nil

    // MedVerse state.
    private var sawMedVerseTag = false
    private var sawMedVerseOpening = false
    private var openTags: [Tag: Int] = [:]
    private var outline: (line: Int, ranges: [Range<Int>], bytes: Int)? = nil
    private var awaitingStepHeader: Int? = nil
    private var outlineSteps: Set<Int> = []
    private var answerStart: Int? = nil
    private var answerEnd = 0

    // Line state.
    private var lineNumber = 0
    private var segmentHadTextBefore = false

    init(buffer: UnsafeBufferPointer<UInt8>, limits: ParserLimits) {
        self.buf = buffer
        self.limits = limits
    }

    // MARK: - Driver

    func run() -> ParsedReasoning {
        let scan = InputDecoder.scan(buf)
        if buf.isEmpty || ByteText.trimmedLines(buf, 0..<buf.count).isEmpty {
            warn(0, buf.isEmpty ? "empty input: no text to parse" : "input holds only white space: no text to parse")
        }
        if scan.nul > 0 || scan.invalid > 0 || scan.control > buf.count / 100 + 8 {
            let looksBinary = scan.nul > 0 || (scan.invalid + scan.control) * 20 > buf.count
            var parts: [String] = []
            if scan.nul > 0 { parts.append("\(scan.nul) NUL byte\(scan.nul == 1 ? "" : "s")") }
            if scan.invalid > 0 { parts.append("\(scan.invalid) invalid UTF-8 sequence\(scan.invalid == 1 ? "" : "s")") }
            if scan.control > 0 { parts.append("\(scan.control) control character\(scan.control == 1 ? "" : "s")") }
            warn(0, "input contains \(parts.joined(separator: ", "))" + (looksBinary ? "; it does not look like text" : "") + " (invalid bytes read as U+FFFD)")
        }

        var start = 0
        let n = buf.count
        while start < n {
            let end = ByteText.index(of: ByteText.lf, in: buf, from: start) ?? n
            lineNumber += 1
            processLine(start..<end)
            start = end + 1
        }
        finish(endsWithNewline: n > 0 && buf[n - 1] == ByteText.lf)
        return ParsedReasoning(format: detectFormat(), sections: sections, paths: paths, planEdges: planEdges,
                               warnings: warnings, finalAnswer: finalAnswer(), conclusion: conclusionText(),
                               lineCount: lineNumber)
    }

    // MARK: - Lines and tags

    private func processLine(_ line: Range<Int>) {
        segmentHadTextBefore = false
        // Fast path: no '<' means no tag on this line.
        guard let firstLT = ByteText.index(of: ByteText.lt, in: buf, from: line.lowerBound, to: line.upperBound) else {
            processSegment(line, wholeLine: line)
            return
        }

        var segStart = line.lowerBound
        var i = firstLT
        while i < line.upperBound {
            if buf[i] == ByteText.lt, let (tag, closing, len) = Tag.match(buf, at: i, end: line.upperBound) {
                if i > segStart { processSegment(segStart..<i, wholeLine: line) }
                if !ByteText.trimmed(buf, segStart..<i).isEmpty || (segStart == line.lowerBound && segmentHadTextBefore) {
                    segmentHadTextBefore = true
                }
                processTag(tag, closing: closing, at: i + len)
                if firstContentLine == nil { firstContentLine = lineNumber; firstContentOffset = i }
                noteContent(i..<(i + len))
                i += len
                segStart = i
                continue
            }
            i += 1
        }
        if segStart < line.upperBound { processSegment(segStart..<line.upperBound, wholeLine: line) }
    }

    private func processTag(_ tag: Tag, closing: Bool, at offset: Int) {
        // `offset` is the first byte after the tag: where a block's content starts.
        sawMedVerseTag = sawMedVerseTag || tag != .think
        if closing {
            switch tag {
            case .think:
                finishPending()
                closeSub(); closeTop()
            case .plan, .execution, .conclusion:
                finishPending()
                if let s = subIndex, sections[s].kind == tag.sectionKind { closeSub() }
            case .outline:
                flushOutline()
            case .step:
                awaitingStepHeader = nil
            }
            openTags[tag] = nil
            return
        }
        if segmentHadTextBefore && (tag == .plan || tag == .execution || tag == .conclusion || tag == .think) {
            warn(lineNumber, "text runs straight into <\(tag.title)>; the text before the tag may be cut off or degenerate")
        }
        switch tag {
        case .think:
            finishPending()
            openSection(.thinking, title: "Think", top: true, bodyFrom: offset)
        case .plan, .execution, .conclusion:
            finishPending()
            if let s = subIndex, sections[s].kind == tag.sectionKind, openTags[tag] != nil {
                break // a repeated opening tag (`Glyox<Plan>` then `<Plan>`) continues the same block
            }
            openSection(tag.sectionKind, title: tag.title, top: false, bodyFrom: offset)
            implicitList = false
        case .outline:
            flushOutline()
            outline = (lineNumber, [], 0)
        case .step:
            flushOutline()
            awaitingStepHeader = lineNumber
        }
        openTags[tag] = lineNumber
    }

    // MARK: - Segments

    private func processSegment(_ seg: Range<Int>, wholeLine: Range<Int>) {
        let trimmed = ByteText.trimmed(buf, seg)
        if !trimmed.isEmpty {
            if firstContentLine == nil { firstContentLine = lineNumber; firstContentOffset = trimmed.lowerBound }
        }
        if outline != nil {
            if !trimmed.isEmpty {
                if outline!.bytes < limits.maxItemBytes {
                    outline!.ranges.append(trimmed)
                    outline!.bytes += trimmed.count
                }
                noteContent(trimmed)
            }
            return
        }
        if awaitingStepHeader != nil, !trimmed.isEmpty {
            awaitingStepHeader = nil
            noteContent(trimmed)
            addPlanStep(buf, trimmed, line: lineNumber, source: "step")
            return
        }

        let cls: LineClass
        if let s = subIndex ?? topIndex, sections[s].kind == .finalResponse || sections[s].kind == .finalAnswer {
            // Inside the final section only another top-level header counts.
            let c = HeaderClassifier.classify(buf, seg)
            if case .header(let k, _, _) = c, k == .thinking || k == .finalAnswer || k == .finalResponse { cls = c } else if case .blank = c { cls = .blank } else { cls = .text }
        } else {
            cls = HeaderClassifier.classify(buf, seg)
        }

        switch cls {
        case .blank:
            pending?.blankSeen = true
        case .separator:
            finishPending()
            closeSub()
            implicitList = false
        case .header(let kind, let title, let remainder):
            finishPending()
            implicitList = false
            let top = kind == .thinking || kind == .finalResponse || kind == .finalAnswer
            openSection(kind, title: title, top: top, bodyFrom: remainder?.lowerBound ?? (wholeLine.upperBound + 1))
            if let rem = remainder { noteContent(rem) } else { noteHeaderLine() }
            if kind == .findingPaths, let rem = remainder { processInlineItems(rem) }
        case .otherHeading(let title):
            finishPending()
            implicitList = false
            openSection(.other, title: title, top: false, bodyFrom: wholeLine.upperBound + 1)
            noteHeaderLine()
        case .text:
            noteContent(trimmed)
            processText(seg, trimmed: trimmed)
        }
    }

    private func processText(_ seg: Range<Int>, trimmed: Range<Int>) {
        let kind = subIndex.map { sections[$0].kind }
        if kind == .conclusion, openTags[.conclusion] != nil, answerStart == nil {
            if let a = answerRemainder(trimmed) { answerStart = a; answerEnd = trimmed.upperBound }
        } else if answerStart != nil, openTags[.conclusion] != nil {
            answerEnd = trimmed.upperBound
        }
        if kind == .findingPaths || implicitList {
            processListLine(seg, trimmed: trimmed)
            return
        }
        if kind == nil || kind == .other {
            if itemStart(trimmed) != nil, lineHasArrow(trimmed) {
                // A numbered or bulleted arrow chain with no header: a bare knowledge-graph path list.
                implicitList = true
                processListLine(seg, trimmed: trimmed)
                return
            }
        }
        if isMedVerseOpening(trimmed) { sawMedVerseOpening = true }
    }

    // MARK: - Path lists

    private struct ItemStart {
        var number: Int?
        var content: Range<Int>
    }

    /// Recognises `12. `, `12:`, `12) `, `- `, `* `, `• ` item starts; returns the number and the content.
    private func itemStart(_ t: Range<Int>) -> ItemStart? {
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

    private func lineHasArrow(_ r: Range<Int>) -> Bool {
        ArrowSplitter.containsArrow(UnsafeBufferPointer(rebasing: buf[r]))
    }

    private func startsWithPathLabel(_ r: Range<Int>) -> Bool {
        ByteText.hasPrefixCaseInsensitive(buf, at: r.lowerBound, end: r.upperBound, "**path ")
            || ByteText.hasPrefixCaseInsensitive(buf, at: r.lowerBound, end: r.upperBound, "path ")
    }

    private func processListLine(_ seg: Range<Int>, trimmed: Range<Int>) {
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

    private func beginItem(number: Int?, content: Range<Int>, indent: Int) {
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
    private func processInlineItems(_ r: Range<Int>) {
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

    private func finishPending() {
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

    // MARK: - Plan

    private func flushOutline() {
        guard let o = outline else { return }
        outline = nil
        guard let first = o.ranges.first else { return }
        if o.ranges.count == 1 {
            addPlanStep(buf, first, line: o.line, source: "outline")
            return
        }
        // An outline spread over several lines: join them with spaces.
        var joined: [UInt8] = []
        for r in o.ranges {
            if !joined.isEmpty { joined.append(ByteText.space) }
            joined.append(contentsOf: buf[r])
        }
        joined.withUnsafeBufferPointer { addPlanStep($0, 0..<$0.count, line: o.line, source: "outline") }
    }

    private func addPlanStep(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, line: Int, source: String) {
        guard let edges = PlanStepParser.parse(b, r, line: line, source: source) else {
            if source == "outline" {
                let preview = String(ByteText.string(b, r).prefix(60))
                warn(line, "outline entry is not a 'Transient Step N:' line; kept out of the plan: \(preview)")
            }
            return
        }
        guard let first = edges.first else {
            warn(line, "plan step has no text")
            return
        }
        if source == "step" && outlineSteps.contains(first.step) { return }
        if source == "outline" { outlineSteps.insert(first.step) }
        for e in edges {
            guard planEdges.count < limits.maxPlanEdges else { droppedPlanEdges += 1; continue }
            planEdges.append(e)
        }
    }

    private func answerRemainder(_ t: Range<Int>) -> Int? {
        var p = t.lowerBound
        while p < t.upperBound, buf[p] == ByteText.star { p += 1 }
        guard ByteText.hasPrefixCaseInsensitive(buf, at: p, end: t.upperBound, "answer") else { return nil }
        p += 6
        while p < t.upperBound, buf[p] == ByteText.star { p += 1 }
        guard p < t.upperBound, buf[p] == ByteText.colon else { return nil }
        p += 1
        while p < t.upperBound, buf[p] == ByteText.star || ByteText.isSpace(buf[p]) { p += 1 }
        return p
    }

    private func isMedVerseOpening(_ t: Range<Int>) -> Bool {
        ByteText.hasPrefixCaseInsensitive(buf, at: t.lowerBound, end: t.upperBound, "first find a reasoning path, then transform")
    }

    // MARK: - Sections

    private func openSection(_ kind: ReasoningSection.Kind, title: String, top: Bool, bodyFrom: Int) {
        closeSub()
        if top { closeTop() }
        guard sections.count < limits.maxSections else { droppedSections += 1; return }
        let depth = (!top && topIndex != nil) ? 1 : 0
        sections.append(ReasoningSection(kind: kind, title: title, startLine: lineNumber, endLine: lineNumber, depth: depth))
        bodyStart.append(min(bodyFrom, buf.count))
        bodyEnd.append(min(bodyFrom, buf.count))
        if top { topIndex = sections.count - 1 } else { subIndex = sections.count - 1 }
    }

    private func closeSub() {
        guard let s = subIndex else { return }
        sections[s].endLine = max(sections[s].startLine, min(lastNonBlankLine, lineNumber))
        subIndex = nil
    }

    private func closeTop() {
        guard let t = topIndex else { return }
        sections[t].endLine = max(sections[t].startLine, min(lastNonBlankLine, lineNumber))
        topIndex = nil
    }

    private func noteContent(_ r: Range<Int>) {
        lastNonBlankLine = lineNumber
        lastNonBlankEnd = r.upperBound
        if let s = subIndex { bodyEnd[s] = max(bodyEnd[s], r.upperBound) }
        if let t = topIndex { bodyEnd[t] = max(bodyEnd[t], r.upperBound) }
    }

    private func noteHeaderLine() {
        lastNonBlankLine = lineNumber
    }

    // MARK: - End of input

    private func finish(endsWithNewline: Bool) {
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
        for (tag, line) in openTags.sorted(by: { $0.value < $1.value }) where tag != .step {
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
    private func addPreamble() {
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

    private func detectFormat() -> ReasoningFormat {
        if sawMedVerseTag || sawMedVerseOpening { return .medverse }
        let kinds = Set(sections.map(\.kind))
        if kinds.contains(.findingPaths) || kinds.contains(.reasoningProcess) { return .medreason }
        if kinds.contains(.thinking) || kinds.contains(.finalResponse) || kinds.contains(.finalAnswer) {
            return paths.isEmpty ? .huatuo : .medreason
        }
        if !paths.isEmpty { return .kg }
        return .unknown
    }

    private func sectionText(_ i: Int) -> String? {
        let lo = bodyStart[i], hi = bodyEnd[i]
        guard hi > lo else { return nil }
        let t = ByteText.trimmedLines(buf, lo..<hi)
        guard !t.isEmpty else { return nil }
        let s = ByteText.string(buf, t)
        return s.isEmpty ? nil : s
    }

    private func finalAnswer() -> String? {
        if let i = sections.lastIndex(where: { $0.kind == .finalResponse || $0.kind == .finalAnswer }),
           let s = sectionText(i) { return s }
        if let a = answerStart, answerEnd > a {
            let t = ByteText.trimmedLines(buf, a..<answerEnd)
            if !t.isEmpty { return ByteText.string(buf, t) }
        }
        return nil
    }

    private func conclusionText() -> String? {
        guard let i = sections.lastIndex(where: { $0.kind == .conclusion }) else { return nil }
        return sectionText(i)
    }

    // MARK: - Warnings

    private func warn(_ line: Int, _ message: String) {
        guard warnings.count < limits.maxWarnings else { droppedWarnings += 1; return }
        warnings.append(ParseWarning(line: line, message: message))
    }
}

/// A path item being read: its first line plus continuation lines.
struct PendingItem {
    var number: Int?
    var line: Int
    var indent: Int
    /// The first line's content (after the number).
    var text: Range<Int>
    /// Continuation lines (trimmed).
    var continuation: [Range<Int>]
    var blankSeen: Bool
    var bytes: Int
    var cut: Bool
    /// The first line held only a label (`**Path 1**:`), so the path follows on the next line.
    var awaitsBody: Bool
}
