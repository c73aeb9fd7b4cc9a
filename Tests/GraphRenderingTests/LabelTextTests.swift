@testable import GraphRendering
import ReasoningPaths
import Testing

@Suite("Label text and escaping")
struct LabelTextTests {
    @Test("wraps at word boundaries within the width")
    func wrapsAtWords() {
        let lines = LabelText.wrapped("Calcium channel blockers reduce afterload and myocardial oxygen demand", width: 30)
        #expect(lines == ["Calcium channel blockers", "reduce afterload and", "myocardial oxygen demand"])
        #expect(LabelText.wrapped("", width: 30).isEmpty)
    }

    @Test("splits a word longer than the width and never splits an emoji")
    func splitsLongWords() {
        #expect(LabelText.wrapped(String(repeating: "a", count: 65), width: 30).map(\.count) == [30, 30, 5])
        let hearts = String(repeating: "🫀", count: 31)
        #expect(LabelText.wrapped(hearts, width: 30) == [String(repeating: "🫀", count: 30), "🫀"])
    }

    @Test("caps the length with an ellipsis and leaves short text alone")
    func truncates() {
        let long = String(repeating: "x", count: 10_000)
        let cut = LabelText.truncated(long, limit: 160)
        #expect(cut.count == 160 && cut.hasSuffix("…"))
        #expect(LabelText.truncated("short", limit: 160) == "short")
        #expect(LabelText.truncated(String(repeating: "y", count: 160), limit: 160).count == 160)
        #expect(LabelText.displayLines(long, width: 30, limit: 160).joined().count == 160)
    }

    @Test("control and bidi characters are replaced, whitespace collapsed")
    func sanitises() {
        #expect(LabelText.singleLine("  a\tb\n\nc\u{0}d\u{7F}e\u{202E}f  ") == "a b c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
        #expect(LabelText.sanitized("a\nb\u{1B}") == "a b\u{FFFD}")
        #expect(LabelText.lines("one\r\ntwo\n\n\u{7}three") == ["one", "two", "\u{FFFD}three"])
    }

    @Test("plain labels escape backslash and ampersand; line breaks are Graphviz's \\n")
    func graphvizLabelEscaping() {
        #expect(GraphvizText.label(lines: [#"a\N"#, "&amp; <b>"]) == #"a\\N\n&amp;amp; <b>"#)
        #expect(GraphvizText.leftJustifiedLabel(lines: ["x", "y"]) == #"x\ly\l"#)
    }

    @Test("tooltips quadruple backslashes (two Graphviz passes) and use real newlines")
    func graphvizTooltipEscaping() {
        #expect(GraphvizText.tooltip(lines: [#"a\N"#, "&"]) == "a\\\\\\\\N\n&amp;")
    }

    @Test("HTML-like label text escapes the XML specials")
    func htmlEscaping() {
        #expect(GraphvizText.htmlEscaped(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }

    @Test("path colours cycle through the palette; shared hops list distinct colours")
    func pathColours() {
        let style = GraphStyle.default
        let palette = GraphStyle.okabeItoPalette
        #expect(style.pathColor(1) == palette[0])
        #expect(style.pathColor(palette.count + 1) == palette[0])
        #expect(style.edgeColors(paths: [1, 2, palette.count + 1]) == [palette[0], palette[1]])
        #expect(style.edgeColors(paths: []) == [style.unassignedEdgeColor])
        #expect(LabelText.pathList([1, 3]) == "P1, P3")
    }

    @Test("the legend holds only ddx's strings and groups paths by colour")
    func legend() {
        let html = GraphvizLegend.html(style: .default, roles: [.finding, .conclusion], pathIndices: [1, 2, 8],
                                       showsElided: true)
        #expect(html.hasPrefix("<TABLE") && html.hasSuffix("</TABLE>"))
        #expect(html.contains("P1, P8") && html.contains("finding") && !html.contains("mechanism"))
        #expect(html.contains("&#160;"))
    }

    @Test("Graphviz node names keep ids, sanitise control characters and stay unique")
    func nodeNames() {
        var taken = Set<String>()
        #expect(GraphvizDocument.uniqueName(for: "chest-pain", taken: &taken) == "chest-pain")
        #expect(GraphvizDocument.uniqueName(for: "chest-pain", taken: &taken) == "chest-pain~2")
        #expect(GraphvizDocument.uniqueName(for: "a\u{0}b", taken: &taken) == "a\u{FFFD}b")
        #expect(GraphvizDocument.uniqueName(for: "%1", taken: &taken) == "_%1")
        #expect(GraphvizDocument.uniqueName(for: "", taken: &taken) == "node")
    }

    @Test("node lines add the qualifiers in parentheses, capped, unless the style hides them")
    func nodeLinesWithQualifiers() {
        let node = GraphNode(id: "expectorants", label: "Expectorants", role: .mechanism, paths: [1], lines: [2],
                             qualifiers: ["e.g., guaifenesin", String(repeating: "x", count: 200)])
        let lines = LabelText.nodeLines(node, style: .default)
        #expect(lines.first == "Expectorants")
        #expect(lines[1].hasPrefix("(e.g., guaifenesin;"))
        #expect(lines.joined().count < 12 + GraphStyle.default.maxQualifierLength + 4)
        #expect(lines.last?.hasSuffix("…)") == true)
        var hidden = GraphStyle.default
        hidden.showsQualifiers = false
        #expect(LabelText.nodeLines(node, style: hidden) == ["Expectorants"])
    }
}
