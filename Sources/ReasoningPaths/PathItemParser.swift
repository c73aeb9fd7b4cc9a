/// Parses the text of one path-list item (numbering already removed) into label, steps and relations.
///
/// Handles `**Path 1**: A -> B`, `**A -> B**`, `**A** -> **B**`, relation-labelled `A -- rel -- B`,
/// elisions `A -> ... -> B`, prose items, and continuation lines that either continue a wrapped chain
/// or explain the item.
enum PathItemParser {
    /// Parses `text` (the item's first line after its number) and its continuation lines.
    static func parse(_ text: String, continuation: [String]) -> PathItem {
        var body = text.trimmedSpaces()
        var label: String? = nil
        var noteParts: [String] = []
        var rest = continuation.map { $0.trimmedSpaces() }.filter { !$0.isEmpty }

        if let (l, after, pathInLabel) = splitLabel(body) {
            if pathInLabel {
                // "**A -> B**: explanation": the bold part is the path, the rest explains it.
                body = l
                if !after.isEmpty { noteParts.append(after) }
            } else {
                label = l
                body = after
            }
        }
        if body.isEmpty, !rest.isEmpty { body = rest.removeFirst() }
        for line in rest {
            if endsWithArrow(body) || startsWithArrow(line) {
                body += " " + line
            } else {
                noteParts.append(line)
            }
        }
        var item = build(body)
        item.label = label
        item.note = noteParts.isEmpty ? nil : noteParts.joined(separator: " ")
        return item
    }

    /// Detects a leading label: `**Path 1**:`, `**Path 1:**`, `Path 1:`, `**Topic**: prose`.
    /// Returns (label or bold path, text after it, whether the bold part is itself a path).
    static func splitLabel(_ s: String) -> (String, String, Bool)? {
        if s.hasPrefix("**") {
            let afterOpen = s.index(s.startIndex, offsetBy: 2)
            guard let close = s[afterOpen...].range(of: "**") else { return nil }
            var inner = String(s[afterOpen..<close.lowerBound]).trimmedSpaces()
            var after = Substring(s[close.upperBound...])
            while let f = after.first, f == " " { after = after.dropFirst() }
            var hadColon = false
            if inner.hasSuffix(":") { inner.removeLast(); hadColon = true }
            if after.hasPrefix(":") { after = after.dropFirst(); hadColon = true }
            guard hadColon, !inner.isEmpty else { return nil }
            let afterText = String(after).trimmedSpaces()
            if hasArrow(inner) { return (inner, afterText, true) }
            return (MarkupStripper.strip(inner), afterText, false)
        }
        // Plain "Path 3: …" / "Path 3 - …".
        let lower = s.lowercased()
        if lower.hasPrefix("path ") {
            var i = s.index(s.startIndex, offsetBy: 5)
            var digits = 0
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { i = s.index(after: i); digits += 1 }
            guard digits > 0 else { return nil }
            let labelText = String(s[..<i])
            var after = s[i...]
            while let f = after.first, f == " " { after = after.dropFirst() }
            guard after.hasPrefix(":") else { return nil }
            return (labelText, String(after.dropFirst()).trimmedSpaces(), false)
        }
        return nil
    }

    /// Splits a path body into steps: on arrows, or on ` -- ` relation separators, else one prose step.
    static func build(_ body: String) -> PathItem {
        var utf8 = Array(body.utf8)
        let pieces: [String] = utf8.withUnsafeMutableBufferPointer { mb in
            let b = UnsafeBufferPointer(mb)
            return ArrowSplitter.split(b).map { ByteText.string(b, $0) }
        }
        utf8.removeAll()
        if pieces.count >= 2 {
            var nodes: [String] = []
            var relations: [String?] = []
            for (i, piece) in pieces.enumerated() {
                if i < pieces.count - 1, let r = piece.range(ofLast: " -- ") {
                    // "A -- relation --> B": the relation belongs to the hop that follows.
                    nodes.append(String(piece[..<r.lowerBound]))
                    relations.append(String(piece[r.upperBound...]).trimmedSpaces())
                } else {
                    nodes.append(piece)
                    if i < pieces.count - 1 { relations.append(nil) }
                }
            }
            return chain(nodes, relations: relations)
        }
        let segments = body.components(separatedBy: " -- ")
        if segments.count >= 3 && segments.count % 2 == 1 {
            var nodes: [String] = [], relations: [String?] = []
            for (i, seg) in segments.enumerated() {
                if i % 2 == 0 { nodes.append(seg) } else { relations.append(seg.trimmedSpaces()) }
            }
            return chain(nodes, relations: relations)
        }
        let step = StepBuilder.step(body, isLast: true)
        return PathItem(label: nil, kind: .prose, steps: step.text.isEmpty ? [] : [step],
                        relations: [], elided: [], note: nil, problems: [])
    }

    private static func chain(_ rawNodes: [String], relations rawRelations: [String?]) -> PathItem {
        var steps: [PathStep] = []
        var relations: [String?] = []
        var elided: [Bool] = []
        var pendingElision = false
        var pendingRelation: String? = nil
        var problems: [String] = []
        var emptySteps = 0
        let lastNonEmpty = rawNodes.lastIndex { !MarkupStripper.strip($0).isEmpty && !StepBuilder.isEllipsis($0) } ?? -1
        for (i, raw) in rawNodes.enumerated() {
            if i > 0, pendingRelation == nil, let r = rawRelations[i - 1], !r.isEmpty { pendingRelation = r }
            if StepBuilder.isEllipsis(MarkupStripper.strip(raw)) { pendingElision = true; continue }
            let step = StepBuilder.step(raw, isLast: i == lastNonEmpty)
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

    static func hasArrow(_ s: String) -> Bool {
        var u = Array(s.utf8)
        return u.withUnsafeMutableBufferPointer { ArrowSplitter.containsArrow(UnsafeBufferPointer($0)) }
    }

    private static func endsWithArrow(_ s: String) -> Bool {
        var u = Array(s.utf8)
        return u.withUnsafeMutableBufferPointer { ArrowSplitter.endsWithArrow(UnsafeBufferPointer($0)) }
    }

    private static func startsWithArrow(_ s: String) -> Bool {
        var u = Array(s.utf8.prefix(4))
        return u.withUnsafeMutableBufferPointer { ArrowSplitter.arrowLength(UnsafeBufferPointer($0), 0) > 0 }
    }
}

extension String {
    /// Pieces between occurrences of `separator` (no Foundation needed).
    func components(separatedBy separator: String) -> [String] {
        var out: [String] = []
        var rest = self[...]
        while let r = rest.range(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }
}

extension String {
    /// The last range of `target`, or nil.
    func range(ofLast target: String) -> Range<Index>? {
        var found: Range<Index>? = nil
        var rest = self[...]
        while let r = rest.range(of: target) {
            found = r
            rest = rest[r.upperBound...]
        }
        return found
    }
}
