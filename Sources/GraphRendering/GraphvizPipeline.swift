internal import CGraphviz
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The libgvc calls behind each export: write DOT, lay out with `dot`, render in memory, read DOT.
/// Every function must run inside `GraphvizContext.run`.
enum GraphvizPipeline {
    /// Builds `document` and exports it as `format` (`svg`, `png`, `pdf` or `dot`).
    static func export(_ document: GraphvizDocument, as format: DiagramFormat,
                       in context: GraphvizContext) throws -> [UInt8] {
        if format == .dot {
            let graph = try document.build()
            defer { agclose(graph) }
            return try writeDOT(graph)
        }
        try requireRenderer(for: format, in: context)
        try document.requireLayoutable()
        let graph = try document.build()
        defer { agclose(graph) }
        return try layoutAndRender(graph, as: format, in: context)
    }

    /// Throws unless `context` has the layout engine and the plugin `format` needs.
    static func requireRenderer(for format: DiagramFormat, in context: GraphvizContext) throws {
        guard context.layoutPlugins.contains("dot") else { throw GraphRenderingError.layoutEngineUnavailable }
        if let renderer = GraphvizContext.renderer(for: format), !context.supports(format) {
            throw GraphRenderingError.formatUnavailable(format, renderer: renderer.spec)
        }
    }

    /// `gvLayout(dot)` + `gvRenderData` + `gvFreeLayout`; the graph stays open.
    static func layoutAndRender(_ graph: UnsafeMutablePointer<Agraph_t>, as format: DiagramFormat,
                                in context: GraphvizContext) throws -> [UInt8] {
        guard let renderer = GraphvizContext.renderer(for: format) else {
            throw GraphRenderingError.renderFailed(format, "not a Graphviz format")
        }
        GraphvizMessages.reset()
        guard gvLayout(context.gvc, graph, "dot") == 0 else {
            throw GraphRenderingError.layoutFailed(GraphvizMessages.take())
        }
        defer { gvFreeLayout(context.gvc, graph) }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context.gvc, graph, renderer.spec, &data, &length) == 0, let data else {
            throw GraphRenderingError.renderFailed(format, GraphvizMessages.take())
        }
        defer { gvFreeRenderData(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    /// The graph as DOT, written by cgraph's own writer (`agwrite`), so quoting is Graphviz's.
    static func writeDOT(_ graph: UnsafeMutablePointer<Agraph_t>) throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else {
            throw GraphRenderingError.renderFailed(.dot, "open_memstream failed")
        }
        GraphvizMessages.reset()
        let status = agwrite(graph, stream)
        fclose(stream)
        defer { free(buffer) }
        guard status == 0, let buffer else {
            throw GraphRenderingError.renderFailed(.dot, GraphvizMessages.take())
        }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: size) {
            Array(UnsafeBufferPointer(start: $0, count: size))
        }
    }

    /// Parses DOT text with `agmemread`; the caller `agclose`s the result.
    static func readDOT(_ text: String) throws -> UnsafeMutablePointer<Agraph_t> {
        GraphvizMessages.reset()
        guard let graph = text.withCString({ agmemread($0) }) else {
            throw GraphRenderingError.dotParseFailed(GraphvizMessages.take())
        }
        return graph
    }
}
