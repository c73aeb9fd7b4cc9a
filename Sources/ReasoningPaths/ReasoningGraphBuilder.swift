/// Builds the path graph of a parsed text: one node per distinct step name, one edge per distinct hop.
///
/// ```swift
/// let graph = ReasoningGraphBuilder().build(from: ReasoningParser().parse(text))
/// ```
public struct ReasoningGraphBuilder: Sendable {
    /// Creates a builder.
    public init() {}

    /// The graph of `parsed.paths`. Node ids depend only on the step names, so the same input always
    /// gives byte-identical output.
    public func build(from parsed: ParsedReasoning) -> ReasoningGraph {
        build(paths: parsed.paths)
    }

    /// The graph of `paths` (in document order; their 1-based positions become path indices).
    public func build(paths: [ReasoningPath]) -> ReasoningGraph {
        var nodesByKey: [String: NodeAccumulator] = [:]
        var keyOrder: [String] = []
        var pathKeys: [[String]] = []

        for (p, path) in paths.enumerated() {
            let index = p + 1
            var keys: [String] = []
            for (s, step) in path.steps.enumerated() {
                let key = NodeKey.key(for: step.name.isEmpty ? step.text : step.name)
                guard !key.isEmpty else { continue }
                if nodesByKey[key] == nil {
                    nodesByKey[key] = NodeAccumulator(label: step.name.isEmpty ? step.text : step.name)
                    keyOrder.append(key)
                }
                let position: Position
                if path.kind == .prose { position = .statement } else if s == 0 { position = .first } else if s == path.steps.count - 1 { position = .last } else { position = .middle }
                nodesByKey[key]!.add(path: index, line: path.line, position: position, qualifier: step.qualifier)
                keys.append(key)
            }
            pathKeys.append(keys)
        }

        // Ids: slugs, made unique in sorted-key order so they never depend on document order.
        var idForKey: [String: String] = [:]
        var used: Set<String> = []
        for key in keyOrder.sorted() {
            let base = NodeKey.slug(for: key)
            var id = base
            var n = 2
            while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
            used.insert(id)
            idForKey[key] = id
        }

        var edges: [EdgeKey: EdgeAccumulator] = [:]
        var graphPaths: [GraphPath] = []
        for (p, path) in paths.enumerated() {
            let index = p + 1
            let ids = pathKeys[p].map { idForKey[$0]! }
            graphPaths.append(GraphPath(index: index, number: path.number, label: path.label, line: path.line,
                                        kind: path.kind, nodes: ids))
            guard path.kind == .chain, ids.count >= 2 else { continue }
            for h in 0..<(ids.count - 1) {
                let k = EdgeKey(from: ids[h], to: ids[h + 1])
                let relation = h < path.relations.count ? path.relations[h] : nil
                let elided = h < path.elided.count ? path.elided[h] : false
                edges[k, default: EdgeAccumulator()].add(path: index, line: path.line, relation: relation, elided: elided)
            }
        }

        let nodes = keyOrder.map { key -> GraphNode in
            let acc = nodesByKey[key]!
            return GraphNode(id: idForKey[key]!, label: acc.label, role: acc.role, paths: acc.paths.sortedUnique(),
                             lines: acc.lines.sortedUnique(), qualifiers: acc.qualifiers)
        }.sorted { $0.id < $1.id }
        let edgeList = edges.map { k, acc in
            GraphEdge(from: k.from, to: k.to, paths: acc.paths.sortedUnique(), lines: acc.lines.sortedUnique(),
                      relations: acc.relations, elided: acc.allElided)
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        return ReasoningGraph(nodes: nodes, edges: edgeList, paths: graphPaths)
    }
}

private enum Position { case first, middle, last, statement }

private struct EdgeKey: Hashable {
    let from: String
    let to: String
}

private struct NodeAccumulator {
    var label: String
    var paths: [Int] = []
    var lines: [Int] = []
    var qualifiers: [String] = []
    var first = 0, middle = 0, last = 0, statement = 0

    init(label: String) { self.label = label }

    mutating func add(path: Int, line: Int, position: Position, qualifier: String?) {
        paths.append(path)
        lines.append(line)
        switch position {
        case .first: first += 1
        case .middle: middle += 1
        case .last: last += 1
        case .statement: statement += 1
        }
        if let q = qualifier, !qualifiers.contains(q) { qualifiers.append(q) }
    }

    /// The most frequent position; ties favour mechanism, then conclusion, then finding.
    var role: NodeRole {
        if first + middle + last == 0 { return .statement }
        let best = max(first, middle, last)
        if middle == best { return .mechanism }
        if last == best { return .conclusion }
        return .finding
    }
}

private struct EdgeAccumulator {
    var paths: [Int] = []
    var lines: [Int] = []
    var relations: [String] = []
    var allElided = true

    mutating func add(path: Int, line: Int, relation: String?, elided: Bool) {
        paths.append(path)
        lines.append(line)
        if let r = relation, !r.isEmpty, !relations.contains(r) { relations.append(r) }
        allElided = allElided && elided
    }
}

extension Array where Element == Int {
    func sortedUnique() -> [Int] {
        var out: [Int] = []
        for v in sorted() where out.last != v { out.append(v) }
        return out
    }
}
