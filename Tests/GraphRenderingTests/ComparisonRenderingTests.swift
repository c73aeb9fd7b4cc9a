import Foundation
@testable import GraphRendering
import ReasoningPaths
import Testing
import TestSupport

/// A merged comparison graph (`ddx compare`) drawn with provenance: fills, hop colours, classes, path tags, legend,
/// and the JSON and Mermaid forms. Serialised like every Graphviz suite.
@Suite("Graphviz rendering of a comparison", .serialized)
struct ComparisonRenderingTests {
    let renderer = GraphRenderer()

    /// Sample graph: paths 1–2 are side A's, 3–4 side B's; chest pain and STEMI shared, the rest split.
    static func annotations(sideB: String = "B") -> DiagramAnnotations {
        let graph = GraphFixtures.sample()
        var nodes: [String: Provenance] = [:]
        for n in graph.nodes {
            nodes[n.id] = ["chest-pain", "stemi"].contains(n.id) ? .both : (n.paths.allSatisfy { $0 <= 2 } ? .onlyA : .onlyB)
        }
        var edges: [OntologyAnnotations.EdgeKey: ComparisonAnnotations.Hop] = [:]
        for e in graph.edges {
            let a = e.paths.contains { $0 <= 2 }, b = e.paths.contains { $0 > 2 }
            edges[.init(from: e.from, to: e.to)] = .init(
                provenance: a && b ? .both : (a ? .onlyA : .onlyB),
                verdictA: a ? EdgeVerdictAnnotation(verdict: "attested", evidence: []) : nil,
                verdictB: b ? EdgeVerdictAnnotation(verdict: "unattested", evidence: []) : nil)
        }
        return DiagramAnnotations(inputSHA256: String(repeating: "ab", count: 32),
                                  comparison: ComparisonAnnotations(sideA: "model one", sideB: sideB, nodes: nodes, edges: edges, pathsA: 2))
    }

    @Test("SVG: nodes filled and hops coloured by side, prov-… classes, side-tagged path labels")
    func svg() throws {
        let style = GraphStyle.default
        let bytes = try renderer.render(GraphFixtures.sample(), as: .svg, annotations: Self.annotations())
        let text = String(decoding: bytes, as: UTF8.self)
        let nodes = try SVGGroup.groups(in: bytes, class: "node")
        func fills(_ id: String) -> [String] {
            ["ellipse", "path", "polygon"].flatMap { nodes[id]?.values("fill", of: $0) ?? [] }
        }
        #expect(fills("chest-pain").contains(style.provenanceFillColor(.both).lowercased()))
        #expect(fills("coronary-occlusion").contains(style.provenanceFillColor(.onlyA).lowercased()))
        #expect(fills("smoking-risk").contains(style.provenanceFillColor(.onlyB).lowercased()))
        let edges = try SVGGroup.groups(in: bytes, class: "edge")
        #expect(edges["chest-pain->coronary-occlusion"]?.values("stroke", of: "path").contains(style.provenanceLineColor(.onlyA).lowercased()) == true)
        #expect(edges["chest-pain->stemi"]?.values("stroke", of: "path").contains(style.provenanceLineColor(.onlyB).lowercased()) == true)
        #expect(text.contains(#"class="node ddx-node role-finding prov-both""#))
        #expect(text.contains("prov-only-a") && text.contains("prov-only-b"))
        #expect(edges["chest-pain->stemi"]?.texts.contains("B P1") == true, "\(edges["chest-pain->stemi"]?.texts ?? [])")
        #expect(edges["myocardial-ischemia->stemi"]?.texts.contains("A P1, P2") == true)
        // The legend names the sides and says what the colours mean; no path-colour rows.
        #expect(text.contains("only A (model one)") && text.contains("only B") && text.contains("both A and B"))
        #expect(!text.contains("parallel colours"))
    }

    @Test("a hostile side name is escaped in the legend and tooltips")
    func hostileSideName() throws {
        let bytes = try renderer.render(GraphFixtures.sample(), as: .svg, annotations: Self.annotations(sideB: #"<script>x</script> "]; a [""#))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;"))
        let dot = String(decoding: try renderer.render(GraphFixtures.sample(), as: .dot, annotations: Self.annotations(sideB: #"x"]; evil [label="y"#)),
                         as: UTF8.self)
        #expect(!dot.contains(#"x"]; evil"#))
    }

    @Test("JSON carries each node's and hop's side and verdicts; Mermaid classes by side")
    func jsonAndMermaid() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try renderer.render(GraphFixtures.sample(), as: .json, annotations: Self.annotations()))) as? [String: Any])
        let comparison = try #require(json["comparison"] as? [String: Any])
        #expect(comparison["pathsA"] as? Int == 2 && comparison["sideA"] as? String == "model one")
        #expect((comparison["nodes"] as? [String: String])?["chest-pain"] == "both")
        let hops = try #require(comparison["edges"] as? [[String: Any]])
        let direct = try #require(hops.first { $0["from"] as? String == "chest-pain" && $0["to"] as? String == "stemi" })
        #expect(direct["provenance"] as? String == "only-b" && direct["verdictB"] as? String == "unattested")
        let mmd = String(decoding: try renderer.render(GraphFixtures.sample(), as: .mmd, annotations: Self.annotations()), as: UTF8.self)
        #expect(mmd.contains("classDef ddxOnlyA") && mmd.contains("classDef ddxOnlyB") && mmd.contains("classDef ddxBoth"))
        #expect(mmd.contains("stroke:#0072B2"))
    }
}
