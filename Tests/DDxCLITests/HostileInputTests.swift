import Foundation
import Testing
import TestSupport

@Suite("hostile labels stay inert")
struct HostileInputTests {
    /// Model text written to break out of SVG, DOT, Mermaid and HTML.
    static let labels = [
        "<script>alert(1)</script>",
        "\"quoted\" finding",
        "Diagnosis \"]; x [label=\"pwn",
        "Back\\slash \\\\ and \\\" escape",
        "&amp; entity &lt;b&gt;",
        "<img src=x onerror=alert(2)>",
        "Value \\N and \\G and \\l here",
        "{{mermaid}} | pipe ; semi %% end",
        "<svg onload=alert(3)>",
        "javascript:alert`4`",
    ]

    /// The labels as a three-path MedReason list.
    static let text: [UInt8] = Array("""
        Finding reasoning paths:

        1. \(labels[0]) -> \(labels[1]) -> \(labels[2])
        2. \(labels[3]) -> \(labels[4]) -> \(labels[5])
        3. \(labels[6]) -> \(labels[7]) -> \(labels[8]) -> \(labels[9])

        """.utf8)

    @Test("the parser keeps every hostile label as written")
    func parsed() throws {
        let result = try DDx.run(["parse", "-"], stdin: Self.text)
        #expect(result.succeeded, "\(result.err)")
        let paths = try #require(try Check.jsonObject(result.stdout)["paths"] as? [[String: Any]])
        let names = paths.flatMap { ($0["steps"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(names == Self.labels)
    }

    @Test("the SVG is well-formed, shows the labels as text, never contains a raw <script>, and adds no node")
    func svg() throws {
        let title = "<script>alert(\"title\")</script>"
        let result = try DDx.run(["render", "-", "-o", "-", "--format", "svg", "--title", title], stdin: Self.text)
        #expect(result.succeeded, "\(result.err)")
        let raw = result.out.lowercased()
        #expect(!raw.contains("<script"))
        #expect(!raw.contains("<img"))
        #expect(!raw.contains("<svg onload"))
        #expect(!raw.contains("<!entity"))
        let svg = try SVGInspection(result.stdout)
        #expect(svg.eventAttributes.isEmpty, "event attributes: \(svg.eventAttributes)")
        #expect(!svg.linkTargets.contains { $0.lowercased().contains("javascript:") })
        for label in Self.labels {
            #expect(svg.texts.contains(label) || svg.tooltips.contains { $0.hasPrefix(label) }, "label lost: \(label)")
        }
        #expect(svg.texts.contains(title))

        let graph = try Check.jsonObject(try DDx.run(["graph", "-"], stdin: Self.text).stdout)
        let ids = try #require(graph["nodes"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == Self.labels.count)
        // Every graph node is drawn once; the only other Graphviz node is the legend. No injected node "x".
        #expect(Set(ids).isSubset(of: Set(svg.nodeTitles)))
        #expect(svg.nodeTitles.count == ids.count + 1, "node titles: \(svg.nodeTitles)")
        #expect(!svg.nodeTitles.contains("x"))
    }

    @Test("Mermaid labels are entity-encoded: no raw quote, bracket or angle bracket inside a label")
    func mermaid() throws {
        let result = try DDx.run(["render", "-", "-o", "-", "--format", "mmd"], stdin: Self.text)
        #expect(result.succeeded, "\(result.err)")
        #expect(!result.out.lowercased().contains("<script"))
        let nodeLines = result.out.split(separator: "\n").filter { $0.wholeMatch(of: /\s{4}n\d+.*/) != nil && !$0.contains("-->") }
        #expect(nodeLines.count == Self.labels.count)
        for line in nodeLines {
            // `<br/>` is ddx's own line break; everything else Mermaid could read must be an entity (`#60;`).
            let label = line.replacingOccurrences(of: "<br/>", with: " ")
            #expect(label.wholeMatch(of: /\s{4}n\d+(\(\[|\(|\{\{|>)"[^"<>\[\]{}|]*"(\]\)|\)|\}\}|\])/) != nil, "unsafe: \(line)")
        }
    }

    @Test("the DOT text keeps hostile labels inside quoted, escaped strings")
    func dot() throws {
        let result = try DDx.run(["render", "-", "-o", "-", "--format", "dot"], stdin: Self.text)
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.contains(#"label="Diagnosis \"]; x [label=\"pwn""#))
        #expect(result.out.contains(#"label="Back\\slash \\\\ and \\\" escape""#))
    }

    @Test("PNG and PDF renders of hostile labels succeed")
    func binary() throws {
        for format in ["png", "pdf"] {
            let result = try DDx.run(["render", "-", "-o", "-", "--format", format], stdin: Self.text)
            #expect(result.succeeded, "\(format): \(result.err)")
            #expect(result.stdout.count > 1000)
        }
    }
}
