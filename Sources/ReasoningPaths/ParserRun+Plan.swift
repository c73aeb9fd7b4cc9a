/// MedVerse plan steps and the `Answer:` line.
extension ParserRun {
    // MARK: - Plan

    func flushOutline() {
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

    func addPlanStep(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, line: Int, source: String) {
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

    func answerRemainder(_ t: Range<Int>) -> Int? {
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

    func isMedVerseOpening(_ t: Range<Int>) -> Bool {
        ByteText.hasPrefixCaseInsensitive(buf, at: t.lowerBound, end: t.upperBound, "first find a reasoning path, then transform")
    }
}
