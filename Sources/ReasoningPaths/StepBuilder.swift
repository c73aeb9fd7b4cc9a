/// Turns the raw text of one step into a `PathStep`: markup removed, name and qualifier separated.
enum StepBuilder {
    private static let abbreviations: Set<String> = ["etc.", "e.g.", "i.e.", "vs.", "al.", "approx.", "inc.", "no.", "dr.", "st.", "cf.", "viz."]

    /// True for steps that only mark an elision: `...`, `…`, `. . .`.
    static func isEllipsis(_ s: String) -> Bool {
        let compact = s.filter { !$0.isWhitespace }
        return compact == "..." || compact == "…" || compact == "...." || compact == "[...]" || compact == "(...)"
    }

    /// The step for `raw`: markup stripped; when `isLast`, one trailing period removed.
    static func step(_ raw: String, isLast: Bool) -> PathStep {
        var text = MarkupStripper.strip(raw)
        if isLast { text = strippingFinalPeriod(text) }
        let (name, qualifier) = splitQualifier(text)
        return PathStep(text: text, name: name, qualifier: qualifier)
    }

    /// `text` without one trailing `.`, unless it ends with an ellipsis or a known abbreviation.
    static func strippingFinalPeriod(_ text: String) -> String {
        guard text.hasSuffix("."), !text.hasSuffix("..") else { return text }
        let lastWord = text.split(whereSeparator: { $0 == " " || $0 == "(" }).last.map { $0.lowercased() } ?? ""
        if abbreviations.contains(lastWord) { return text }
        return String(text.dropLast()).trimmedSpaces()
    }

    /// Splits `Calcium channel blockers (e.g., Amlodipine)` into the name and the parenthetical's inner text.
    static func splitQualifier(_ text: String) -> (String, String?) {
        guard text.hasSuffix(")") else { return (text, nil) }
        var depth = 0
        var idx = text.endIndex
        while idx > text.startIndex {
            idx = text.index(before: idx)
            let c = text[idx]
            if c == ")" { depth += 1 } else if c == "(" {
                depth -= 1
                if depth == 0 { break }
            }
        }
        guard depth == 0, text[idx] == "(", idx > text.startIndex else { return (text, nil) }
        let name = String(text[..<idx]).trimmedSpaces()
        let inner = String(text[text.index(after: idx)..<text.index(before: text.endIndex)]).trimmedSpaces()
        guard !name.isEmpty, !inner.isEmpty else { return (text, nil) }
        return (name, inner)
    }
}
