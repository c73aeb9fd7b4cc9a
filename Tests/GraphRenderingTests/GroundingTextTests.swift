import Foundation
@testable import GraphRendering
import ReasoningPaths
import Testing

/// Ontology grounding in Mermaid and JSON, and the pieces shared by all writers.
@Suite("Ontology grounding: Mermaid, JSON and shared text")
struct GroundingTextTests {
    let renderer = GraphRenderer()

    /// FNV-1a (64-bit) of `bytes`, to pin exports that must not change.
    func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    // MARK: Mermaid

    @Test("Mermaid: concept ids as a second line, a classDef per concept type, verdict link styles, verdict comments")
    func mermaidStructure() throws {
        let text = try renderer.mermaidSource(GraphFixtures.sample(), annotations: GraphFixtures.groundedAnnotations)
        #expect(text.contains(#"n1(["Chest pain<br/>#40;e.g., crushing, radiating to<br/>the left arm#41;<br/>HP:0100749"])"#))
        #expect(text.contains(#"n6{{"ST-elevation myocardial<br/>infarction<br/>DDX:0000103"}}"#))
        #expect(text.contains(#"n4>"Smoking is a major risk factor<br/>for coronary artery disease"]"#))
        #expect(text.contains("classDef ddxType_symptom fill:#EEDD88,stroke:#333333"))
        #expect(text.contains("classDef ddxType_disease fill:#FFAABB"))
        #expect(text.contains("classDef ddxUnlinked fill:#FFFFFF,stroke:#888888,stroke-width:1px,stroke-dasharray:4 3"))
        #expect(!text.contains("ddxType_drug"))
        #expect(text.contains("class n3,n6 ddxType_disease\n"))
        #expect(text.contains("class n4 ddxUnlinked\n"))
        #expect(!text.contains("class n1 finding"))
        // Elided: a circle end instead of the dotted arrow; dashes belong to the verdicts now.
        #expect(text.contains(#"n1 --o|"P3"| n6"#))
        #expect(!text.contains("-.->"))
        #expect(text.contains("linkStyle 0 stroke:#0072B2,stroke-width:1.6px,stroke-dasharray:6 4\n"))
        #expect(text.contains("linkStyle 1 stroke:#009E73,stroke-width:1.6px,stroke-dasharray:2 4,stroke-opacity:0.5\n"))
        #expect(text.contains("linkStyle 2 stroke:#0072B2,stroke-width:2.8px\n"))
        #expect(text.contains("linkStyle 3 stroke:#0072B2,stroke-width:1.6px\n"))
        #expect(text.contains("linkStyle 4 stroke:#E69F00,stroke-width:1.6px,stroke-dasharray:2 4\n"))
        for line in ["%% n1 --> n2: plausible", "%% n1 --> n6: ungrounded (steps elided)", "%% n2 --> n3: attested",
                     "%% n3 --> n6: attested-via-is-a", "%% n5 --> n3: unattested"] {
            #expect(text.contains("    " + line + "\n"))
        }
        #expect(text.contains("attested = found in the loaded ontology #40;ddx-core 0.3, HPO 2024-04-26#41;, "
                              + "not a judgement of<br/>correctness"))
    }

    @Test("Mermaid: hostile ontology text is entity-encoded; comments and class names carry only ddx's text")
    func mermaidHostile() throws {
        let text = try renderer.mermaidSource(GraphFixtures.hostile(), annotations: GraphFixtures.hostileGroundedAnnotations)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 })
        for line in lines where line.contains("\"") {
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            for label in stride(from: 1, to: parts.count, by: 2).map({ parts[$0] }) {
                let bare = String(label).replacing("<br/>", with: "").replacing(/#[0-9]+;/, with: "")
                for special in ["\"", "(", ")", "<", ">", "[", "]", "{", "}", "|", ";", "%", "`", "\\", "&", "#"] {
                    #expect(!bare.contains(special), "raw \(special) in label \(label)")
                }
            }
        }
        #expect(text.contains("#60;script#62;alert#40;1#41;#60;/script#62;"))
        #expect(text.contains("#34;#93;#59; x #91;label=#34;pwn"))
        #expect(text.contains("#38;amp#59; #38;lt#59;"))
        #expect(text.contains("javascript:alert#40;1#41;"))
        #expect(!text.contains("<script"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0 == "\u{202E}" })
        // Comments: only generated ids, verdict names from ddx's list and fixed text.
        let allowed = try Regex(#"^    %% (n[0-9]+ --> n[0-9]+: (attested|attested-via-is-a|plausible|unattested|ungrounded)( \(steps elided\))?|Hop verdicts .*|Model-generated .*|Written by ddx.*)$"#)
        for line in lines where line.hasPrefix("    %%") {
            #expect(line.wholeMatch(of: allowed) != nil, "unexpected comment \(line)")
        }
        #expect(text.contains(": ungrounded\n"))  // the unknown verdicts
        for line in lines where line.contains("classDef") || line.hasPrefix("    class ") {
            #expect(line.allSatisfy { $0.isASCII }, "non-ASCII class line \(line)")
            #expect(!line.contains("evil"))
        }
        #expect(text.contains("ddxUntyped"))
    }

    @Test("Mermaid without ontology is byte-identical to the pre-grounding writer")
    func mermaidUnchanged() throws {
        // Pinned from the writer before grounding existed (sample and hostile fixtures, full annotations).
        let sample = try renderer.render(GraphFixtures.sample(), as: .mmd, annotations: GraphFixtures.annotations)
        #expect(fnv1a(sample) == 0x49ba_a68d_8089_4c7b && sample.count == 1663)
        let hostile = try renderer.render(GraphFixtures.hostile(), as: .mmd, annotations: GraphFixtures.annotations)
        #expect(fnv1a(hostile) == 0x5e7e_f5fa_80c8_79d7 && hostile.count == 2341)
    }

    // MARK: JSON

    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("JSON: grounding block only with ontology; nodes, sorted edges, sources; null type; finite scores")
    func json() throws {
        let graph = GraphFixtures.sample()
        let plain = try object(try renderer.render(graph, as: .json, annotations: GraphFixtures.annotations))
        #expect(plain["grounding"] == nil)
        let bytes = try renderer.render(graph, as: .json, annotations: GraphFixtures.groundedAnnotations)
        let json = try object(bytes)
        #expect(Set(json.keys) == ["nodes", "edges", "paths", "disclaimer", "inputSHA256", "source", "title", "grounding"])
        let grounding = try #require(json["grounding"] as? [String: Any])
        #expect(Set(grounding.keys) == ["nodes", "edges", "sources"])
        #expect(grounding["sources"] as? [String] == GraphFixtures.ontologySources)
        let nodes = try #require(grounding["nodes"] as? [String: [String: Any]])
        #expect(Set(nodes.keys) == ["chest-pain", "coronary-occlusion", "myocardial-ischemia", "stemi", "st-elevation"])
        let chest = try #require(nodes["chest-pain"])
        #expect(Set(chest.keys) == ["conceptID", "conceptLabel", "type", "score", "match", "source"])
        #expect(chest["conceptID"] as? String == "HP:0100749")
        #expect(chest["type"] as? String == "symptom")
        #expect(chest["score"] as? Double == 1)
        #expect(chest["match"] as? String == "exact")
        let edges = try #require(grounding["edges"] as? [[String: Any]])
        #expect(edges.map { "\($0["from"]!)>\($0["to"]!)" } == ["chest-pain>coronary-occlusion",
                                                                 "coronary-occlusion>myocardial-ischemia",
                                                                 "myocardial-ischemia>stemi", "st-elevation>myocardial-ischemia"])
        #expect(edges[1]["verdict"] as? String == "attested")
        #expect(edges[1]["evidence"] as? [String] == ["DDX:0000101 causes DDX:0000102 (ddx-core)"])
        #expect(edges[3]["evidence"] as? [String] == [])
        #expect(try renderer.render(graph, as: .json, annotations: GraphFixtures.groundedAnnotations) == bytes)
        #expect(try JSONDecoder().decode(ReasoningGraph.self, from: Data(bytes)) == graph)

        let hostileBytes = try renderer.render(GraphFixtures.hostile(), as: .json,
                                               annotations: GraphFixtures.hostileGroundedAnnotations)
        let hostile = try #require(try object(hostileBytes)["grounding"] as? [String: Any])
        let hostileNodes = try #require(hostile["nodes"] as? [String: [String: Any]])
        #expect(hostileNodes["hostile-1"]?["type"] is NSNull)
        #expect(hostileNodes["hostile-2"]?["score"] as? Double == 0)
        #expect(hostileNodes["hostile-0"]?["conceptID"] as? String == "<script>alert(1)</script>")
        #expect(hostileNodes["hostile-1"]?["conceptLabel"] as? String == #"label "]; x [label="pwn"#)
        #expect(hostileNodes["hostile-3"]?["source"] as? String == "src javascript:alert(1)")
        let hostileEdges = try #require(hostile["edges"] as? [[String: Any]])
        #expect(hostileEdges.first?["evidence"] as? [String] == GraphFixtures.hostileOntologyText.map { "evidence " + $0 })
        #expect(hostileEdges.contains { $0["verdict"] as? String == #""]; x [label="pwn"# })
        #expect(hostile["sources"] as? [String] == GraphFixtures.hostileOntology().sources)
    }

    // MARK: Shared pieces

    @Test("HTML label text escapes markup and doubles backslashes; attribute values become numeric references")
    func htmlLabelEscaping() {
        #expect(GraphvizText.htmlLabelText(#"<a href="x">&'\N"#) == #"&lt;a href=&quot;x&quot;&gt;&amp;&#39;\\N"#)
        #expect(GraphvizText.numericReferences("#4a") == "&#35;&#52;&#97;")
        #expect(GraphvizText.numericReferences(#"\"#) == "")
        let html = GraphvizDocument.conceptLabelHTML(lines: ["a & b"], conceptID: #"<x>\G"#, style: .default)
        #expect(html == #"a &amp; b<BR/><FONT POINT-SIZE="9" COLOR="&#35;&#52;&#52;&#52;&#52;&#52;&#52;">&lt;x&gt;\\G</FONT>"#)
        #expect(html.contains("&#"))
    }

    @Test("legend with grounding: ddx's captions, escaped and capped source names; without it unchanged")
    func legend() {
        let style = GraphStyle.default
        let before = GraphvizLegend.html(style: style, roles: [.finding], pathIndices: [1], showsElided: true)
        #expect(before.contains("dashed: steps elided") && !before.contains("Concept type"))
        let grounding = GraphvizLegend.Grounding(
            kinds: [.type("disease"), .untyped, .unlinked], verdicts: ["attested", "unattested"],
            sources: ["<script>x</script>", #"a"b\N"#, "  ", "<script>x</script>", String(repeating: "s", count: 500)])
        let html = GraphvizLegend.html(style: style, roles: [.finding], pathIndices: [1], showsElided: true,
                                       grounding: grounding)
        #expect(html.hasPrefix("<TABLE") && html.hasSuffix("</TABLE>"))
        #expect(html.contains("Concept type") && html.contains("disease") && html.contains("concept of unknown type"))
        #expect(html.contains(#"STYLE="dashed""#) && html.contains(#"STYLE="dotted""#))
        #expect(html.contains("Hop verdict") && !html.contains("plausible"))
        #expect(html.contains("open circle at the arrow: steps elided") && !html.contains("dashed: steps elided"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script"))
        #expect(html.contains(#"a&quot;b\\N"#))
        #expect(html.components(separatedBy: "&lt;script&gt;").count == 2, "duplicate source listed twice")
        #expect(!html.contains(String(repeating: "s", count: 61)))
        #expect(GroundingLook.sourcesText([]) == "no source names")
        let many = (1...9).map { "s\($0)" }
        #expect(GroundingLook.sourcesText(many) == "s1, s2, s3, s4, s5, s6, +3 more")
    }

    @Test("verdicts and types map onto ddx's fixed lists; scores and colours format deterministically")
    func groundingLook() {
        #expect(GroundingLook.normalizedVerdict("attested-via-is-a") == "attested-via-is-a")
        #expect(GroundingLook.normalizedVerdict("Attested") == "ungrounded")
        #expect(GroundingLook.normalizedVerdict(nil) == "ungrounded")
        let concept = NodeConceptAnnotation(conceptID: "", conceptLabel: "x", type: "drug", score: 0.125, match: "fuzzy",
                                            source: "s")
        #expect(GroundingLook.kind(of: concept, style: .default) == .type("drug"))
        var odd = concept
        odd.type = "DRUG"
        #expect(GroundingLook.kind(of: odd, style: .default) == .untyped)
        #expect(GroundingLook.conceptIDText(concept) == "(no id)")
        #expect(GroundingLook.scoreText(0.125) == "0.13" || GroundingLook.scoreText(0.125) == "0.12")
        #expect(GroundingLook.scoreText(1) == "1.00")
        #expect(GroundingLook.scoreText(0.05) == "0.05")
        #expect(GroundingLook.scoreText(.infinity) == "1.00")
        #expect(GroundingLook.scoreText(.nan) == "0.00")
        #expect(GroundingLook.color("#0072B2", opacity: 0.5) == "#0072B280")
        #expect(GroundingLook.color("#0072B2", opacity: 1) == "#0072B2")
        #expect(GroundingLook.color("red", opacity: 0.5) == "red")
        #expect(GraphvizDocument.unlinkedStyle("rounded,filled,bold") == "rounded,bold,filled,dashed")
        #expect(GraphvizDocument.unlinkedStyle("filled") == "filled,dashed")
        let style = GraphStyle.default
        #expect(Set(style.conceptTypeColors.keys) == Set(GraphStyle.conceptTypes))
        #expect(Set(style.conceptTypeColors.values).count == GraphStyle.conceptTypes.count)
        #expect(Set(style.hopStyles.keys) == Set(GraphStyle.hopVerdicts))
        #expect(style.hopStyle(forVerdict: "nonsense") == style.hopStyle(forVerdict: "ungrounded"))
        #expect(style.conceptColor(forType: nil) == style.untypedConceptColor)
    }
}
