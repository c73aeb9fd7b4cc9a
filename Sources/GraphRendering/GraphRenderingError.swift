/// Why a graph could not be rendered. Every description is one line and says what to do.
public enum GraphRenderingError: Error, CustomStringConvertible, Equatable {
    /// libgvc has no `dot` layout plugin (plugin configuration missing or plugins not installed).
    case layoutEngineUnavailable
    /// The Graphviz plugin that produces `format` is not installed; `renderer` names it (`png:cairo`).
    case formatUnavailable(DiagramFormat, renderer: String)
    /// An edge or path names a node id the graph does not contain.
    case unknownNode(String)
    /// cgraph refused to create the graph or one of its objects.
    case graphConstructionFailed(String)
    /// `gvLayout` failed; the payload is Graphviz's own message.
    case layoutFailed(String)
    /// `gvRenderData` (or the DOT writer) failed for `format`; the payload is Graphviz's own message.
    case renderFailed(DiagramFormat, String)
    /// DOT text could not be parsed by `agmemread`.
    case dotParseFailed(String)
    /// The JSON export could not be encoded.
    case encodingFailed(String)
    /// The graph is larger than the layout limits (``LayoutLimits``).
    case graphTooLarge(nodes: Int, edges: Int, limits: LayoutLimits)

    /// A one-line message for stderr.
    public var description: String {
        switch self {
        case .layoutEngineUnavailable:
            return "Graphviz has no 'dot' layout plugin; install the plugins with `apt-get install libgvc6` "
                + "(or `libgraphviz-dev`), then check `ddx doctor`"
        case let .formatUnavailable(format, renderer):
            return "Graphviz cannot write \(format.rawValue): the \(renderer) plugin is missing; install it with "
                + "`apt-get install libgvc6` (or `libgraphviz-dev`), or export svg/dot/mmd/json instead"
        case let .unknownNode(id):
            return "graph is inconsistent: it refers to node \(Self.quoted(id)), which it does not contain"
        case let .graphConstructionFailed(what):
            return "Graphviz could not build the graph: \(Self.oneLine(what))"
        case let .layoutFailed(message):
            return "Graphviz layout failed: \(Self.oneLine(message))"
        case let .renderFailed(format, message):
            return "Graphviz could not render \(format.rawValue): \(Self.oneLine(message))"
        case let .dotParseFailed(message):
            return "Graphviz could not parse the DOT text: \(Self.oneLine(message))"
        case let .encodingFailed(message):
            return "could not encode the graph as JSON: \(Self.oneLine(message))"
        case let .graphTooLarge(nodes, edges, limits):
            return "the graph has \(nodes) nodes and \(edges) edges, more than the \(limits.maxNodes) nodes and "
                + "\(limits.maxEdges) edges ddx lays out (Graphviz can take minutes on graphs this size); raise "
                + "--max-nodes/--max-edges, or export dot, mmd or json, which need no layout"
        }
    }

    /// `text` on one line, at most 200 characters.
    static func oneLine(_ text: String) -> String {
        let line = LabelText.singleLine(text)
        return line.isEmpty ? "no details" : LabelText.truncated(line, limit: 200)
    }

    /// An untrusted id, quoted and shortened for an error message.
    static func quoted(_ text: String) -> String {
        "\"" + LabelText.truncated(LabelText.singleLine(text), limit: 80) + "\""
    }
}
