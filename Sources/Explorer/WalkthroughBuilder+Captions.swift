/// The plain-text captions of walkthrough steps (used under the SVG frames): the step's title, then its content, one
/// line per item. Long texts are shortened; the HTML and PDF show them in full.
extension WalkthroughBuilder {
    /// At most this many characters of a long text go into a caption.
    static let captionTextLimit = 600

    static func short(_ text: String, _ limit: Int = captionTextLimit) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            .joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    func caseCaption(_ w: Walkthrough) -> [String] {
        var lines = ["Case: " + Self.short(w.title, 200)]
        if !w.vignette.isEmpty { lines.append(Self.short(w.vignette)) }
        lines.append("Question: " + Self.short(w.question, 400))
        for option in w.options { lines.append("\(option.letter). " + Self.short(option.text, 200)) }
        return lines
    }

    static func hopCaption(title: String, _ hop: WalkthroughHop) -> [String] {
        var lines = ["\(title): " + Self.short(hop.arrowText, 300)]
        if let verdict = hop.verdict {
            lines.append("Ontology: \(verdict) — " + hop.verdictMeaning)
        } else {
            lines.append("Ontology: " + hop.verdictMeaning)
        }
        for line in hop.evidence.prefix(3) { lines.append("  evidence: " + Self.short(line, 300)) }
        for end in [hop.from] + (hop.to.map { [$0] } ?? []) {
            if let concept = end.concepts.first {
                lines.append("  \(Self.short(end.label, 80)) = \(concept.id) \(Self.short(concept.label, 80))"
                             + (concept.type.map { " (\($0))" } ?? ""))
            } else if hop.verdict != nil {
                lines.append("  \(Self.short(end.label, 80)): not linked to any concept")
            }
        }
        if hop.reasoning.isEmpty {
            lines.append("Model's reasoning: no matching sentence")
        } else {
            for match in hop.reasoning.prefix(2) {
                lines.append("Model's reasoning (line \(match.line)): " + Self.short(match.text, 300))
            }
        }
        return lines
    }

    func conclusionCaption(_ w: Walkthrough) -> [String] {
        var lines = ["The model's conclusion (model claim)"]
        lines.append("Conclusion: " + (w.conclusion.map { Self.short($0) } ?? "none written"))
        lines.append("Final answer: " + (w.finalAnswer.map { Self.short($0) } ?? "none written"))
        return lines
    }

    func referenceCaption(_ w: Walkthrough) -> [String] {
        var lines = ["Reference answer (from the case file)"]
        lines.append(w.referenceAnswer.isEmpty ? "No reference answer: the text was not explored from a case." : Self.short(w.referenceAnswer, 700))
        for point in w.teachingPoints { lines.append("• " + Self.short(point, 300)) }
        if let check = w.optionCheck { lines.append(check.summary) }
        return lines
    }
}
