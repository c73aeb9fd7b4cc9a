internal import CGraphviz

/// Facts about the linked Graphviz and checks that use its parser.
public enum GraphvizRuntime {
    /// Version and plugin lists of the process-wide libgvc context (created on first use).
    public static func info() -> GraphvizInfo {
        let info = try? GraphvizContext.run { context in
            GraphvizInfo(version: context.version, layoutPlugins: context.layoutPlugins,
                         renderPlugins: context.renderPlugins, devicePlugins: context.devicePlugins,
                         textLayoutPlugins: context.textLayoutPlugins,
                         usesFallbackPlugins: context.usesFallbackPlugins,
                         supportedFormats: DiagramFormat.allCases.filter(context.supports))
        }
        return info ?? GraphvizInfo(version: "unknown", layoutPlugins: [], renderPlugins: [], devicePlugins: [],
                                    textLayoutPlugins: [], usesFallbackPlugins: false,
                                    supportedFormats: [.dot, .mmd, .json])
    }

    /// Whether `format` can be exported here (`png`/`pdf` need the cairo plugin, `svg` the core one;
    /// `dot`, `mmd` and `json` always work).
    public static func supports(_ format: DiagramFormat) -> Bool {
        (try? GraphvizContext.run { $0.supports(format) }) ?? false
    }

    /// The node names of a DOT text, parsed by Graphviz's own parser (`agmemread`) — a round-trip check
    /// for `GraphRenderer.dotSource`. Throws `dotParseFailed` when Graphviz cannot parse it.
    public static func nodeNames(inDOT dot: String) throws -> [String] {
        try GraphvizContext.run { _ in
            let graph = try GraphvizPipeline.readDOT(dot)
            defer { agclose(graph) }
            var names: [String] = []
            var node = agfstnode(graph)
            while let current = node {
                names.append(agnameof(current).map { String(cString: $0) } ?? "")
                node = agnxtnode(graph, current)
            }
            return names
        }
    }

    /// The value of node attribute `attribute` for every node of a DOT text, keyed by node name
    /// (empty when unset). Parsed by `agmemread`.
    static func nodeAttribute(_ attribute: String, inDOT dot: String) throws -> [String: String] {
        try GraphvizContext.run { _ in
            let graph = try GraphvizPipeline.readDOT(dot)
            defer { agclose(graph) }
            var values: [String: String] = [:]
            var node = agfstnode(graph)
            while let current = node {
                let name = agnameof(current).map { String(cString: $0) } ?? ""
                let value = GraphvizAttributes.withCString(attribute) { agget(current, $0) }
                values[name] = value.map { String(cString: $0) } ?? ""
                node = agnxtnode(graph, current)
            }
            return values
        }
    }
}
