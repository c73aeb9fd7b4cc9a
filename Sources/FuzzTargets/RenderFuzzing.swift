import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphRendering
import ReasoningPaths

/// Fuzzing of the diagram writers with model text as labels: DOT through cgraph, SVG through Graphviz's layout,
/// Mermaid and JSON. Every label, qualifier, relation, path label, title and metadata value comes from the input.
///
/// The main property is differential: the graph is rendered twice, once as parsed and once with every text
/// replaced by `x`. Text that escaped its quoting (`"]; evil [`, a newline in a Mermaid comment) changes the
/// structure of the output, so the two DOT files must have the same token shape and the two Mermaid files the same
/// lines once quoted text is blanked. The SVG must be well-formed XML without scripts, event handlers or
/// `javascript:` links; the JSON must parse.
enum RenderFuzzing {
    static let target = FuzzTarget(
        name: "render",
        summary: "DOT, SVG, Mermaid and JSON writers with hostile labels: escaping, well-formedness",
        seedDirectories: ["Tests/ReasoningPathsTests/Fixtures"], maxInputLength: 4096, body: run)

    /// Largest graph laid out as SVG per input (layout time grows quickly with size).
    static let maxLaidOutNodes = 30

    static func run(_ input: [UInt8]) throws {
        let name = "render"
        let limits = ParserLimits(maxPaths: 12, maxPlanEdges: 12, maxSections: 20, maxWarnings: 20, maxItemBytes: 300)
        let parsed = ReasoningParser(limits: limits).parse(bytes: input)
        let graph = ReasoningGraphBuilder().build(from: parsed)
        guard !graph.nodes.isEmpty else { return }
        let firstLine = String(decoding: input.prefix { $0 != 0x0A }.prefix(120), as: UTF8.self)
        let annotations = annotations(title: firstLine, source: parsed.finalAnswer ?? firstLine)
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

        guard graph.nodes.count <= maxLaidOutNodes else { return }
        let svg = try renderer.render(graph, as: .svg, annotations: annotations)
        try SVGCheck.check(svg, name: name)
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
    static func mermaidShape(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("%%") { return "%%" }
            var out = ""
            var inQuote = false
            for ch in line {
                if ch == "\"" { inQuote.toggle(); out.append(ch) } else if !inQuote { out.append(ch) }
            }
            return out
        }
    }
}

/// Checks SVG from model text: well-formed XML, no `script` or `foreignObject` element, no `on…` event attribute,
/// and no `href` or `src` to a `javascript:` or `data:` URL.
enum SVGCheck {
    static func check(_ svg: [UInt8], name: String) throws {
        let parser = XMLParser(data: Data(svg))
        let delegate = Delegate()
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        try FuzzViolation.require(ok, name, "the SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        if let problem = delegate.problem { throw FuzzViolation(name, "SVG: \(problem)") }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var problem: String?

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            let local = element.split(separator: ":").last.map(String.init)?.lowercased() ?? element
            if local == "script" || local == "foreignobject" { problem = problem ?? "a <\(element)> element" }
            for (key, value) in attributes {
                let attribute = key.split(separator: ":").last.map(String.init)?.lowercased() ?? key
                if attribute.hasPrefix("on") { problem = problem ?? "an event attribute \(key)" }
                guard ["href", "src", "action"].contains(attribute) else { continue }
                // Browsers ignore control characters and spaces in a URL's scheme.
                let url = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
                if url.hasPrefix("javascript:") || url.hasPrefix("data:") {
                    problem = problem ?? "attribute \(key) holds a \(url.prefix(11)) URL"
                }
            }
        }
    }
}
