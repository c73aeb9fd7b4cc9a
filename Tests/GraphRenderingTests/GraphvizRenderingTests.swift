import Foundation
import Synchronization
@testable import GraphRendering
import ReasoningPaths
import Testing
import TestSupport

/// Everything that touches Graphviz, serialised (Graphviz is not thread-safe; the library also locks).
@Suite("Graphviz rendering", .serialized)
struct GraphvizRenderingTests {
    let renderer = GraphRenderer()
    /// Graphviz contexts made by tests that stay alive for the rest of the process.
    static let keptContexts = Mutex<[GraphvizContext]>([])
    let annotations = GraphFixtures.annotations

    @Test("the dot layout engine and the svg/png/pdf plugins are present")
    func pluginsArePresent() {
        let info = GraphvizRuntime.info()
        #expect(info.layoutPlugins.contains("dot"))
        #expect(info.devicePlugins.contains("svg"))
        #expect(info.renderPlugins.contains("cairo"))
        #expect(!info.version.isEmpty && info.version != "unknown")
        #expect(info.supportedFormats == DiagramFormat.allCases)
        for format in DiagramFormat.allCases { #expect(GraphvizRuntime.supports(format)) }
        #expect(info.summary.contains("layout: "))
    }

    @Test("SVG is well-formed XML with every label line, the legend and the footer")
    func svgContents() throws {
        let graph = GraphFixtures.sample()
        let svg = try SVGInspection(try renderer.render(graph, as: .svg, annotations: annotations))
        for node in graph.nodes {
            for line in LabelText.displayLines(node.label, width: 30, limit: 160) {
                #expect(svg.texts.contains(line), "missing label line \(line)")
            }
            #expect(svg.titles.contains(node.id))
        }
        #expect(svg.texts.contains(annotations.footer))
        #expect(svg.texts.contains("Chest pain in a 54-year-old smoker"))
        #expect(svg.texts.contains("Source: case-01.txt"))
        #expect(svg.texts.contains("Legend"))
        #expect(svg.texts.contains("P1, P2"))
        #expect(svg.texts.contains("causes"))
        #expect(svg.tooltips.contains { $0.contains("Qualifiers: e.g., crushing, radiating to the left arm") })
    }

    @Test("edges carry path colours, colour lists for shared hops and dashes for elided hops")
    func edgeStyling() throws {
        let dot = try renderer.dotSource(GraphFixtures.sample(), annotations: annotations)
        let palette = GraphStyle.okabeItoPalette
        #expect(dot.contains(#"color="\#(palette[0]):\#(palette[1])""#))  // myocardial-ischemia -> stemi, P1 + P2
        #expect(dot.contains("style=dashed"))
        #expect(dot.contains(#"label="P1, P2""#))
        let svg = String(decoding: try renderer.render(GraphFixtures.sample(), as: .svg, annotations: annotations),
                         as: UTF8.self)
        #expect(svg.contains(#"stroke-dasharray"#))
        #expect(svg.lowercased().contains(palette[1].lowercased()))
    }

    @Test("PNG and PDF have their magic bytes, and the DOT given to Graphviz has the footer")
    func binaryFormats() throws {
        let graph = GraphFixtures.sample()
        let png = try renderer.render(graph, as: .png, annotations: annotations)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 10_000)
        let pdf = try renderer.render(graph, as: .pdf, annotations: annotations)
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        let dot = try renderer.dotSource(graph, annotations: annotations)
        #expect(dot.contains(DiagramAnnotations.disclaimer))
        #expect(dot.contains(GraphFixtures.sha))
        #expect(dot.contains("labelloc=b"))
    }

    @Test("DOT has rankdir and fonts, names nodes by id, and round-trips through agmemread")
    func dotRoundTrip() throws {
        let graph = GraphFixtures.sample()
        let dot = try renderer.dotSource(graph, annotations: annotations)
        #expect(dot.hasPrefix("digraph ddx {"))
        #expect(dot.contains("rankdir=LR"))
        #expect(dot.contains(#"fontname="DejaVu Sans""#))
        let names = try GraphvizRuntime.nodeNames(inDOT: dot)
        #expect(Set(names) == Set(graph.nodes.map(\.id) + [GraphvizDocument.legendName]))
        #expect(throws: GraphRenderingError.self) { try GraphvizRuntime.nodeNames(inDOT: "digraph { a -> }") }
    }

    @Test("hostile labels stay literal in SVG text and tooltips")
    func hostileSVG() throws {
        let graph = GraphFixtures.hostile()
        let bytes = try renderer.render(graph, as: .svg, annotations: annotations)
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(!raw.contains("<script"))
        #expect(raw.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(raw.contains("&amp;amp; &amp;lt;"))
        let svg = try SVGInspection(bytes)
        for literal in [#"He said "hi""#, #"back\slash\n"#, "<script>alert(1)</script>", #""]; x [label="pwn"#,
                        "&amp; &lt;", "🫀 heart", #"escapes \N \G \L \T \H \E \l"#, #"\r end\"#] {
            #expect(svg.texts.contains(literal), "label not literal: \(literal)")
            #expect(svg.tooltips.contains { $0.contains(literal) }, "tooltip not literal: \(literal)")
        }
        #expect(svg.texts.contains(#"rel "q" <b>x</b> \N"#))
        #expect(svg.texts.contains { $0.contains("bell\u{FFFD}nul\u{FFFD}esc\u{FFFD}[31m") })
        #expect(!svg.allText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let long = String(repeating: "long ", count: 2_000).trimmingCharacters(in: .whitespaces)
        #expect(svg.tooltips.contains { $0.contains(long) }, "tooltip keeps the full 10,000-char text")
        let longLines = svg.texts.filter { $0.hasPrefix("long long") }
        #expect(longLines.count == 6 && longLines.allSatisfy { $0.count <= 30 })
        #expect(longLines.last?.hasSuffix("…") == true)
        #expect(svg.titles.contains(#"id "with" <odd> chars %x"#))
        #expect(svg.titles.contains("_%internal"))
    }

