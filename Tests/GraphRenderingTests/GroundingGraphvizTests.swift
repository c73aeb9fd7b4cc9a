import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GraphRendering
import ReasoningPaths
import Testing
import TestSupport

/// The attributes of the drawn parts (`path`, `polygon`, `ellipse`, `text`) of one Graphviz SVG group.
struct SVGGroup {
    /// `(element name, attribute name → value)` in document order.
    let parts: [(name: String, attributes: [String: String])]
    /// Decoded text of the group's `<text>` elements.
    let texts: [String]

    /// Values of attribute `name` over the parts named `element`.
    func values(_ name: String, of element: String) -> [String] {
        parts.filter { $0.name == element }.compactMap { $0.attributes[name] }
    }

    /// The groups of class `node` or `edge` (ddx's own classes follow Graphviz's), keyed by their `<title>` (`a->b`
    /// for edges).
    static func groups(in bytes: [UInt8], class kind: String) throws -> [String: SVGGroup] {
        let document = try XMLDocument(data: Data(bytes), options: [.nodeLoadExternalEntitiesNever])
        var result: [String: SVGGroup] = [:]
        for case let group as XMLElement in try document.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', normalize-space(@class), ' '), ' \(kind) ')]") {
            let title = (try group.nodes(forXPath: "*[local-name()='title']").first?.stringValue) ?? ""
            var parts: [(String, [String: String])] = []
            var texts: [String] = []
            for case let element as XMLElement in try group.nodes(forXPath: ".//*") {
                let name = element.localName ?? element.name ?? ""
                var attributes: [String: String] = [:]
                for attribute in element.attributes ?? [] {
                    attributes[attribute.localName ?? attribute.name ?? ""] = attribute.stringValue ?? ""
                }
                parts.append((name, attributes))
                if name == "text" { texts.append(element.stringValue ?? "") }
            }
            result[title] = SVGGroup(parts: parts, texts: texts)
        }
        return result
    }
}

/// Ontology grounding in the Graphviz formats (SVG, PNG, PDF, DOT). Serialised like every Graphviz suite.
@Suite("Graphviz rendering with ontology grounding", .serialized)
struct GroundingGraphvizTests {
    let renderer = GraphRenderer()
    let grounded = GraphFixtures.groundedAnnotations

    @Test("SVG: concept ids under the names, fills by concept type, role shapes kept, unlinked dashed white")
    func svgNodes() throws {
        let bytes = try renderer.render(GraphFixtures.sample(), as: .svg, annotations: grounded)
        let svg = try SVGInspection(bytes)
        for id in ["HP:0100749", "DDX:0000101", "DDX:0000102", "DDX:0000103", "DDX:0000201"] {
            #expect(svg.texts.contains(id), "concept id \(id) not drawn")
        }
        for line in ["Chest pain", "Coronary artery occlusion", "ST-elevation myocardial", "infarction"] {
            #expect(svg.texts.contains(line), "label line \(line) missing")
        }
        let nodes = try SVGGroup.groups(in: bytes, class: "node")
        let palette = GraphStyle.conceptTypePalette
        func fills(_ id: String) -> [String] {
            (nodes[id]?.values("fill", of: "ellipse") ?? []) + (nodes[id]?.values("fill", of: "path") ?? [])
                + (nodes[id]?.values("fill", of: "polygon") ?? [])
        }
        #expect(fills("chest-pain").contains(palette["symptom"]!.lowercased()))
        #expect(fills("coronary-occlusion").contains(palette["mechanism"]!.lowercased()))
        #expect(fills("stemi").contains(palette["disease"]!.lowercased()))
        #expect(fills("st-elevation").contains(palette["finding"]!.lowercased()))
        // Roles keep their shapes: findings are ellipses, the others rounded boxes (paths).
        #expect(!(nodes["chest-pain"]?.values("rx", of: "ellipse").isEmpty ?? true))
        #expect(!(nodes["stemi"]?.values("d", of: "path").isEmpty ?? true))
        // The unlinked statement: white fill, dashed grey border, no id line.
        let unlinked = try #require(nodes["smoking-risk"])
        #expect(unlinked.values("fill", of: "polygon").contains("#ffffff"))
        #expect(unlinked.values("stroke", of: "polygon").contains("#888888"))
        #expect(!unlinked.values("stroke-dasharray", of: "polygon").isEmpty)
        #expect(unlinked.texts == ["Smoking is a major risk factor", "for coronary artery disease"])
        // The id line is small.
        let idSize = nodes["stemi"]?.parts.first { $0.name == "text" && $0.attributes["font-size"] == "9.00" }
        #expect(idSize != nil)
        #expect(svg.tooltips.contains { $0.contains("Concept: Chest pain (symptom) · HP:0100749 · exact 1.00 · HPO 2024-04-26") })
        #expect(svg.tooltips.contains { $0.contains("Concept: Coronary occlusion (mechanism) · DDX:0000101 · synonym 0.87") })
        #expect(svg.tooltips.contains { $0.contains("Concept: not linked to the loaded ontology") })
    }

