/// A simple horizontal bar chart as a standalone SVG document, written by ddx itself (no Graphviz).
///
/// Labels are untrusted (node names are model text): every label is made single-line, stripped of characters XML
/// forbids, shortened for display (the full text goes in a `<title>` tooltip) and escaped.
///
/// ```swift
/// let svg = BarChartSVG(title: "Path lengths", bars: [.init(label: "3 steps", value: 120)],
///                       footer: BatchSummary.disclaimer).render()
/// ```
public struct BarChartSVG: Sendable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// `#RRGGBB`; anything else falls back to the chart's colour.
        public var color: String?
        /// Text after the bar (default: the value).
        public var valueText: String?

        public init(label: String, value: Double, color: String? = nil, valueText: String? = nil) {
            self.label = label
            self.value = value
            self.color = color
            self.valueText = valueText
        }
    }

    public var title: String
    public var subtitle: String?
    public var bars: [Bar]
    /// Small print at the bottom (the disclaimer), wrapped.
    public var footer: String
    public var color = "#4477AA"
    /// Characters of a label shown before it is shortened.
    public var maxLabelCharacters = 42

    public init(title: String, subtitle: String? = nil, bars: [Bar], footer: String) {
        self.title = title
        self.subtitle = subtitle
        self.bars = bars
        self.footer = footer
    }

    /// The SVG document.
    public func render() -> String {
        let width = 820, labelWidth = 290, barArea = 420, rowHeight = 22, top = subtitle == nil ? 48 : 66
        let footerLines = Self.wrap(footer, width: 130)
        let height = top + max(bars.count, 1) * rowHeight + 24 + footerLines.count * 14 + 8
        let maxValue = bars.map(\.value).max() ?? 0
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="Helvetica, Arial, sans-serif">
        <title>\(Self.escape(title))</title>
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#FFFFFF"/>
        <text x="16" y="28" font-size="18" font-weight="bold" fill="#222222">\(Self.escape(title))</text>

        """
        if let subtitle {
            s += "<text x=\"16\" y=\"48\" font-size=\"12\" fill=\"#555555\">\(Self.escape(subtitle))</text>\n"
        }
        if bars.isEmpty {
            s += "<text x=\"16\" y=\"\(top + 16)\" font-size=\"12\" fill=\"#555555\">No data.</text>\n"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let length = maxValue > 0 ? max(bar.value > 0 ? 1 : 0, Int((bar.value / maxValue * Double(barArea)).rounded())) : 0
            let fill = Self.isColor(bar.color) ? bar.color! : (Self.isColor(color) ? color : "#4477AA")
            let shown = Self.shorten(Self.singleLine(bar.label), to: maxLabelCharacters)
            s += "<g>"
            s += "<title>\(Self.escape(bar.label)): \(Self.escape(bar.valueText ?? Self.number(bar.value)))</title>"
            s += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">\(Self.escape(shown))</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" fill=\"\(fill)\"/>"
            s += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\" font-size=\"11\" fill=\"#333333\">\(Self.escape(bar.valueText ?? Self.number(bar.value)))</text>"
            s += "</g>\n"
        }
        var y = top + max(bars.count, 1) * rowHeight + 24
        for line in footerLines {
            s += "<text x=\"16\" y=\"\(y)\" font-size=\"10\" fill=\"#666666\">\(Self.escape(line))</text>\n"
            y += 14
        }
        return s + "</svg>\n"
    }

    /// `text` safe inside SVG text and attribute values: `& < > " '` escaped, characters XML 1.0 forbids dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = u.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if allowed { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Line breaks and tabs as spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 }))
    }

    /// At most `limit` characters, the last one `…` when shortened.
    static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    static func isColor(_ c: String?) -> Bool {
        guard let c, c.utf8.count == 7, c.hasPrefix("#") else { return false }
        return c.utf8.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? ProgressMeter.grouped(Int(v)) : BenchmarkStatistics.format(v, decimals: 3)
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in singleLine(text).split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
