/// Parses the text of one path-list item (numbering already removed) into label, steps and relations.
///
/// Handles `**Path 1**: A -> B`, `**A -> B**`, `**A** -> **B**`, relation-labelled `A -- rel -- B`,
/// elisions `A -> ... -> B`, prose items, and continuation lines that either continue a wrapped chain
/// or explain the item.
enum PathItemParser {
    /// Parses an item whose first line (after its number) is `first` in `b`, plus its continuation lines.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, first: Range<Int>, continuation: [Range<Int>]) -> PathItem {
        var body = ByteText.trimmed(b, first)
        var label: String? = nil
        var noteParts: [String] = []
        var rest = continuation.map { ByteText.trimmed(b, $0) }.filter { !$0.isEmpty }

        if let split = splitLabel(b, body) {
            if split.labelIsPath {
                // "**A -> B**: explanation": the bold part is the path, the rest explains it.
                if !split.after.isEmpty { noteParts.append(ByteText.string(b, split.after)) }
                body = split.label
            } else {
                label = String(decoding: MarkupStripper.strip(b, split.label), as: UTF8.self)
                body = split.after
            }
        }
        if body.isEmpty, !rest.isEmpty { body = rest.removeFirst() }
        if rest.isEmpty {
            var item = build(UnsafeBufferPointer(rebasing: b[body]))
            item.label = label
            item.note = noteParts.isEmpty ? nil : noteParts.joined(separator: " ")
            return item
        }
        // Continuation lines: a chain wrapped onto the next line joins the body; anything else is a note.
        var joined = Array(b[body])
        for line in rest {
            let endsWithArrow = joined.withUnsafeBufferPointer { ArrowSplitter.endsWithArrow($0) }
            let startsWithArrow = ArrowSplitter.arrowLength(UnsafeBufferPointer(rebasing: b[line]), 0) > 0
            if endsWithArrow || startsWithArrow {
                joined.append(ByteText.space)
                joined.append(contentsOf: b[line])
            } else {
                noteParts.append(ByteText.string(b, line))
            }
        }
        var item = joined.withUnsafeBufferPointer { build($0) }
        item.label = label
        item.note = noteParts.isEmpty ? nil : noteParts.joined(separator: " ")
        return item
    }

    /// A leading label and what follows it.
    struct LabelSplit {
        var label: Range<Int>
        var after: Range<Int>
        /// The bold part held arrows: it is the path itself, not a label.
        var labelIsPath: Bool
    }

    /// Detects a leading label: `**Path 1**:`, `**Path 1:**`, `Path 1:`, `**Topic**: prose`.
    static func splitLabel(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> LabelSplit? {
        let lo = r.lowerBound, hi = r.upperBound
        guard hi - lo >= 3 else { return nil }
        if b[lo] == ByteText.star && b[lo + 1] == ByteText.star {
            var close = lo + 2
            while true {
                guard let star = ByteText.index(of: ByteText.star, in: b, from: close, to: hi), star + 1 < hi else { return nil }
                if b[star + 1] == ByteText.star { close = star; break }
                close = star + 1
            }
            var inner = ByteText.trimmed(b, (lo + 2)..<close)
            var after = close + 2
            while after < hi && b[after] == ByteText.space { after += 1 }
            var hadColon = false
            if !inner.isEmpty && b[inner.upperBound - 1] == ByteText.colon { inner = inner.lowerBound..<(inner.upperBound - 1); hadColon = true }
            if after < hi && b[after] == ByteText.colon { after += 1; hadColon = true }
            guard hadColon, !inner.isEmpty else { return nil }
            let afterRange = ByteText.trimmed(b, after..<hi)
            let isPath = ArrowSplitter.containsArrow(UnsafeBufferPointer(rebasing: b[inner]))
            return LabelSplit(label: inner, after: afterRange, labelIsPath: isPath)
        }
        // Plain "Path 3: …".
        if ByteText.hasPrefixCaseInsensitive(b, at: lo, end: hi, "path ") {
            var i = lo + 5
            let digitsStart = i
            while i < hi && ByteText.isDigit(b[i]) { i += 1 }
            guard i > digitsStart else { return nil }
            let labelEnd = i
            while i < hi && b[i] == ByteText.space { i += 1 }
            guard i < hi, b[i] == ByteText.colon else { return nil }
            return LabelSplit(label: lo..<labelEnd, after: ByteText.trimmed(b, (i + 1)..<hi), labelIsPath: false)
        }
        return nil
    }

    private static let relationSeparator: [UInt8] = Array(" -- ".utf8)

    /// Splits a path body into steps: on arrows, or on ` -- ` relation separators, else one prose step.
    static func build(_ b: UnsafeBufferPointer<UInt8>) -> PathItem {
        var item = buildClean(b)
        if item.needsMarkupCopy {
            // `**` inside a step (not just at its edges): drop every doubled marker once and parse the copy.
            let copy = MarkupStripper.removingDoubledMarkers(b, 0..<b.count)
            item = copy.withUnsafeBufferPointer { buildClean($0) }
        }
        return item
    }

    private static func buildClean(_ b: UnsafeBufferPointer<UInt8>) -> PathItem {
        var nodes = ArrowSplitter.split(b)
        // Relation labels need " -- "; most items have none, so look once for the whole item.
        let mayHaveRelations = lastRange(of: relationSeparator, in: b, 0..<b.count) != nil
        if nodes.count >= 2 {
            var relations: [String?]? = nil
            for i in nodes.indices {
                let piece = nodes[i]
                if mayHaveRelations, i < nodes.count - 1, let r = lastRange(of: relationSeparator, in: b, piece) {
                    // "A -- relation --> B": the relation belongs to the hop that follows.
                    if relations == nil { relations = Array(repeating: nil, count: nodes.count - 1) }
                    relations![i] = ByteText.string(b, MarkupStripper.cleanRange(b, r.upperBound..<piece.upperBound))
                    nodes[i] = MarkupStripper.cleanRange(b, piece.lowerBound..<r.lowerBound)
                } else {
                    nodes[i] = MarkupStripper.cleanRange(b, piece)
                }
                if MarkupStripper.hasDoubledMarker(b, nodes[i]) { return .needingMarkupCopy }
            }
            return chain(b, nodes, relations: relations)
        }
        if mayHaveRelations {
            let segments = splitAll(relationSeparator, in: b, 0..<b.count)
            if segments.count >= 3 && segments.count % 2 == 1 {
                var nodes: [Range<Int>] = [], relations: [String?] = []
                for (i, seg) in segments.enumerated() {
                    let cleaned = MarkupStripper.cleanRange(b, seg)
                    if MarkupStripper.hasDoubledMarker(b, cleaned) { return .needingMarkupCopy }
                    if i % 2 == 0 { nodes.append(cleaned) } else { relations.append(ByteText.string(b, cleaned)) }
                }
                return chain(b, nodes, relations: relations)
            }
        }
        let whole = MarkupStripper.cleanRange(b, 0..<b.count)
        if MarkupStripper.hasDoubledMarker(b, whole) { return .needingMarkupCopy }
        let step = StepBuilder.step(b, whole, isLast: true)
        return PathItem(label: nil, kind: .prose, steps: step.text.isEmpty ? [] : [step],
                        relations: [], elided: [], note: nil, problems: [])
    }

    /// Steps from cleaned node ranges; `rawRelations[i]` labels the hop after node `i` (nil: no labels at all).
    private static func chain(_ b: UnsafeBufferPointer<UInt8>, _ nodes: [Range<Int>], relations rawRelations: [String?]?) -> PathItem {
        var steps: [PathStep] = []
        steps.reserveCapacity(nodes.count)
        var relations: [String?] = []
        var elided: [Bool] = []
        relations.reserveCapacity(nodes.count)
        elided.reserveCapacity(nodes.count)
        var pendingElision = false
        var pendingRelation: String? = nil
        var problems: [String] = []
        var emptySteps = 0
        let lastNonEmpty = nodes.lastIndex { !$0.isEmpty && !StepBuilder.isEllipsis(b, $0) } ?? -1
        for (i, node) in nodes.enumerated() {
            if i > 0, pendingRelation == nil, let raw = rawRelations, let r = raw[i - 1], !r.isEmpty { pendingRelation = r }
            if StepBuilder.isEllipsis(b, node) { pendingElision = true; continue }
            if node.isEmpty { emptySteps += 1; continue }
            let step = StepBuilder.step(b, node, isLast: i == lastNonEmpty)
            if step.text.isEmpty { emptySteps += 1; continue }
            if !steps.isEmpty {
                relations.append(pendingRelation)
                elided.append(pendingElision)
            }
            pendingElision = false
            pendingRelation = nil
            steps.append(step)
        }
        if emptySteps > 0 {
            problems.append("\(emptySteps) empty step\(emptySteps == 1 ? "" : "s") between arrows dropped (text may be cut off)")
        }
        if steps.count == 1 { problems.append("chain has only one step after removing empty and elided steps") }
        return PathItem(label: nil, kind: .chain, steps: steps, relations: relations, elided: elided,
                        note: nil, problems: problems)
    }

    /// The last occurrence of `needle` within `range`, or nil.
    private static func lastRange(of needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        guard range.count >= needle.count else { return nil }
        var i = range.upperBound - needle.count
        while i >= range.lowerBound {
            if b[i] == needle[0] {
                var k = 1
                while k < needle.count && b[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i..<(i + needle.count) }
            }
            i -= 1
        }
        return nil
    }

    /// The ranges between occurrences of `needle` within `range`.
    private static func splitAll(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if b[i] == needle[0] {
                var k = 1
                while k < needle.count && b[i + k] == needle[k] { k += 1 }
                if k == needle.count {
                    out.append(start..<i)
                    i += needle.count
                    start = i
                    continue
                }
            }
            i += 1
        }
        out.append(start..<range.upperBound)
        return out
    }

}
