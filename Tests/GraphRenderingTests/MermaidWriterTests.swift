@testable import GraphRendering
import ReasoningPaths
import Testing

@Suite("Mermaid export")
struct MermaidWriterTests {
    let renderer = GraphRenderer()
    let annotations = GraphFixtures.annotations

    /// The insides of every `"…"` label in the flowchart.
    func quotedLabels(_ text: String) -> [Substring] {
        text.split(separator: "\n").flatMap { line -> [Substring] in
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            return stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
        }
    }

    @Test("hostile labels are entity-encoded: no raw quote, parenthesis, angle bracket or pipe inside labels")
    func hostileLabels() throws {
        let text = try renderer.mermaidSource(GraphFixtures.hostile(), annotations: annotations)
        let lines = text.split(separator: "\n")
        // Every node and edge line has an even number of quotes: labels never leak a raw `"`.
        #expect(lines.allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 })
        let labels = quotedLabels(text)
        #expect(labels.count >= 20)
        for label in labels {
            let bare = String(label).replacing("<br/>", with: "").replacing(/#[0-9]+;/, with: "")
            for special in ["\"", "(", ")", "<", ">", "[", "]", "{", "}", "|", ";", "%", "`", "\\", "&", "#"] {
                #expect(!bare.contains(special), "raw \(special) in label \(label)")
            }
        }
        #expect(text.contains(#"He said #34;hi#34;"#))
        #expect(text.contains("#60;script#62;alert#40;1#41;#60;/script#62;"))
        #expect(text.contains("#38;amp#59; #38;lt#59;"))
        #expect(text.contains("🫀 heart"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("node ids are generated, shapes follow roles, elided hops are dashed, the footer is visible")
    func structure() throws {
        let text = try renderer.mermaidSource(GraphFixtures.sample(), annotations: annotations)
        #expect(text.hasPrefix("flowchart LR\n"))
        // The qualifier is shown under the name, parentheses encoded.
        #expect(text.contains(#"n1(["Chest pain<br/>#40;e.g., crushing, radiating to<br/>the left arm#41;"])"#))
        #expect(text.contains(#"n6{{"ST-elevation myocardial<br/>infarction"}}"#))
        #expect(text.contains(#"n1 -.->|"P3"| n6"#))
        #expect(text.contains(#"n3 -->|"P1, P2"| n6"#))
        #expect(text.contains("%% \(annotations.footer)"))
        #expect(text.contains("ddx_footer[\"Chest pain in a 54-year-old smoker<br/>Source: case-01.txt<br/>\(annotations.footer)\"]"))
        #expect(text.contains("linkStyle 1 stroke:#009E73,stroke-width:1.6px,stroke-dasharray:5 5"))
        #expect(!text.contains("chest-pain"))
        #expect(text.hasSuffix("\n"))
    }

    @Test("Mermaid comments carry only hex digits of the fingerprint")
    func commentIsInert() throws {
        let hostile = DiagramAnnotations(inputSHA256: "ab\n%%{init: {'theme':'dark'}}%%", sourceName: "x\ny")
        let text = try renderer.mermaidSource(GraphFixtures.sample(), annotations: hostile)
        #expect(!text.contains("{init"))
        #expect(text.contains("input SHA-256 abeeda\n"))
    }

    @Test("same input, same bytes; missing node is an error")
    func determinismAndErrors() throws {
        let graph = GraphFixtures.large(count: 40, pathCount: 9)
        #expect(try renderer.render(graph, as: .mmd, annotations: annotations)
            == renderer.render(graph, as: .mmd, annotations: annotations))
        var broken = graph
        broken.edges.append(GraphEdge(from: "nope", to: "n1", paths: [1], lines: [1]))
        #expect(throws: GraphRenderingError.unknownNode("nope")) {
            try renderer.mermaidSource(broken, annotations: annotations)
        }
    }
}
