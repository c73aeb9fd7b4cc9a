import ReasoningPaths

/// Renders a `ReasoningGraph` to SVG, PNG, PDF, DOT, Mermaid or JSON.
///
/// SVG, PNG, PDF and DOT go through libgvc (cgraph API, `dot` layout); Mermaid and JSON are written
/// by ddx. Model text is untrusted and always ends up inert: escaped for each format, control
/// characters replaced, labels wrapped and capped (tooltips keep the full text). Every export carries
/// `annotations.footer` and, when given, `annotations.metadataJSON` (see `RunMetadataEmbedding`). Nodes and hops
/// carry the SVG ids and classes of `DiagramElementID`. Graphviz work is serialised process-wide, so a renderer can
/// be used from any thread.
///
/// ```swift
/// let renderer = GraphRenderer()
/// let annotations = DiagramAnnotations(inputSHA256: digest, sourceName: "case.txt")
/// let svg = try renderer.render(graph, as: .svg, annotations: annotations)
/// ```
public struct GraphRenderer: Sendable {
    /// The look of the drawing.
    public let style: GraphStyle

    /// Creates a renderer with the given style.
    public init(style: GraphStyle = .default) {
        self.style = style
    }

    /// The bytes of `graph` as a `format` file.
    ///
    /// Throws `GraphRenderingError` when a node id an edge names is missing, when the Graphviz
    /// plugin for the format is not installed, or when Graphviz fails.
    public func render(_ graph: ReasoningGraph, as format: DiagramFormat,
                       annotations: DiagramAnnotations) throws -> [UInt8] {
        switch format {
        case .mmd:
            return Array(try mermaidSource(graph, annotations: annotations).utf8)
        case .json:
            return try DiagramJSONWriter.encode(graph, annotations: annotations)
        case .svg, .png, .pdf, .dot:
            let document = GraphvizDocument(graph: graph, style: style, annotations: annotations)
            var bytes = try GraphvizContext.run { context in
                try GraphvizPipeline.export(document, as: format, in: context)
            }
            if format == .svg { bytes = Self.readableIDs(bytes) }
            guard let json = annotations.metadataJSON else { return bytes }
            switch format {
            case .svg: return RunMetadataEmbedding.svg(bytes, json: json)
            case .dot: return RunMetadataEmbedding.dot(bytes, json: json)
            case .png: return RunMetadataEmbedding.png(bytes, json: json)
            case .pdf: return RunMetadataEmbedding.pdf(bytes, json: json)
            case .mmd, .json: return bytes
            }
        }
    }

    /// The DOT text ddx hands to Graphviz (attributes only, no layout positions), as written by cgraph.
    public func dotSource(_ graph: ReasoningGraph, annotations: DiagramAnnotations) throws -> String {
        String(decoding: try render(graph, as: .dot, annotations: annotations), as: UTF8.self)
    }

    /// The Mermaid flowchart text.
    public func mermaidSource(_ graph: ReasoningGraph, annotations: DiagramAnnotations) throws -> String {
        try MermaidWriter(style: style).write(graph, annotations: annotations)
    }

    /// SVG with `&#45;` written as `-` inside `id="…"` and `class="…"` values. Graphviz escapes every hyphen (so none
    /// can form `--` in its comments); ids and classes are ddx's own `[A-Za-z0-9_-]` values, and plain hyphens keep
    /// them readable and greppable (`id="node-chest-pain"`). Comments and text are left as Graphviz wrote them.
    static func readableIDs(_ svg: [UInt8]) -> [UInt8] {
        let keys = [Array(" id=\"".utf8), Array(" class=\"".utf8)]
        let escapedHyphen = Array("&#45;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var i = 0
        while i < svg.count {
            guard svg[i] == 0x20, let key = keys.first(where: { i + $0.count <= svg.count && svg[i..<(i + $0.count)].elementsEqual($0) }) else {
                out.append(svg[i])
                i += 1
                continue
            }
            out.append(contentsOf: key)
            i += key.count
            while i < svg.count, svg[i] != UInt8(ascii: "\"") {
                if svg[i] == UInt8(ascii: "&"), i + escapedHyphen.count <= svg.count,
                   svg[i..<(i + escapedHyphen.count)].elementsEqual(escapedHyphen) {
                    out.append(UInt8(ascii: "-"))
                    i += escapedHyphen.count
                } else {
                    out.append(svg[i])
                    i += 1
                }
            }
        }
        return out
    }
}
