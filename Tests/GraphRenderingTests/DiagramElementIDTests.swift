import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GraphRendering
import ReasoningPaths
import Testing
import TestSupport

@Suite("SVG ids and classes of nodes and hops")
struct DiagramElementIDTests {
    @Test("parser-made ids are used as they are")
    func parserIDs() {
        #expect(DiagramElementID.node("chest-pain") == "node-chest-pain")
        #expect(DiagramElementID.node("n-1a2b3c4d") == "node-n-1a2b3c4d")
        #expect(DiagramElementID.node("st-elevation-2") == "node-st-elevation-2")
        #expect(DiagramElementID.edge(from: "chest-pain", to: "stemi") == "edge-chest-pain--stemi")
    }

    @Test("other characters are escaped, and every id is safe and splits at its one --")
    func escaping() {
        #expect(DiagramElementID.component("a b") == "a_20b")
        #expect(DiagramElementID.component("a_b") == "a_5fb")
        #expect(DiagramElementID.component("a--b") == "a_2d-b")
        #expect(DiagramElementID.component("-a-") == "_2da_2d")
        #expect(DiagramElementID.component("") == "_")
        #expect(DiagramElementID.component("é") == "_c3_a9")
        let hostile = [#""]; x [label="pwn"#, "<script>", "a--b", "-", "--", "a-", "-b", "x\u{0}y", "🫀", "%x", "a_2db"]
        var seen = Set<String>()
        for id in hostile {
            let c = DiagramElementID.component(id)
            #expect(c.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F })
            #expect(!c.contains("--") && !c.hasPrefix("-") && !c.hasSuffix("-"), "\(c)")
            #expect(seen.insert(c).inserted, "\(id) collides")
            for other in hostile {
                let edge = DiagramElementID.edge(from: id, to: other)
                let parts = edge.dropFirst("edge-".count).components(separatedBy: "--")
                #expect(parts == [c, DiagramElementID.component(other)])
            }
        }
    }

    @Test("class lists use fixed tokens")
    func classes() {
        #expect(DiagramElementID.nodeClass(role: .finding, kind: nil) == "ddx-node role-finding")
        #expect(DiagramElementID.nodeClass(role: .conclusion, kind: .type("disease")) == "ddx-node role-conclusion kind-disease")
        #expect(DiagramElementID.nodeClass(role: .mechanism, kind: .unlinked) == "ddx-node role-mechanism kind-unlinked")
        #expect(DiagramElementID.edgeClass(verdict: "attested-via-is-a", elided: true) == "ddx-edge verdict-attested-via-is-a elided")
        #expect(DiagramElementID.token("a b\"<x>") == "a-b--x-")
    }
}

/// The ids and classes in real Graphviz output, and the run metadata in every export. Serialised (Graphviz).
@Suite("Graphviz ids, classes and run metadata", .serialized)
struct GraphvizIDAndMetadataTests {
    let renderer = GraphRenderer()
    static let metadata = #"{"ddxVersion":"0.0-test","question":"*/ </script> <!-- --> \n x [label=\"pwn\"] & ]]>","seed":18446744073709551615,"temperature":0.7}"#

    static var annotations: DiagramAnnotations {
        var a = GraphFixtures.groundedAnnotations
        a.metadataJSON = metadata
        return a
    }

    @Test("every node and hop group has its DiagramElementID id and classes; the legend its own")
    func svgIDs() throws {
        let graph = GraphFixtures.sample()
        let svg = String(decoding: try renderer.render(graph, as: .svg, annotations: GraphFixtures.groundedAnnotations), as: UTF8.self)
        for node in graph.nodes {
            #expect(svg.contains(#"<g id="\#(DiagramElementID.node(node.id))" class="node ddx-node role-\#(node.role.rawValue)"#), "\(node.id)")
        }
        #expect(svg.contains(#"<g id="node-smoking-risk" class="node ddx-node role-statement kind-unlinked">"#))
        #expect(svg.contains(#"<g id="node-chest-pain" class="node ddx-node role-finding kind-symptom">"#))
        for edge in graph.edges {
            #expect(svg.contains(#"<g id="\#(DiagramElementID.edge(from: edge.from, to: edge.to))" class="edge ddx-edge verdict-"#), "\(edge.from)->\(edge.to)")
        }
        #expect(svg.contains(#"<g id="edge-chest-pain--stemi" class="edge ddx-edge verdict-ungrounded elided">"#))
        #expect(svg.contains(#"<g id="ddx-legend" class="node ddx-legend">"#))
        #expect(!svg.contains("href"), "Graphviz must not emit links")
        let plain = String(decoding: try renderer.render(graph, as: .svg, annotations: GraphFixtures.annotations), as: UTF8.self)
        #expect(plain.contains(#"<g id="node-chest-pain" class="node ddx-node role-finding">"#))
        #expect(plain.contains(#"<g id="edge-chest-pain--stemi" class="edge ddx-edge elided">"#))
    }

