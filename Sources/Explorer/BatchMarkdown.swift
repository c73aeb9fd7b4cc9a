import Grounding

/// The Markdown summary of a batch run (`summary.md`).
public enum BatchMarkdown {
    /// Untrusted text as Markdown table-cell text: one line, Markdown and HTML punctuation escaped.
    public static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        var out = ""
        for u in BarChartSVG.singleLine(text).unicodeScalars {
            switch u {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|", "\\", "`", "*", "_", "[", "]", "#", "!", "~", "$": out += "\\" + String(u)
            default:
                if u.value >= 0x20 && u.value != 0x7F { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    static func pct(_ share: Double) -> String { BatchCharts.percent(share) }
    static func n(_ v: Int) -> String { ProgressMeter.grouped(v) }
    static func dec(_ v: Double, _ d: Int = 2) -> String { BenchmarkStatistics.format(v, decimals: d) }

    /// The document.
    public static func render(_ s: BatchSummary) -> String {
        var md = "# ddx batch summary\n\n> **\(cell(BatchSummary.disclaimer))**\n\n"
        if let m = s.manifest {
            md += "- Input: `\(code(m.input.path))` (\(m.input.kind.rawValue), \(n(m.input.size)) bytes"
            md += m.input.files.map { ", \(n($0)) files" } ?? ""
            md += ", sha256 `\(m.input.sha256.prefix(16))…`)\n"
            if m.input.kind == .jsonl {
                md += "- Fields: text \(m.fields.text.map { "`\(code($0))`" } ?? "automatic (\(BatchFields.textFallbacks.map { "`\($0)`" }.joined(separator: ", ")))")"
                md += ", id `\(code(m.fields.id))`"
                md += m.fields.answer.map { ", gold answer `\(code($0))`, options `\(code(m.fields.options))`" } ?? ""
                md += "\n"
            }
            md += "- Ontology: " + (m.ontology.isEmpty ? "none (`--no-ontology`)" : m.ontology.map(cell).joined(separator: ", ")) + "\n"
        }
        if !s.textFields.isEmpty {
            md += "- Text read from: " + s.textFields.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "`\(code($0.key))` (\(n($0.value)))" }.joined(separator: ", ") + "\n"
        }
        md += "- Items: \(n(s.items.total)) recorded, \(n(s.items.analysed)) analysed, \(n(s.items.errors)) with errors"
        md += s.items.unreadableLines > 0 ? ", \(n(s.items.unreadableLines)) unreadable lines in items.jsonl" : ""
        md += "\n- Formats: " + s.formats.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \(n($0.value))" }.joined(separator: ", ") + "\n\n"

        let p = s.paths
        md += "## Paths\n\n"
        md += "- Texts with an explicit path list: \(n(p.explicitTexts)) (\(pct(p.explicitShare)))\n"
        md += "- Texts with paths mined from prose: \(n(p.minedTexts)) (\(pct(p.minedShare)))\n"
        md += "- Texts without paths: \(n(p.noPathTexts))\n"
        md += "- Paths: \(n(p.total)); per text mean \(dec(p.perText.mean)), median \(dec(p.perText.median, 1)), max \(p.perText.max)\n"
        md += "- Path length (steps): mean \(dec(p.length.mean)), median \(dec(p.length.median, 1)), max \(p.length.max) — `chart-path-lengths.svg`\n\n"
        md += table(["steps", "paths"], p.length.histogram.map { ["\($0.value)", n($0.count)] })

        md += "## Branching\n\n"
        md += "Out-degree = hops leaving a node within its own text. \(n(s.branching.nodes)) nodes; mean out-degree \(dec(s.branching.outDegree.mean)); \(pct(s.branching.branchingShare)) of nodes branch (2+ outgoing hops) — `chart-branching.svg`.\n\n"
        md += table(["outgoing hops", "nodes"], s.branching.outDegree.histogram.map { ["\($0.value)", n($0.count)] })

        md += "## Grounding and hop verdicts\n\n"
        if s.grounding.ontology {
            md += "- Nodes linked to a concept: \(n(s.grounding.grounded)) of \(n(s.grounding.nodes)) (\(pct(s.grounding.rate)))\n"
            md += "- Mean grounding score per text (attested 1, via is-a 0.75, plausible 0.25): \(dec(s.grounding.meanScore, 3))\n"
            md += "- Hops: \(n(s.verdicts.hops)) — `chart-verdicts.svg`. \"Attested\" means found in the loaded ontology, never \"correct\".\n\n"
            md += table(["verdict", "hops", "share"], HopVerdict.allCases.map(\.rawValue).map {
                [$0, n(s.verdicts.counts[$0] ?? 0), pct(s.verdicts.shares[$0] ?? 0)]
            })
        } else {
            md += "No ontology was loaded: nodes were not linked and hops not checked.\n\n"
        }

        md += "## Most frequent nodes\n\nTexts containing each node (node names are model text) — `chart-top-nodes.svg`.\n\n"
        md += table(["node", "concept", "texts"], s.topNodes.map { [cell($0.label), cell($0.concept), n($0.texts)] })
        md += "## Most frequent hops\n\nAll hops with their verdicts are in `hops.csv`.\n\n"
        md += table(["from", "to", "texts", "verdict"], s.topHops.map { [cell($0.fromLabel), cell($0.toLabel), n($0.texts), $0.verdict ?? ""] })
        if s.grounding.ontology {
            md += "## Most frequent unattested hops\n\nBoth ends linked, and the loaded ontology says nothing that connects them.\n\n"
            md += table(["from", "to", "texts"], s.topUnattestedHops.map { [cell($0.fromLabel), cell($0.toLabel), n($0.texts)] })
        }
        if let a = s.answers {
            md += "## Answer agreement\n\n- \(n(a.agreed)) of \(n(a.withGold)) texts with a gold answer agree (\(pct(a.rate)))\n"
            md += "- Rule: \(cell(a.rule))\n\n"
        }
        md += "## Parse warnings\n\n- \(n(s.warnings.total)) warnings in \(n(s.warnings.texts)) texts (per text in `items.csv`)\n\n"
        if !s.errors.isEmpty {
            md += "## Items with errors\n\n"
            md += s.items.errors > s.errors.count ? "The first \(s.errors.count) of \(n(s.items.errors)); all are in `items.csv`.\n\n" : ""
            md += table(["id", "line", "error"], s.errors.map { [cell($0.id), $0.line.map(String.init) ?? "", cell($0.message)] })
        }
        md += "## Files\n\n`items.jsonl` (one record per item), `items.csv`, `hops.csv` (CSV files start with one `#` comment line; text cells starting with `= + - @` get a leading `'`), `summary.json`, the four `chart-*.svg` files.\n\n"
        md += "---\n\n_\(cell(BatchSummary.disclaimer)) Made by ddx \(cell(s.ddxVersion))._\n"
        return md
    }

    static func code(_ text: String) -> String {
        BarChartSVG.singleLine(text).replacing("`", with: "'")
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "_None._\n\n" }
        var t = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
        for r in rows { t += "| " + r.joined(separator: " | ") + " |\n" }
        return t + "\n"
    }
}
