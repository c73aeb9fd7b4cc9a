import Foundation
import Grounding

/// Writes a batch's aggregate report from its `items.jsonl` (so a resumed run reports every item): `summary.json`,
/// `summary.md`, `items.csv`, `hops.csv` and four SVG bar charts, each file written atomically.
///
/// ```swift
/// let summary = try BatchReportWriter.write(directory: "out", manifest: manifest, threads: 2)
/// ```
public enum BatchReportWriter {
    /// The report's file names, in the order written.
    public static let fileNames = ["items.csv", "hops.csv", "chart-path-lengths.svg", "chart-branching.svg",
                                   "chart-verdicts.svg", "chart-top-nodes.svg", "summary.json", "summary.md"]

    /// The columns of `items.csv`.
    public static let itemColumns = ["id", "line", "error", "format", "text_field", "path_source", "paths",
                                     "mean_path_length", "max_path_length", "nodes", "edges", "grounded_nodes",
                                     "attested", "attested_via_is_a", "plausible", "unattested", "ungrounded",
                                     "grounding_score", "warnings", "gold_answer", "agreement", "final_answer", "sha256"]

    /// The columns of `hops.csv`.
    public static let hopColumns = ["from", "to", "from_id", "to_id", "texts", "verdict", "attested",
                                    "attested_via_is_a", "plausible", "unattested", "ungrounded"]

    /// Reads `directory/items.jsonl`, aggregates it and writes every report file; returns the summary.
    @discardableResult
    public static func write(directory: String, manifest: BatchManifest?, threads: Int) throws -> BatchSummary {
        var aggregate = BatchAggregate()
        var items = BatchCSVWriter(capacity: 1 << 20)
        items.header(itemColumns)
        let unreadable = try BatchRecordReader.read(path: directory + "/" + BatchJournal.itemsName, threads: threads) { r in
            aggregate.add(r)
            itemRow(r, into: &items)
        }
        aggregate.unreadableLines = unreadable
        let ranked = aggregate.rankedHops()
        let summary = aggregate.summary(manifest: manifest, ranked: ranked)
        var hops = BatchCSVWriter(capacity: 1 << 20)
        hops.header(hopColumns)
        for i in ranked { hopRow(aggregate.hopList[i], into: &hops) }
        try AtomicFileWriter.write(items.bytes, to: directory + "/items.csv")
        try AtomicFileWriter.write(hops.bytes, to: directory + "/hops.csv")
        for chart in BatchCharts.all(summary) {
            try AtomicFileWriter.write(Array(chart.svg.utf8), to: directory + "/" + chart.name)
        }
        try AtomicFileWriter.write(try json(summary), to: directory + "/summary.json")
        try AtomicFileWriter.write(Array(BatchMarkdown.render(summary).utf8), to: directory + "/summary.md")
        return summary
    }

    /// The summary as pretty JSON with sorted keys.
    public static func json(_ summary: BatchSummary) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(summary)) + [0x0A]
    }

    /// One `items.csv` row (CRLF included).
    public static func itemRow(_ r: BatchItemRecord) -> String {
        var w = BatchCSVWriter(capacity: 256)
        let start = w.bytes.count
        itemRow(r, into: &w)
        return String(decoding: w.bytes[start...], as: UTF8.self)
    }

    static func itemRow(_ r: BatchItemRecord, into w: inout BatchCSVWriter) {
        w.text(r.id)
        w.int(r.line)
        if let error = r.error {
            w.text(error)
            for _ in 3..<itemColumns.count { w.plain("") }
            w.endRow()
            return
        }
        w.plain("")
        w.text(r.format)
        w.text(r.textField)
        w.plain(r.pathSource.rawValue)
        let lengths = r.pathLengths
        w.int(lengths.count)
        w.plain(lengths.isEmpty ? "" : JSONText.number(Double(lengths.reduce(0, +)) / Double(lengths.count)))
        w.int(lengths.max())
        w.int(r.nodes.count)
        w.int(r.hops.count)
        w.int(r.verdicts.isEmpty ? nil : r.groundedNodes)
        for v in HopVerdict.allCases { w.int(r.verdicts.isEmpty ? nil : r.verdicts[v.rawValue] ?? 0) }
        w.plain(r.groundingScore.map(JSONText.number) ?? "")
        w.int(r.warnings)
        w.text(r.goldAnswer)
        w.plain(r.agreement.map { $0 ? "yes" : "no" } ?? "")
        w.text(r.finalAnswer)
        w.plain(r.sha256 ?? "")
        w.endRow()
    }

    /// One `hops.csv` row (CRLF included).
    public static func hopRow(_ h: BatchSummary.HopCount) -> String {
        var w = BatchCSVWriter(capacity: 256)
        let start = w.bytes.count
        w.text(h.fromLabel)
        w.text(h.toLabel)
        w.text(h.from)
        w.text(h.to)
        w.int(h.texts)
        w.plain(h.verdict ?? "")
        for v in HopVerdict.allCases { w.plain(h.verdicts.isEmpty ? "" : String(h.verdicts[v.rawValue] ?? 0)) }
        w.endRow()
        return String(decoding: w.bytes[start...], as: UTF8.self)
    }

    static func hopRow(_ s: BatchAggregate.HopStat, into w: inout BatchCSVWriter) {
        w.text(s.from)
        w.text(s.to)
        w.text(s.key.from)
        w.text(s.key.to)
        w.int(s.texts)
        w.plain(s.top ?? "")
        for i in 0..<BatchAggregate.VerdictCounts.count { w.plain(s.checked ? String(s.verdicts[i]) : "") }
        w.endRow()
    }
}
