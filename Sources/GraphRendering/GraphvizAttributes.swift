internal import CGraphviz

/// Sets cgraph attributes from Swift strings (cgraph 2.42 takes non-const `char *`; it copies the
/// strings, so temporaries are fine). Attribute symbols are looked up once and cached.
/// Use only under the Graphviz lock, on the graph it was made for.
struct GraphvizAttributes {
    /// Which kind of object an attribute belongs to.
    enum Kind: Hashable {
        case graph, node, edge

        var cgraphKind: Int32 {
            switch self {
            case .graph: Int32(AGRAPH)
            case .node: Int32(AGNODE)
            case .edge: Int32(AGEDGE)
            }
        }
    }

    private struct Key: Hashable {
        let kind: Kind
        let name: String
    }

    /// The root graph.
    let graph: UnsafeMutablePointer<Agraph_t>
    private var symbols: [Key: UnsafeMutablePointer<Agsym_t>] = [:]

    /// Attributes of `graph`.
    init(graph: UnsafeMutablePointer<Agraph_t>) {
        self.graph = graph
    }

    /// Sets a root-graph attribute, or the default of a node or edge attribute (`node [fontname=…]`).
    mutating func setDefault(_ kind: Kind, _ name: String, _ value: String) {
        let symbol = Self.withCStrings(name, value) { agattr(graph, kind.cgraphKind, $0, $1) }
        if let symbol { symbols[Key(kind: kind, name: name)] = symbol }
    }

    /// Sets attribute `name` of one node or edge, declaring it (default `""`) if the graph lacks it.
    mutating func set(_ object: UnsafeMutableRawPointer, _ kind: Kind, _ name: String, _ value: String) {
        guard let symbol = symbol(kind, name) else { return }
        _ = Self.withCString(value) { agxset(object, symbol, $0) }
    }

    /// Sets attribute `name` of a subgraph.
    func setOnSubgraph(_ subgraph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        _ = Self.withCStrings(name, value) { name, value in
            Self.withCString("") { agsafeset(subgraph, name, value, $0) }
        }
    }

    /// Sets `label` of a node to an HTML-like label (`<…>`); `html` must be ddx-generated markup.
    mutating func setHTMLLabel(_ node: UnsafeMutablePointer<Agnode_t>, _ html: String) {
        guard let symbol = symbol(.node, "label") else { return }
        guard let shared = Self.withCString(html, { agstrdup_html(graph, $0) }) else { return }
        _ = agxset(node, symbol, shared)
        _ = agstrfree(graph, shared)
    }

    private mutating func symbol(_ kind: Kind, _ name: String) -> UnsafeMutablePointer<Agsym_t>? {
        let key = Key(kind: kind, name: name)
        if let cached = symbols[key] { return cached }
        let found = Self.withCString(name) { agattr(graph, kind.cgraphKind, $0, nil) }
            ?? Self.withCStrings(name, "") { agattr(graph, kind.cgraphKind, $0, $1) }
        if let found { symbols[key] = found }
        return found
    }

    /// Calls `body` with a mutable C string copy of `text`.
    static func withCString<R>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) throws -> R) rethrows -> R {
        try text.withCString { try body(UnsafeMutablePointer(mutating: $0)) }
    }

    /// Calls `body` with mutable C strings of `first` and `second`.
    static func withCStrings<R>(_ first: String, _ second: String,
                                _ body: (UnsafeMutablePointer<CChar>, UnsafeMutablePointer<CChar>) throws -> R) rethrows -> R {
        try withCString(first) { a in try withCString(second) { b in try body(a, b) } }
    }
}
