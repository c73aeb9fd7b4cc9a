/// Parses MedVerse plan steps: `Transient Step 6: A, B -> C; Dependency: [2, 3]`. Works on UTF-8 bytes.
enum PlanStepParser {
    /// The plan edges one step (`range` of `b`) yields: one per hop, a single prose edge for an arrow-less
    /// step, or nil when the text does not start with `Transient Step N:` / `Step N:`.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, source: String) -> [PlanEdge]? {
        if MarkupStripper.hasDoubledMarker(b, range) {
            // Stray `**` (`**Path 1**: A -> B`, `**Chest pain -> …`) carry no meaning here: drop them once.
            let copy = MarkupStripper.removingDoubledMarkers(b, range)
            return copy.withUnsafeBufferPointer { parseClean($0, 0..<$0.count, line: line, source: source) }
        }
        return parseClean(b, range, line: line, source: source)
    }

    private static func parseClean(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, source: String) -> [PlanEdge]? {
        var p = range.lowerBound
        let end = range.upperBound
        while p < end, b[p] == ByteText.star || b[p] == ByteText.underscore || ByteText.isSpace(b[p]) { p += 1 }
        if ByteText.hasPrefixCaseInsensitive(b, at: p, end: end, "transient step") { p += 14 } else if ByteText.hasPrefixCaseInsensitive(b, at: p, end: end, "step") { p += 4 } else { return nil }
        while p < end, ByteText.isSpace(b[p]) { p += 1 }
        var step = 0, digits = 0
        while p < end, ByteText.isDigit(b[p]), digits < 7 { step = step * 10 + Int(b[p] - 0x30); p += 1; digits += 1 }
        guard digits > 0, digits < 7 else { return nil }
        while p < end, ByteText.isSpace(b[p]) { p += 1 }
        if p < end, b[p] == ByteText.colon { p += 1 }
        var body = ByteText.trimmed(b, p..<end)

        var dependencies: [Int] = []
        if let d = lastCaseInsensitive("dependenc", in: b, body) {
            var value = 0, inNumber = false
            for i in d..<body.upperBound {
                if ByteText.isDigit(b[i]) { value = value * 10 + Int(b[i] - 0x30); inNumber = true; if value > 9_999_999 { value = 9_999_999 } } else if inNumber { dependencies.append(value); value = 0; inNumber = false }
            }
            if inNumber { dependencies.append(value) }
            var cut = ByteText.trimmed(b, body.lowerBound..<d)
            while !cut.isEmpty, b[cut.upperBound - 1] == 0x3B || b[cut.upperBound - 1] == 0x2C { cut = ByteText.trimmed(b, cut.lowerBound..<(cut.upperBound - 1)) }
            body = cut
        }

        let slice = UnsafeBufferPointer(rebasing: b[body])
        let pieces = ArrowSplitter.split(slice).map { ($0.lowerBound + body.lowerBound)..<($0.upperBound + body.lowerBound) }
        let text = StepBuilder.step(b, MarkupStripper.cleanRange(b, body), isLast: true).text
        guard pieces.count >= 2 else {
            return [PlanEdge(step: step, line: line, kind: .prose, from: [], to: nil, text: text,
                             dependencies: dependencies, source: source)]
        }
        var labels: [String] = []
        var sources: [PathStep] = []
        for part in splitSources(b, pieces[0]) {
            var r = part
            if let split = PathItemParser.splitLabel(b, r), !split.labelIsPath, !split.after.isEmpty {
                labels.append(ByteText.string(b, split.label))
                r = split.after
            }
            let s = StepBuilder.step(b, MarkupStripper.cleanRange(b, r), isLast: false)
            // `Path 1: X, Path 2: X -> Y` names X once per path; the edge has one source X.
            if !s.text.isEmpty, !sources.contains(where: { NodeKey.key(for: $0.name) == NodeKey.key(for: s.name) }) { sources.append(s) }
        }
        var edges: [PlanEdge] = []
        for i in 1..<pieces.count {
            let target = StepBuilder.step(b, MarkupStripper.cleanRange(b, pieces[i]), isLast: i == pieces.count - 1)
            guard !target.text.isEmpty else { continue }
            edges.append(PlanEdge(step: step, line: line, kind: .chain, from: sources, to: target, text: text,
                                  labels: labels, dependencies: dependencies, source: source))
            sources = [target]
        }
        return edges
    }

    /// Splits merged sources `A, B` on top-level commas, unless the commas form one list phrase
    /// (`Arteries, veins, and capillaries`).
    static func splitSources(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> [Range<Int>] {
        guard ByteText.index(of: 0x2C, in: b, from: r.lowerBound, to: r.upperBound) != nil else { return [r] }
        var parts: [Range<Int>] = []
        var depth = 0, start = r.lowerBound
        for i in r {
            let c = b[i]
            if c == ByteText.lparen || c == ByteText.lbracket { depth += 1 } else if (c == ByteText.rparen || c == ByteText.rbracket) && depth > 0 { depth -= 1 } else if c == 0x2C && depth == 0 {
                parts.append(start..<i)
                start = i + 1
            }
        }
        parts.append(start..<r.upperBound)
        parts = parts.map { ByteText.trimmed(b, $0) }.filter { !$0.isEmpty }
        let listPhrase = parts.dropFirst().contains {
            ByteText.hasPrefixCaseInsensitive(b, at: $0.lowerBound, end: $0.upperBound, "and ")
                || ByteText.hasPrefixCaseInsensitive(b, at: $0.lowerBound, end: $0.upperBound, "or ")
        }
        return listPhrase ? [ByteText.trimmed(b, r)] : parts
    }

    /// Start of the last case-insensitive occurrence of `needle` (lower-case ASCII) in `r`.
    private static func lastCaseInsensitive(_ needle: StaticString, in b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard r.count >= n else { return nil }
        var i = r.upperBound - n
        while i >= r.lowerBound {
            if ByteText.hasPrefixCaseInsensitive(b, at: i, end: r.upperBound, needle) { return i }
            i -= 1
        }
        return nil
    }
}