    @Test("hostile labels survive the DOT writer and parser unchanged and inject nothing")
    func hostileDOT() throws {
        let graph = GraphFixtures.hostile()
        let dot = try renderer.dotSource(graph, annotations: annotations)
        let labels = try GraphvizRuntime.nodeAttribute("label", inDOT: dot)
        #expect(labels.count == graph.nodes.count + 1)
        #expect(labels["x"] == nil)
        for node in graph.nodes where node.id != "%internal" {
            let expected = GraphvizText.label(lines: LabelText.displayLines(node.label, width: 30, limit: 160))
            #expect(labels[node.id] == expected, "label of \(node.id) changed in the round trip")
        }
        #expect(dot.contains(#"He said \"hi\""#))
        #expect(dot.contains(#"back\\slash\\n"#))
        #expect(dot.contains("&amp;amp; &amp;lt;"))
    }

    @Test("renders are byte-identical for the same input")
    func determinism() throws {
        for graph in [GraphFixtures.sample(), GraphFixtures.hostile()] {
            for format in [DiagramFormat.svg, .dot, .mmd, .json] {
                let first = try renderer.render(graph, as: format, annotations: annotations)
                let second = try renderer.render(graph, as: format, annotations: annotations)
                #expect(first == second, "\(format) differs between runs")
            }
        }
    }

    @Test("Graphviz reports no warnings (fonts, HTML legend, attributes)")
    func noGraphvizWarnings() throws {
        let document = GraphvizDocument(graph: GraphFixtures.hostile(), style: .default, annotations: annotations)
        let messages = try GraphvizContext.run { context in
            _ = try GraphvizPipeline.export(document, as: .png, in: context)
            return GraphvizMessages.take()
        }
        #expect(messages == "")
    }

    @Test("an empty graph renders in every format with the footer")
    func emptyGraph() throws {
        let empty = ReasoningGraph(nodes: [], edges: [], paths: [])
        for format in DiagramFormat.allCases {
            #expect(try !renderer.render(empty, as: format, annotations: annotations).isEmpty)
        }
        let svg = try SVGInspection(try renderer.render(empty, as: .svg, annotations: annotations))
        #expect(svg.texts.contains(annotations.footer))
    }

    @Test("a node whose id is the legend's name keeps it; the legend moves aside")
    func legendNameCollision() throws {
        let graph = GraphFixtures.graph(paths: [[.init(GraphvizDocument.legendName, "Looks like the legend"),
                                                 .init("b", "B")]])
        let names = try GraphvizRuntime.nodeNames(inDOT: try renderer.dotSource(graph, annotations: annotations))
        #expect(Set(names) == [GraphvizDocument.legendName, "b", GraphvizDocument.legendName + "~2"])
    }

    @Test("an edge to a missing node is an error with a one-line message")
    func unknownNode() throws {
        var graph = GraphFixtures.sample()
        graph.edges.append(GraphEdge(from: "chest-pain", to: "missing\nnode", paths: [9], lines: [1]))
        for format in [DiagramFormat.svg, .dot, .mmd] {
            #expect(throws: GraphRenderingError.unknownNode("missing\nnode")) {
                try renderer.render(graph, as: format, annotations: annotations)
            }
        }
        #expect(!GraphRenderingError.unknownNode("missing\nnode").description.contains("\n"))
    }

    @Test("concurrent renders are serialised and all succeed")
    func concurrentRenders() async throws {
        let graph = GraphFixtures.large(count: 30, pathCount: 6)
        let renderer = self.renderer
        let annotations = self.annotations
        let outputs = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<6 {
                group.addTask { try renderer.render(graph, as: .svg, annotations: annotations) }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(outputs.count == 6)
        #expect(Set(outputs).count == 1)
    }

    @Test("the dlopen plugin fallback renders the same SVG as libgvc's own configuration")
    func pluginFallback() throws {
        let document = GraphvizDocument(graph: GraphFixtures.sample(), style: .default, annotations: annotations)
        let (fallbackSVG, fallbackLayouts) = try GraphvizContext.run { _ in
            guard let fallback = GraphvizContext.makeFallback() else {
                throw GraphRenderingError.layoutEngineUnavailable
            }
            // Kept, not released: it laid out text (see `GraphvizContext.release()`).
            Self.keptContexts.withLock { $0.append(fallback) }
            return (try GraphvizPipeline.export(document, as: .svg, in: fallback), fallback.layoutPlugins)
        }
        #expect(fallbackLayouts.contains("dot"))
        // `render` writes ids and classes with plain hyphens (`GraphRenderer.readableIDs`); the pipeline's bytes are Graphviz's.
        #expect(GraphRenderer.readableIDs(fallbackSVG) == (try renderer.render(GraphFixtures.sample(), as: .svg, annotations: annotations)))
    }

    @Test("bare libgvc timing works on ddx's DOT")
    func bareTiming() throws {
        let graph = GraphFixtures.large(count: 40, pathCount: 8)
        let dot = try renderer.dotSource(graph, annotations: annotations)
        let elapsed = try GraphvizBenchmarkSupport.measureBareLayout(dot: dot, format: .svg)
        #expect(elapsed > .zero)
        #expect(throws: GraphRenderingError.self) { try GraphvizBenchmarkSupport.measureBareLayout(dot: dot, format: .mmd) }
    }
}
