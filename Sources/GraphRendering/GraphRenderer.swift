import ReasoningPaths

/// Renders a `ReasoningGraph` to SVG, PNG, PDF, DOT, Mermaid or JSON.
///
/// SVG, PNG, PDF and DOT go through libgvc (cgraph API, `dot` layout); Mermaid and JSON are written
/// by ddx. Model text is untrusted and always ends up inert: escaped for each format, control
/// characters replaced, labels wrapped and capped (tooltips keep the full text). Every export carries
/// `annotations.footer`. Graphviz work is serialised process-wide, so a renderer can be used from any
/// thread.
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
            return try GraphvizContext.run { context in
                try GraphvizPipeline.export(document, as: format, in: context)
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
}
