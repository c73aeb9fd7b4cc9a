/// One pass of the parser over a buffer: a streaming state machine over lines and MedVerse tags.
final class ParserRun {
    let buf: UnsafeBufferPointer<UInt8>
    let limits: ParserLimits

    // Results.
    var sections: [ReasoningSection] = []
    var bodyStart: [Int] = []          // byte offset where each section's content starts
    var bodyEnd: [Int] = []            // byte offset just past each section's last non-blank content
    var paths: [ReasoningPath] = []
    var planEdges: [PlanEdge] = []
    var warnings: [ParseWarning] = []
    var droppedWarnings = 0
    var droppedPaths = 0
    var droppedPlanEdges = 0
    var droppedSections = 0

    // Section state.
    var topIndex: Int? = nil
    var subIndex: Int? = nil
    var firstContentLine: Int? = nil
    var firstContentOffset = 0
    var lastNonBlankLine = 0
    var lastNonBlankEnd = 0

    // Path-list state.
    var implicitList = false
    var pending: PendingItem? = nil

    // MedVerse state.
    var sawMedVerseTag = false
    var sawMedVerseOpening = false
    var openTags: [Tag: Int] = [:]
    var outline: (line: Int, ranges: [Range<Int>], bytes: Int)? = nil
    var awaitingStepHeader: Int? = nil
    var outlineSteps: Set<Int> = []
    var answerStart: Int? = nil
    var answerEnd = 0

    // Line state.
    var lineNumber = 0

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

    func processLine(_ line: Range<Int>) {
        // Fast path: no '<' means no tag on this line.
        guard let firstLT = ByteText.index(of: ByteText.lt, in: buf, from: line.lowerBound, to: line.upperBound) else {
            processSegment(line, wholeLine: line)
            return
        }

        var segStart = line.lowerBound
        var textBeforeTag = false
        var i = firstLT
        while i < line.upperBound {
            if buf[i] == ByteText.lt, let (tag, closing, len) = Tag.match(buf, at: i, end: line.upperBound) {
                if i > segStart { processSegment(segStart..<i, wholeLine: line) }
                if !ByteText.trimmed(buf, segStart..<i).isEmpty { textBeforeTag = true }
                processTag(tag, closing: closing, at: i + len, afterText: textBeforeTag)
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

    func processTag(_ tag: Tag, closing: Bool, at offset: Int, afterText: Bool) {
        // `offset` is the first byte after the tag: where a block's content starts; `afterText` says that
        // text stood before the tag on the same line.
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
        if afterText && (tag == .plan || tag == .execution || tag == .conclusion || tag == .think) {
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

    func processSegment(_ seg: Range<Int>, wholeLine: Range<Int>) {
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

    func processText(_ seg: Range<Int>, trimmed: Range<Int>) {
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

    // MARK: - Sections

    func openSection(_ kind: ReasoningSection.Kind, title: String, top: Bool, bodyFrom: Int) {
        closeSub()
        if top { closeTop() }
        guard sections.count < limits.maxSections else { droppedSections += 1; return }
        let depth = (!top && topIndex != nil) ? 1 : 0
        sections.append(ReasoningSection(kind: kind, title: title, startLine: lineNumber, endLine: lineNumber, depth: depth))
        bodyStart.append(min(bodyFrom, buf.count))
        bodyEnd.append(min(bodyFrom, buf.count))
        if top { topIndex = sections.count - 1 } else { subIndex = sections.count - 1 }
    }

    func closeSub() {
        guard let s = subIndex else { return }
        sections[s].endLine = max(sections[s].startLine, min(lastNonBlankLine, lineNumber))
        subIndex = nil
    }

    func closeTop() {
        guard let t = topIndex else { return }
        sections[t].endLine = max(sections[t].startLine, min(lastNonBlankLine, lineNumber))
        topIndex = nil
    }

    func noteContent(_ r: Range<Int>) {
        lastNonBlankLine = lineNumber
        lastNonBlankEnd = r.upperBound
        if let s = subIndex { bodyEnd[s] = max(bodyEnd[s], r.upperBound) }
        if let t = topIndex { bodyEnd[t] = max(bodyEnd[t], r.upperBound) }
    }

    func noteHeaderLine() {
        lastNonBlankLine = lineNumber
    }

    // MARK: - Warnings

    func warn(_ line: Int, _ message: String) {
        guard warnings.count < limits.maxWarnings else { droppedWarnings += 1; return }
        warnings.append(ParseWarning(line: line, message: message))
    }
}