    @Test("hostile ids become safe SVG ids; the SVG stays well-formed")
    func hostileIDs() throws {
        let graph = GraphFixtures.hostile()
        let bytes = try renderer.render(graph, as: .svg, annotations: GraphFixtures.hostileGroundedAnnotations)
        _ = try SVGInspection(bytes)
        let svg = String(decoding: bytes, as: UTF8.self)
        let ids = svg.matches(of: /<g id="([^"]*)"/).map { String($0.1) }
        for id in ids { #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, "\(id)") }
        for node in graph.nodes { #expect(ids.contains(DiagramElementID.node(node.id))) }
    }

    @Test("SVG, DOT, PNG, PDF, Mermaid and JSON all carry the run metadata, inert")
    func metadataEverywhere() throws {
        let graph = GraphFixtures.sample()
        let a = Self.annotations
        let inert = RunMetadataEmbedding.inertJSON(Self.metadata)
        #expect(!inert.contains("*/") && !inert.contains("<") && !inert.contains("\n") && !inert.contains("-->"))
        // The inert form is the same JSON value.
        let reparsed = try #require(try JSONSerialization.jsonObject(with: Data(inert.utf8)) as? [String: Any])
        #expect(reparsed["question"] as? String == "*/ </script> <!-- --> \n x [label=\"pwn\"] & ]]>")

        let svgBytes = try renderer.render(graph, as: .svg, annotations: a)
        let svg = String(decoding: svgBytes, as: UTF8.self)
        #expect(svg.contains("<metadata id=\"ddx-run-metadata\">"))
        let document = try XMLDocument(data: Data(svgBytes), options: [.nodeLoadExternalEntitiesNever])
        let meta = try #require(try document.nodes(forXPath: "//*[local-name()='metadata']").first?.stringValue)
        #expect(meta == inert)
        #expect((try JSONSerialization.jsonObject(with: Data(meta.utf8)) as? [String: Any])?["ddxVersion"] as? String == "0.0-test")

        let dot = try renderer.dotSource(graph, annotations: a)
        #expect(dot.hasPrefix("digraph ddx {\n/* ddx run metadata (JSON): "))
        let comment = try #require(dot.firstMatch(of: /\/\* ddx run metadata \(JSON\): (.*) \*\//))
        #expect(String(comment.1) == inert)
        #expect(dot.components(separatedBy: "*/").count == 2, "only one comment end")
        #expect(try GraphvizRuntime.nodeNames(inDOT: dot).count == graph.nodes.count + 1)

        let mermaid = try renderer.mermaidSource(graph, annotations: a)
        #expect(mermaid.contains("\n    %% ddx run metadata (JSON): \(inert)\n"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try renderer.render(graph, as: .json, annotations: a))) as? [String: Any])
        let embedded = try #require(json["metadata"] as? [String: Any])
        #expect(embedded["question"] as? String == "*/ </script> <!-- --> \n x [label=\"pwn\"] & ]]>")
        #expect((embedded["seed"] as? NSNumber)?.uint64Value == UInt64.max)

        let png = try renderer.render(graph, as: .png, annotations: a)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = Self.pngChunks(png)
        #expect(chunks.first?.type == "IHDR" && chunks.last?.type == "IEND")
        let itxt = try #require(chunks.first { $0.type == "iTXt" })
        #expect(itxt.crcOK)
        #expect(itxt.data.starts(with: Array("ddx-run-metadata".utf8) + [0, 0, 0, 0, 0]))
        #expect(String(decoding: itxt.data.dropFirst(21), as: UTF8.self) == inert)

        let pdf = try renderer.render(graph, as: .pdf, annotations: a)
        let pdfText = String(decoding: pdf, as: UTF8.self)
        #expect(pdfText.hasPrefix("%PDF"))
        #expect(pdfText.hasSuffix("%%EOF\n"))
        let hex = "FEFF" + inert.utf16.map { String(format: "%04X", $0) }.joined()
        #expect(pdfText.contains("/DDxRunMetadata <\(hex)>"))
        #expect(pdfText.contains("/Producer"), "cairo's information entries are kept")
        // The update's startxref points at its xref section.
        let offsets = pdfText.matches(of: /startxref\n(\d+)\n%%EOF/).map { Int($0.1)! }
        let last = try #require(offsets.last)
        #expect(Array(pdf[last..<(last + 4)]) == Array("xref".utf8))
    }

    @Test("without run metadata the exports are unchanged")
    func noMetadata() throws {
        let graph = GraphFixtures.sample()
        let dot = try renderer.dotSource(graph, annotations: GraphFixtures.annotations)
        #expect(!dot.contains("ddx run metadata"))
        #expect(!String(decoding: try renderer.render(graph, as: .svg, annotations: GraphFixtures.annotations), as: UTF8.self).contains("<metadata"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try renderer.render(graph, as: .json, annotations: GraphFixtures.annotations))) as? [String: Any])
        #expect(json["metadata"] == nil)
        #expect(!Self.pngChunks(try renderer.render(graph, as: .png, annotations: GraphFixtures.annotations)).contains { $0.type == "iTXt" })
    }

    @Test("metadata that is not JSON is refused for the JSON export")
    func badMetadata() throws {
        var a = GraphFixtures.annotations
        a.metadataJSON = "not json"
        #expect(throws: GraphRenderingError.self) { try renderer.render(GraphFixtures.sample(), as: .json, annotations: a) }
    }

    static func pngChunks(_ png: [UInt8]) -> [(type: String, data: [UInt8], crcOK: Bool)] {
        var out: [(String, [UInt8], Bool)] = []
        var i = 8
        while i + 12 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            guard i + 12 + length <= png.count else { break }
            let type = Array(png[(i + 4)..<(i + 8)])
            let data = Array(png[(i + 8)..<(i + 8 + length)])
            let stored = png[(i + 8 + length)..<(i + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            out.append((String(decoding: type, as: UTF8.self), data, CRC32.checksum(type + data) == stored))
            i += 12 + length
        }
        return out
    }
}
