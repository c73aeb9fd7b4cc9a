/// Parses MedVerse plan steps: `Transient Step 6: A, B -> C; Dependency: [2, 3]`.
enum PlanStepParser {
    /// The plan edges one step yields (one per hop; none for unrecognised text), or nil when `text`
    /// does not start with `Transient Step N:` / `Step N:`.
    static func parse(_ raw: String, line: Int, source: String) -> [PlanEdge]? {
        var s = MarkupStrippedPrefix.strip(raw.trimmedSpaces())
        let lower = s.lowercased()
        var prefixLength = 0
        if lower.hasPrefix("transient step") { prefixLength = 14 } else if lower.hasPrefix("step") { prefixLength = 4 } else { return nil }
        s = String(s.dropFirst(prefixLength))
        var digits = ""
        while let c = s.first, c == " " { s.removeFirst() }
        while let c = s.first, c.isASCII, c.isNumber { digits.append(c); s.removeFirst() }
        guard let step = Int(digits), digits.count <= 6 else { return nil }
        while let c = s.first, c == " " { s.removeFirst() }
        if s.hasPrefix(":") { s.removeFirst() }
        var body = s.trimmedSpaces()

        var dependencies: [Int] = []
        if let r = body.lowercased().range(ofLast: "dependency") ?? body.lowercased().range(ofLast: "dependencies") {
            let offset = body.lowercased().distance(from: body.lowercased().startIndex, to: r.lowerBound)
            let cut = body.index(body.startIndex, offsetBy: offset)
            var before = String(body[..<cut]).trimmedSpaces()
            if before.hasSuffix(";") || before.hasSuffix(",") { before.removeLast() }
            let tail = body[cut...]
            dependencies = tail.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).compactMap { Int($0) }
            body = before.trimmedSpaces()
        }

        var u = Array(body.utf8)
        let pieces: [String] = u.withUnsafeMutableBufferPointer { mb in
            let b = UnsafeBufferPointer(mb)
            return ArrowSplitter.split(b).map { ByteText.string(b, $0).trimmedSpaces() }
        }
        let text = MarkupStripper.strip(body)
        guard pieces.count >= 2 else {
            let prose = StepBuilder.step(body, isLast: true)
            return [PlanEdge(step: step, line: line, kind: .prose, from: [], to: nil, text: prose.text,
                             dependencies: dependencies, source: source)]
        }
        var edges: [PlanEdge] = []
        var labels: [String] = []
        var sources = splitSources(pieces[0]).map { part -> PathStep in
            var p = part
            if let (l, after, isPath) = PathItemParser.splitLabel(p), !isPath, !after.isEmpty {
                labels.append(l)
                p = after
            }
            return StepBuilder.step(p, isLast: false)
        }.filter { !$0.text.isEmpty }
        // `**Path 1**: X, **Path 2**: X -> Y` names X once per path; the edge has one source X.
        var seen: Set<String> = []
        sources = sources.filter { seen.insert(NodeKey.key(for: $0.name)).inserted }
        for i in 1..<pieces.count {
            let target = StepBuilder.step(pieces[i], isLast: i == pieces.count - 1)
            guard !target.text.isEmpty else { continue }
            edges.append(PlanEdge(step: step, line: line, kind: .chain, from: sources, to: target, text: text,
                                  labels: labels, dependencies: dependencies, source: source))
            sources = [target]
        }
        return edges
    }

    /// Splits merged sources `A, B` on top-level commas, unless the commas form one list phrase
    /// (`Arteries, veins, and capillaries`).
    static func splitSources(_ s: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in s {
            if c == "(" || c == "[" { depth += 1 }
            if (c == ")" || c == "]") && depth > 0 { depth -= 1 }
            if c == "," && depth == 0 { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        parts = parts.map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
        if parts.count > 1, parts.dropFirst().contains(where: { $0.lowercased().hasPrefix("and ") || $0.lowercased().hasPrefix("or ") }) {
            return [s.trimmedSpaces()]
        }
        return parts
    }
}

/// Drops stray emphasis markers in front of a plan step (`**Transient Step 1: …`).
enum MarkupStrippedPrefix {
    static func strip(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == "*" || f == "_" || f == " " { t = t.dropFirst() }
        return String(t)
    }
}