    @Test("SVG: hop style by verdict, colour by path; elided hop marked by an open circle, not dashes")
    func svgEdges() throws {
        let bytes = try renderer.render(GraphFixtures.sample(), as: .svg, annotations: grounded)
        let edges = try SVGGroup.groups(in: bytes, class: "edge")
        let palette = GraphStyle.okabeItoPalette.map { $0.lowercased() }

        let attested = try #require(edges["coronary-occlusion->myocardial-ischemia"])
        #expect(attested.values("stroke-width", of: "path") == ["2.8"])
        #expect(attested.values("stroke-dasharray", of: "path").isEmpty)
        #expect(attested.values("stroke", of: "path") == [palette[0]])

        let viaIsA = try #require(edges["myocardial-ischemia->stemi"])
        #expect(viaIsA.values("stroke-dasharray", of: "path").isEmpty)
        #expect(viaIsA.values("stroke", of: "path") == [palette[0], palette[1]])
        #expect(viaIsA.values("stroke-width", of: "path").allSatisfy { $0 == "1.6" })

        let plausible = try #require(edges["chest-pain->coronary-occlusion"])
        #expect(plausible.values("stroke-dasharray", of: "path") == ["5,2"])

        let unattested = try #require(edges["st-elevation->myocardial-ischemia"])
        #expect(unattested.values("stroke-dasharray", of: "path") == ["1,5"])
        #expect(unattested.values("stroke", of: "path") == [palette[1]])
        #expect(unattested.texts.contains("?"))
        #expect(unattested.parts.contains { $0.name == "text" && $0.attributes["fill"] == "#cc3311" })

        // No verdict given for the elided hop: drawn as ungrounded (dotted, faded, hollow arrow) plus the circle.
        let ungrounded = try #require(edges["chest-pain->stemi"])
        #expect(ungrounded.values("stroke-dasharray", of: "path") == ["1,5"])
        #expect(ungrounded.values("stroke-opacity", of: "path") == ["0.501961"])
        #expect(ungrounded.values("stroke", of: "path") == [palette[2]])
        #expect(ungrounded.values("fill", of: "polygon") == ["none"])
        #expect(ungrounded.parts.contains { $0.name == "ellipse" })

        let svg = try SVGInspection(bytes)
        #expect(svg.tooltips.contains { $0.contains("Ontology: attested\nEvidence: DDX:0000101 causes DDX:0000102 (ddx-core)") })
        #expect(svg.tooltips.contains { $0.contains("Ontology: plausible\nEvidence: types fit symptom of mechanism") })
        #expect(svg.tooltips.contains { $0.contains("Ontology: ungrounded (no verdict for this hop)") })
        #expect(svg.tooltips.contains { $0.hasSuffix("Ontology: unattested") })
    }

