extension BatchSummary {
    /// A few lines for the terminal: items, paths, grounding, verdicts, agreement, warnings.
    public var brief: String {
        func n(_ v: Int) -> String { ProgressMeter.grouped(v) }
        func pct(_ v: Double) -> String { BatchCharts.percent(v) }
        var lines = ["items: \(n(items.total)) (\(n(items.analysed)) analysed, \(n(items.errors)) errors)"]
        if !textFields.isEmpty {
            lines.append("text field: " + textFields.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) (\(n($0.value)))" }
                .joined(separator: ", "))
        }
        lines.append("paths: \(pct(paths.explicitShare)) of texts with a path list, \(pct(paths.minedShare)) mined from prose; \(n(paths.total)) paths, mean length \(BenchmarkStatistics.format(paths.length.mean, decimals: 2)) steps")
        if grounding.ontology {
            lines.append("grounding: \(pct(grounding.rate)) of \(n(grounding.nodes)) nodes linked")
            lines.append("hops: \(n(verdicts.hops)); " + ["attested", "attested-via-is-a", "plausible", "unattested", "ungrounded"]
                .map { "\($0) \(pct(verdicts.shares[$0] ?? 0))" }.joined(separator: ", "))
        }
        if let answers {
            lines.append("answer agreement: \(n(answers.agreed))/\(n(answers.withGold)) (\(pct(answers.rate)))")
        }
        lines.append("parse warnings: \(n(warnings.total)) in \(n(warnings.texts)) texts")
        return lines.joined(separator: "\n")
    }
}
