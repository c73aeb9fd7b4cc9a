import Explorer
import Foundation
import Testing
import TestSupport

@Suite("Batch report formats")
struct BatchReportTests {
    static let hostile = ["<script>alert(1)</script>", "\"]; x [label=\"pwned", "a,b\"c\nd", "=HYPERLINK(\"x\")",
                          "Tom & Jerry's 'quote'", "bell\u{07}and\u{1B}escape", "|pipe| *bold* [link](x) `code`"]

    @Test("CSV fields are quoted per RFC 4180 and formula-like text is defused")
    func csv() {
        #expect(BatchCSV.field("plain") == "plain")
        #expect(BatchCSV.field("a,b") == "\"a,b\"")
        #expect(BatchCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(BatchCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(BatchCSV.field("cr\rhere") == "\"cr\rhere\"")
        #expect(BatchCSV.text("\"];") == "\"\"\"];\"")
        #expect(BatchCSV.text("<script>") == "<script>")
        #expect(BatchCSV.text("=1+2") == "'=1+2")
        #expect(BatchCSV.text("-cmd,x") == "\"'-cmd,x\"")
        #expect(BatchCSV.text(nil) == "")
        #expect(BatchCSV.row(["a", "b"]) == "a,b\r\n")
    }

    @Test("a hostile label round-trips through an items.csv row")
    func csvRoundTrip() throws {
        for label in Self.hostile {
            let record = BatchItemRecord(id: label, line: 3, sha256: "00", format: "medreason", pathSource: .explicit,
                                         pathLengths: [2], nodes: [], hops: [], groundedNodes: 0, verdicts: [:],
                                         groundingScore: nil, finalAnswer: label, warnings: 0, unattestedHops: [])
            let row = BatchReportWriter.itemRow(record)
            let cells = Self.parseCSV(row)
            #expect(cells.count == BatchReportWriter.itemColumns.count, "\(label)")
            let expected = label.first.map { "=+-@".contains($0) } == true ? "'" + label : label
            #expect(cells.first == expected && cells[21] == expected, "\(label)")
        }
    }

    /// A small RFC 4180 reader for one record.
    static func parseCSV(_ text: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text)
        if chars.last == "\r\n" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            i += 1
        }
        cells.append(cell)
        return cells
    }

    @Test("SVG charts escape every label and stay well-formed")
    func svg() throws {
        let bars = Self.hostile.enumerated().map { BarChartSVG.Bar(label: $1, value: Double($0 + 1), color: "red\"/><x y=\"") }
        let svg = BarChartSVG(title: "<b>Top</b> & co", subtitle: "\"sub\"", bars: bars, footer: BatchSummary.disclaimer).render()
        #expect(!svg.contains("<script>") && !svg.contains("\"];") && !svg.contains("<b>") && !svg.contains("<x "))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("&quot;]; x [label=&quot;pwned"))
        #expect(!svg.contains("\u{07}") && !svg.contains("\u{1B}"))
        let parsed = try SVGInspection(Array(svg.utf8))
        #expect(parsed.texts.contains("<b>Top</b> & co"))
        #expect(parsed.texts.contains("<script>alert(1)</script>"))
        #expect(parsed.texts.contains("\"]; x [label=\"pwned"))
        #expect(parsed.titles.contains("a,b\"c\nd: 3"))
        #expect(parsed.allText.contains("not clinical advice"))
    }

    @Test("long labels are shortened for display and kept whole in the tooltip")
    func longLabel() throws {
        let label = String(repeating: "mechanism ", count: 12)
        let svg = BarChartSVG(title: "t", bars: [.init(label: label, value: 1)], footer: "f").render()
        let parsed = try SVGInspection(Array(svg.utf8))
        #expect(parsed.texts.contains { $0.hasSuffix("…") && $0.count == 42 })
        #expect(parsed.titles.contains("\(label): 1"))
    }

    @Test("Markdown cells escape table, emphasis and HTML syntax")
    func markdown() {
        #expect(BatchMarkdown.cell("|pipe| *bold* <b>") == "\\|pipe\\| \\*bold\\* &lt;b&gt;")
        #expect(BatchMarkdown.cell("two\nlines") == "two lines")
        #expect(BatchMarkdown.cell("\"];") == "\"\\];")
    }

    @Test("progress lines and bars show done/total, rate and ETA")
    func progress() {
        #expect(ProgressMeter.line(done: 1234, processed: 1000, total: 32000, elapsed: 2, label: "b")
                    == "b: 1,234/32,000 (3.9%), 500 items/s, ETA 1:02")
        #expect(ProgressMeter.bar(done: 16000, processed: 16000, total: 32000, elapsed: 16, label: "b", width: 10)
                    == "b [#####.....] 16,000/32,000 (50.0%), 1,000 items/s, ETA 0:16")
        #expect(ProgressMeter.line(done: 10, processed: 10, total: 10, elapsed: 3725, label: "b").hasSuffix(", 1:02:05"))
    }

    @Test("a record survives its JSON line")
    func recordRoundTrip() throws {
        let r = BatchItemRecord(id: "x\"y", line: 9, sha256: "ab", format: "medreason", textField: "output",
                                pathSource: .mined, pathLengths: [3, 2],
                                nodes: [.init(id: "a", label: "A<", concept: "ddx-core:a"), .init(id: "b", label: "B")],
                                hops: [.init(from: "a", to: "b", verdict: "unattested")], groundedNodes: 1,
                                verdicts: ["unattested": 1, "attested": 0], groundingScore: 0.25, finalAnswer: "é\n",
                                goldAnswer: "B", agreement: false, warnings: 2, unattestedHops: ["A< -> B"])
        let line = r.jsonLine()
        #expect(line.last == 0x0A && line.dropLast().allSatisfy { $0 != 0x0A })
        #expect(try BatchItemRecord(jsonLine: line) == r)
        let failure = BatchItemRecord(failure: BatchItemFailure(id: "line 4", line: 4, message: "bad"))
        #expect(String(decoding: failure.jsonLine(), as: UTF8.self) == "{\"id\":\"line 4\",\"line\":4,\"error\":\"bad\"}\n")
        #expect(try BatchItemRecord(jsonLine: failure.jsonLine()) == failure)
    }
}