    @Test("SVG legend: concept types and verdicts present only, role shapes, elision marker, the fixed note")
    func svgLegend() throws {
        let svg = try SVGInspection(try renderer.render(GraphFixtures.sample(), as: .svg, annotations: grounded))
        for text in ["Concept type", "symptom", "finding", "disease", "mechanism", "not linked to a concept",
                     "Hop verdict", "attested: relation in the ontology", "attested via is-a (broader/narrower concept)",
                     "plausible: types fit, no fact found", "unattested (?): nothing found linking them",
                     "ungrounded: an end not linked (faded, hollow arrow)", "open circle at the arrow: steps elided",
                     "finding (first step): ellipse", "conclusion (last step): box, rounded, bold"] {
            #expect(svg.texts.contains(text), "legend lacks \(text)")
        }
        for absent in ["drug", "test", "procedure", "outcome", "anatomy", "concept of unknown type", "dashed: steps elided"] {
            #expect(!svg.texts.contains(absent), "legend shows \(absent)")
        }
        let joined = svg.texts.joined(separator: " ")
        #expect(joined.contains("attested = found in the loaded ontology (ddx-core 0.3, HPO 2024-04-26), "
                                + "not a judgement of correctness"))
        // Only the verdicts present are listed.
        var partial = GraphFixtures.groundedAnnotations
        partial.ontology?.edges = [:]
        let fewer = try SVGInspection(try renderer.render(GraphFixtures.sample(), as: .svg, annotations: partial))
        #expect(fewer.texts.contains("ungrounded: an end not linked (faded, hollow arrow)"))
        #expect(!fewer.texts.contains("attested: relation in the ontology"))
    }

    @Test("without a legend the fixed note moves into the footer")
    func noteWithoutLegend() throws {
        var style = GraphStyle.default
        style.showsLegend = false
        let svg = try SVGInspection(try GraphRenderer(style: style).render(GraphFixtures.sample(), as: .svg,
                                                                             annotations: grounded))
        #expect(!svg.texts.contains("Hop verdict"))
        #expect(svg.allText.contains("attested = found in the loaded ontology (ddx-core 0.3, HPO 2024-04-26)"))
        #expect(svg.texts.contains(grounded.footer))
    }

    @Test("DOT: fills, HTML id line, verdict styles, arrow markers, tooltips; parses back with the same labels")
    func dot() throws {
        let graph = GraphFixtures.sample()
        let dot = try renderer.dotSource(graph, annotations: grounded)
        #expect(dot.contains(##"fillcolor="#EEDD88""##))
        #expect(dot.contains(##"fillcolor="#FFFFFF""##))
        #expect(dot.contains(#"style="filled,dashed""#))
        #expect(dot.contains("style=dashed"))
        #expect(dot.contains("style=dotted"))
        #expect(dot.contains("penwidth=2.8,"))
        #expect(dot.contains("arrowhead=onormalodot"))
        #expect(dot.contains(#"headlabel="?""#))
        #expect(dot.contains(##"labelfontcolor="#CC3311""##))
        #expect(dot.contains(##"color="#009E7380""##))
        #expect(dot.contains("Ontology: attested-via-is-a"))
        #expect(dot.contains("Concept: Chest pain (\\\nsymptom) · HP:0100749") || dot.contains("Concept: Chest pain (symptom)"))
        let labels = try GraphvizRuntime.nodeAttribute("label", inDOT: dot)
        let node = try #require(graph.nodes.first { $0.id == "stemi" })
        #expect(labels["stemi"] == GraphvizDocument.conceptLabelHTML(lines: LabelText.nodeLines(node, style: .default),
                                                                       conceptID: "DDX:0000103", style: .default))
        #expect(labels["smoking-risk"] == #"Smoking is a major risk factor\nfor coronary artery disease"#)
        #expect(Set(try GraphvizRuntime.nodeNames(inDOT: dot)) == Set(graph.nodes.map(\.id) + [GraphvizDocument.legendName]))
    }

    @Test("PNG and PDF render with grounding, and Graphviz reports no warnings")
    func binaryFormatsAndWarnings() throws {
        let png = try renderer.render(GraphFixtures.sample(), as: .png, annotations: grounded)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try renderer.render(GraphFixtures.sample(), as: .pdf, annotations: grounded)
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        for (graph, annotations) in [(GraphFixtures.sample(), grounded),
                                     (GraphFixtures.hostile(), GraphFixtures.hostileGroundedAnnotations)] {
            let document = GraphvizDocument(graph: graph, style: .default, annotations: annotations)
            let messages = try GraphvizContext.run { context in
                _ = try GraphvizPipeline.export(document, as: .png, in: context)
                return GraphvizMessages.take()
            }
            #expect(messages == "")
        }
    }

    @Test("hostile ontology text stays literal in SVG ids, tooltips and the legend")
    func hostileSVG() throws {
        let annotations = GraphFixtures.hostileGroundedAnnotations
        let bytes = try renderer.render(GraphFixtures.hostile(), as: .svg, annotations: annotations)
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(!raw.contains("<script"))
        #expect(!raw.contains("<b>"))
        #expect(!raw.lowercased().contains("href"))
        let svg = try SVGInspection(bytes)
        for literal in ["<script>alert(1)</script>", #""]; x [label="pwn"#, "&amp; &lt;", "javascript:alert(1)",
                        #"back\slash \N \G \E \T \H \L end\"#] {
            #expect(svg.texts.contains(literal), "concept id not literal: \(literal)")
            #expect(svg.tooltips.contains { $0.contains("Concept: label " + literal) }, "concept label not literal: \(literal)")
            #expect(svg.tooltips.contains { $0.contains("Evidence: evidence " + literal) }, "evidence not literal: \(literal)")
        }
        #expect(svg.texts.contains("ctl\u{FFFD}\u{FFFD}[31m bidi\u{FFFD}x"))
        #expect(!svg.allText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0 == "\u{202E}" })
        // Unknown types and verdicts fall back to ddx's own captions; the raw strings only reach tooltips.
        #expect(svg.texts.contains("concept of unknown type"))
        #expect(!svg.texts.contains("<b>evil</b>"))
        #expect(svg.tooltips.contains { $0.contains("(<b>evil</b>)") })
        #expect(svg.tooltips.contains { $0.contains(#"Ontology: ungrounded (reported as “"]; x [label="pwn”)"#) })
        // Source names: literal, single-line, capped, at most six listed.
        let legend = svg.texts.joined(separator: " ")
        #expect(legend.contains("source <script>alert(1)</script>, source \"]; x [label=\"pwn, source &amp; &lt;, "
                                + "source javascript:alert(1), source"))
        #expect(legend.contains(#"back\slash \N \G \E \T \H \L end\"#))
        #expect(legend.contains("+1 more), not a judgement of correctness"))
        #expect(!legend.contains(String(repeating: "very-long-source-", count: 5)))
    }

    @Test("hostile ontology text survives the DOT writer and parser and injects nothing")
    func hostileDOT() throws {
        let graph = GraphFixtures.hostile()
        let annotations = GraphFixtures.hostileGroundedAnnotations
        let dot = try renderer.dotSource(graph, annotations: annotations)
        let labels = try GraphvizRuntime.nodeAttribute("label", inDOT: dot)
        #expect(labels.count == graph.nodes.count + 1)
        #expect(labels["x"] == nil)
        let ontology = try #require(annotations.ontology)
        for node in graph.nodes where node.id != "%internal" {
            let lines = LabelText.displayLines(node.label, width: 30, limit: 160)
            let expected = ontology.nodes[node.id].map {
                GraphvizDocument.conceptLabelHTML(lines: lines, conceptID: GroundingLook.conceptIDText($0), style: .default)
            } ?? GraphvizText.label(lines: lines)
            #expect(labels[node.id] == expected, "label of \(node.id) changed in the round trip")
        }
        #expect(labels["hostile-0"]?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
        #expect(labels["hostile-1"]?.contains("&quot;]; x [label=&quot;pwn") == true)
        #expect(labels["hostile-2"]?.contains("&amp;amp; &amp;lt;") == true)
        #expect(labels["hostile-4"]?.contains(#"back\\slash \\N \\G"#) == true)
        let tooltips = try GraphvizRuntime.nodeAttribute("tooltip", inDOT: dot)
        #expect(tooltips["hostile-1"]?.contains(#"Concept: label "]; x [label="pwn"#) == true)
        // Model labels stay plain quoted strings; only ddx's own markup is HTML (`label=<`).
        #expect(dot.components(separatedBy: "label=<").count - 1
                == graph.nodes.filter { ontology.nodes[$0.id] != nil }.count + 1)
    }

    @Test("grounded renders are byte-identical for the same input")
    func determinism() throws {
        for (graph, annotations) in [(GraphFixtures.sample(), grounded),
                                     (GraphFixtures.hostile(), GraphFixtures.hostileGroundedAnnotations)] {
            for format in [DiagramFormat.svg, .dot, .mmd, .json] {
                #expect(try renderer.render(graph, as: format, annotations: annotations)
                    == renderer.render(graph, as: format, annotations: annotations), "\(format) differs between runs")
            }
        }
    }

    @Test("without ontology annotations nothing of the grounding appears and elided hops stay dashed")
    func unchangedWithoutOntology() throws {
        let graph = GraphFixtures.sample()
        let plain = GraphFixtures.annotations
        #expect(plain.ontology == nil)
        let dot = try renderer.dotSource(graph, annotations: plain)
        for marker in ["arrowhead", "headlabel", "Concept", "Ontology", "fillcolor=\"#EEDD88\"", "label=<Chest"] {
            #expect(!dot.contains(marker), "ungrounded DOT contains \(marker)")
        }
        #expect(dot.components(separatedBy: "label=<").count == 2)  // the legend only
        #expect(dot.contains("style=dashed"))
        #expect(dot.contains(##"fillcolor="#DCEBFA""##))
        let svg = try SVGInspection(try renderer.render(graph, as: .svg, annotations: plain))
        #expect(svg.texts.contains("dashed: steps elided"))
        #expect(!svg.texts.contains("Hop verdict") && !svg.texts.contains("Concept type"))
        #expect(!svg.allText.contains("attested"))
        // A grounded render differs, and dropping the grounding gives the plain bytes back.
        var grounded = self.grounded
        #expect(try renderer.render(graph, as: .svg, annotations: grounded) != renderer.render(graph, as: .svg, annotations: plain))
        grounded.ontology = nil
        for format in [DiagramFormat.svg, .dot, .mmd, .json] {
            #expect(try renderer.render(graph, as: format, annotations: grounded)
                == renderer.render(graph, as: format, annotations: plain))
        }
    }
}
