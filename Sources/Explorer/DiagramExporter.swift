import Foundation
import GraphRendering
import ReasoningPaths

/// Renders the path graph of an analysed text to a file in any `DiagramFormat`, atomically.
///
/// ```swift
/// let analysis = TextAnalysis(input: try ReasoningInput.read(path: "Cases/cough.txt"))
/// let written = try DiagramExporter().export(analysis, to: "cough.svg")
/// ```
public struct DiagramExporter: Sendable {
    private let renderer: GraphRenderer

    /// Creates an exporter with the given renderer.
    public init(renderer: GraphRenderer = GraphRenderer()) {
        self.renderer = renderer
    }

    /// The format `path`'s extension names, or `explicit` when given; a one-line error otherwise.
    public static func format(for path: String, explicit: DiagramFormat?) throws -> DiagramFormat {
        if let f = explicit { return f }
        let ext = URL(fileURLWithPath: path).pathExtension
        guard !ext.isEmpty else {
            throw InputError("\(path): no file extension to choose a format from; pass --format (\(DiagramFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let f = DiagramFormat(fileExtension: ext) else {
            throw InputError("\(path): unknown extension '.\(ext)'; use one of \(DiagramFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", ")) or pass --format")
        }
        return f
    }

    /// The bytes of the diagram, or a one-line error when the text has no paths or Graphviz cannot render.
    public func render(_ analysis: TextAnalysis, as format: DiagramFormat, title: String? = nil) throws -> [UInt8] {
        guard !analysis.graph.nodes.isEmpty else {
            let hint = analysis.parsed.format == .huatuo
                ? (analysis.grounding == nil
                   ? " (a HuatuoGPT-o1 text has only prose reasoning, no path list; with an ontology loaded ddx mines chains from it)"
                   : " (a HuatuoGPT-o1 text has only prose reasoning, no path list, and no sentence with a causal cue names two ontology concepts)")
                : analysis.parsed.warnings.isEmpty ? "" : " (\(analysis.parsed.warnings.count) parse warning\(analysis.parsed.warnings.count == 1 ? "" : "s"); see ddx parse)"
            throw InputError("\(analysis.input.sourceName): no reasoning paths found; nothing to render\(hint)")
        }
        do {
            return try renderer.render(analysis.graph, as: format, annotations: analysis.annotations(title: title))
        } catch let error as GraphRenderingError {
            throw InputError("\(analysis.input.sourceName): \(error.description)")
        }
    }

    /// Renders and writes the diagram to `path` (`-` for standard output); returns the bytes written.
    @discardableResult
    public func export(_ analysis: TextAnalysis, to path: String, format explicit: DiagramFormat? = nil, title: String? = nil) throws -> Int {
        let format = try Self.format(for: path, explicit: explicit)
        let bytes = try render(analysis, as: format, title: title)
        try AtomicFileWriter.write(bytes, to: path)
        return bytes.count
    }
}
