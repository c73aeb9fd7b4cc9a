import Foundation
import GraphRendering
import ReasoningPaths

/// Fuzzing of the diagram writers with model text as labels, in two targets. Every label, qualifier, relation,
/// path label, title and metadata value comes from the input.
///
/// `render-text` checks the writers ddx owns (DOT through cgraph, Mermaid, JSON), differentially: the graph is
/// rendered twice, once as parsed and once with every text replaced by `x`. Text that escaped its quoting
/// (`"]; evil [`, a newline in a Mermaid comment) changes the structure of the output, so the two DOT files must
/// have the same token shape and the two Mermaid files the same lines once quoted text is blanked; the JSON must
/// parse.
///
/// `render-svg` lays small graphs out with Graphviz and checks the SVG: well-formed XML without scripts, event
/// handlers or `javascript:` links. It is a target of its own because a layout costs far more than the text
/// writers, and because Graphviz 2.42's HTML-label parser leaks on every layout (suppressed by name in
/// `scripts/lsan-suppressions.txt`), which LeakSanitizer can only attribute with slow stack unwinding: its leaks
/// are checked by replaying its corpus after the run (``FuzzTarget/checksLeaksPerInput`` is false).
enum RenderFuzzing {
    static let textTarget = FuzzTarget(
        name: "render-text",
        summary: "DOT, Mermaid and JSON writers with hostile labels: text cannot change the output's structure",
        seedDirectories: ["Tests/ReasoningPathsTests/Fixtures"], maxInputLength: 4096, body: runText)

    static let svgTarget = FuzzTarget(
        name: "render-svg",
        summary: "Graphviz SVG with hostile labels: well-formed, no script, event handler or javascript: link",
        seedDirectories: ["Tests/ReasoningPathsTests/Fixtures"], maxInputLength: 2048, checksLeaksPerInput: false,
        body: runSVG)

    /// Largest graph laid out as SVG per input (layout time grows quickly with size).
    static let maxLaidOutNodes = 12

    /// The graph and annotations an input describes, or nil when it has no nodes.
    static func graph(from input: [UInt8], maxPaths: Int) -> (ReasoningGraph, DiagramAnnotations)? {
        let limits = ParserLimits(maxPaths: maxPaths, maxPlanEdges: maxPaths, maxSections: 20, maxWarnings: 20,
                                  maxItemBytes: 300)
        let parsed = ReasoningParser(limits: limits).parse(bytes: input)
        let graph = ReasoningGraphBuilder().build(from: parsed)
        guard !graph.nodes.isEmpty else { return nil }
        let firstLine = String(decoding: input.prefix { $0 != 0x0A }.prefix(120), as: UTF8.self)
        return (graph, annotations(title: firstLine, source: parsed.finalAnswer ?? firstLine))
    }

    static func runText(_ input: [UInt8]) throws {
        let name = "render-text"
        guard let (graph, annotations) = graph(from: input, maxPaths: 12) else { return }
        let blank = blanked(graph)
        let blankAnnotations = Self.annotations(title: "x", source: "x")
        let renderer = GraphRenderer()

        let dot = try renderer.dotSource(graph, annotations: annotations)
        let blankDOT = try renderer.dotSource(blank, annotations: blankAnnotations)
        guard let shape = DOTShape.of(dot) else { throw FuzzViolation(name, "the DOT output does not lex") }
        try FuzzViolation.require(shape == DOTShape.of(blankDOT), name,
                                  "model text changed the structure of the DOT output")

        let mermaid = try renderer.mermaidSource(graph, annotations: annotations)
        let blankMermaid = try renderer.mermaidSource(blank, annotations: blankAnnotations)
        try FuzzViolation.require(mermaidShape(mermaid) == mermaidShape(blankMermaid), name,
                                  "model text changed the structure of the Mermaid output")

        let json = try renderer.render(graph, as: .json, annotations: annotations)
        try FuzzViolation.require((try? JSONSerialization.jsonObject(with: Data(json))) != nil, name,
                                  "the JSON output does not parse")
    }

    static func runSVG(_ input: [UInt8]) throws {
        guard let (graph, annotations) = graph(from: input, maxPaths: 4),
              graph.nodes.count <= maxLaidOutNodes else { return }
        let svg = try GraphRenderer().render(graph, as: .svg, annotations: annotations)
        try SVGCheck.check(svg, name: "render-svg")
    }

    /// Annotations whose title, source name and embedded metadata carry the given text.
    static func annotations(title: String, source: String) -> DiagramAnnotations {
        let metadata = (try? JSONSerialization.data(withJSONObject: ["prompt": title, "answer": source]))
            .map { String(decoding: $0, as: UTF8.self) }
        return DiagramAnnotations(inputSHA256: String(repeating: "0", count: 64), sourceName: source, title: title,
                                  metadataJSON: metadata)
    }

    /// `graph` with every piece of text (labels, qualifiers, relations, path labels) replaced by `x`; ids kept.
    static func blanked(_ graph: ReasoningGraph) -> ReasoningGraph {
        var copy = graph
        for i in copy.nodes.indices {
            copy.nodes[i].label = x(copy.nodes[i].label)
            copy.nodes[i].qualifiers = copy.nodes[i].qualifiers.map(x)
        }
        for i in copy.edges.indices { copy.edges[i].relations = copy.edges[i].relations.map(x) }
        for i in copy.paths.indices { copy.paths[i].label = copy.paths[i].label.map(x) }
        return copy
    }

    private static func x(_ text: String) -> String { text.isEmpty ? "" : "x" }

    /// Mermaid text with the inside of every `"…"` emptied and comment lines reduced to `%%`.
    ///
    /// Works on Unicode scalars, as Mermaid's lexer does: a label that starts with a combining mark forms one
    /// `Character` with the opening quote, which a `Character` scan would not see as a quote.
    static func mermaidShape(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.drop { $0 == " " }
            if trimmed.starts(with: "%%".unicodeScalars) { return "%%" }
            var out = String.UnicodeScalarView()
            var inQuote = false
            for scalar in line {
                if scalar == "\"" { inQuote.toggle(); out.append(scalar) } else if !inQuote { out.append(scalar) }
            }
            return String(out)
        }
    }
}
