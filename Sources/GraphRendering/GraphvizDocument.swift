internal import CGraphviz
import ReasoningPaths

/// Builds the cgraph graph for a reasoning graph through the cgraph API (never by writing and
/// re-parsing DOT): node and edge attributes from `GraphStyle`, escaped labels and tooltips, the
/// legend and the footer. With `annotations.ontology`, nodes are filled by concept type (unlinked:
/// white, dashed grey border) and show the concept id on a small second line (an HTML-like label),
/// hops are styled by verdict, and tooltips and the legend carry the grounding. Every node and hop gets the SVG
/// `id` and `class` described in `DiagramElementID`. No layout happens here.
/// Use only under the Graphviz lock; the caller `agclose`s the result.
struct GraphvizDocument {
    /// Graphviz's name for the graph (the SVG `<title>` of the whole drawing).
    static let graphName = "ddx"
    /// Preferred Graphviz name of the legend node (made unique if a graph node has that id).
    static let legendName = "ddx_legend"

    /// The graph to draw.
    let graph: ReasoningGraph
    /// How it looks.
    let style: GraphStyle
    /// Footer and fingerprint.
    let annotations: DiagramAnnotations

    /// Throws `graphTooLarge` when the graph is over this process's ``LayoutLimits``; call before laying it out.
    func requireLayoutable() throws {
        try LayoutLimits.current.check(nodes: graph.nodes.count, edges: graph.edges.count)
    }

    /// Creates the cgraph graph; throws `unknownNode` when an edge names a missing node.
    func build() throws -> UnsafeMutablePointer<Agraph_t> {
        var descriptor = Agdesc_t()
        descriptor.directed = 1
        descriptor.maingraph = 1
        guard let root = GraphvizAttributes.withCString(Self.graphName, { agopen($0, descriptor, nil) }) else {
            throw GraphRenderingError.graphConstructionFailed("agopen returned no graph")
        }
        do {
            try populate(root)
            return root
        } catch {
            agclose(root)
            throw error
        }
    }

    /// The grounding being drawn, when ontology annotations are given.
    var grounding: GroundingLook? {
        annotations.ontology.map { GroundingLook(ontology: $0, style: style) }
    }

    /// The graph label lines: optional title and source, then the disclaimer footer (raw text). With
    /// `includingGroundingNote` and ontology annotations, the fixed "attested = …" note comes before the footer.
    func footerLines(includingGroundingNote: Bool = false) -> [String] {
        var lines: [String] = []
        if let title = annotations.title {
            lines += LabelText.displayLines(title, width: 100, limit: 300)
        }
        if let source = annotations.sourceName {
            lines += LabelText.displayLines("Source: " + source, width: 100, limit: 200)
        }
        if includingGroundingNote, let ontology = annotations.ontology {
            lines += LabelText.wrapped(GroundingLook.note(sources: ontology.sources), width: 100)
        }
        lines.append(LabelText.singleLine(annotations.footer))
        return lines
    }

    private func populate(_ root: UnsafeMutablePointer<Agraph_t>) throws {
        var attributes = GraphvizAttributes(graph: root)
        setDefaults(&attributes)

        var names = Set<String>()
        var created: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for node in graph.nodes.sorted(by: { $0.id < $1.id }) where created[node.id] == nil {
            let name = Self.uniqueName(for: node.id, taken: &names)
            guard let handle = GraphvizAttributes.withCString(name, { agnode(root, $0, 1) }) else {
                throw GraphRenderingError.graphConstructionFailed("agnode failed")
            }
            created[node.id] = handle
            decorate(node: node, handle, &attributes)
        }

        let labels = Dictionary(graph.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        let edges = graph.edges.sorted { ($0.from, $0.to, $0.paths.first ?? 0) < ($1.from, $1.to, $1.paths.first ?? 0) }
        for edge in edges {
            guard let tail = created[edge.from] else { throw GraphRenderingError.unknownNode(edge.from) }
            guard let head = created[edge.to] else { throw GraphRenderingError.unknownNode(edge.to) }
            guard let handle = agedge(root, tail, head, nil, 1) else {
                throw GraphRenderingError.graphConstructionFailed("agedge failed")
            }
            decorate(edge: edge, handle, fromLabel: labels[edge.from] ?? edge.from,
                     toLabel: labels[edge.to] ?? edge.to, &attributes)
        }

        if style.showsLegend {
            try addLegend(root, name: Self.uniqueName(for: Self.legendName, taken: &names), &attributes)
        }
    }

    private func setDefaults(_ attributes: inout GraphvizAttributes) {
        let font = style.fontName
        attributes.setDefault(.graph, "rankdir", style.rankDirection)
        attributes.setDefault(.graph, "fontname", font)
        attributes.setDefault(.graph, "fontsize", Self.number(style.footerFontSize))
        attributes.setDefault(.graph, "fontcolor", "#444444")
        attributes.setDefault(.graph, "labelloc", "b")
        attributes.setDefault(.graph, "labeljust", "l")
        // Without a legend the grounding note goes into the footer so it is never lost.
        let footer = footerLines(includingGroundingNote: !style.showsLegend)
        attributes.setDefault(.graph, "label", GraphvizText.leftJustifiedLabel(lines: footer))
        attributes.setDefault(.graph, "bgcolor", "white")
        attributes.setDefault(.graph, "pad", "0.25")
        attributes.setDefault(.graph, "nodesep", "0.3")
        attributes.setDefault(.graph, "ranksep", "0.5")
        attributes.setDefault(.graph, "outputorder", "edgesfirst")
        attributes.setDefault(.node, "fontname", font)
        attributes.setDefault(.node, "fontsize", Self.number(style.fontSize))
        attributes.setDefault(.node, "margin", "0.12,0.06")
        attributes.setDefault(.edge, "fontname", font)
        attributes.setDefault(.edge, "fontsize", Self.number(style.edgeFontSize))
        attributes.setDefault(.edge, "fontcolor", "#333333")
        attributes.setDefault(.edge, "penwidth", Self.number(style.edgePenWidth))
        attributes.setDefault(.edge, "arrowsize", "0.7")
    }

    private func decorate(node: GraphNode, _ handle: UnsafeMutablePointer<Agnode_t>,
                          _ attributes: inout GraphvizAttributes) {
        let look = style.nodeStyle(for: node.role)
        let lines = LabelText.nodeLines(node, style: style)
        let comparison = annotations.comparison
        attributes.set(handle, .node, "id", DiagramElementID.node(node.id))
        attributes.set(handle, .node, "class",
                       DiagramElementID.nodeClass(role: node.role, kind: grounding.map { $0.kind(for: node.id) },
                                                  provenance: comparison?.provenance(ofNode: node.id)))
        if let grounding {
            decorate(node: node, handle, lines: lines, look: look, grounding: grounding, &attributes)
        } else {
            attributes.set(handle, .node, "label", GraphvizText.label(lines: lines.isEmpty ? [" "] : lines))
            attributes.set(handle, .node, "tooltip", GraphvizText.tooltip(lines: Self.tooltipLines(for: node)))
            attributes.set(handle, .node, "shape", look.shape)
            attributes.set(handle, .node, "style", look.style)
            attributes.set(handle, .node, "fillcolor", look.fillColor)
            attributes.set(handle, .node, "color", look.borderColor)
            attributes.set(handle, .node, "penwidth", Self.number(look.penWidth))
        }
        if let comparison {
            // A comparison is about sides: fill and border say where the node comes from; the shape still says its role.
            let provenance = comparison.provenance(ofNode: node.id)
            attributes.set(handle, .node, "fillcolor", style.provenanceFillColor(provenance))
            attributes.set(handle, .node, "color", style.provenanceLineColor(provenance))
            var tip = Self.tooltipLines(for: node, comparison: comparison)
            if let grounding { tip.append(GroundingLook.tooltipLine(grounding.concept(for: node.id))) }
            tip.append("In: " + LabelText.singleLine(provenance.caption(sideA: comparison.sideA, sideB: comparison.sideB)))
            attributes.set(handle, .node, "tooltip", GraphvizText.tooltip(lines: tip))
        }
    }

    /// A node with grounding: role shape and border, concept-type fill and id line; unlinked nodes white
    /// with a dashed grey border and a plain label.
    private func decorate(node: GraphNode, _ handle: UnsafeMutablePointer<Agnode_t>, lines: [String],
                          look: GraphStyle.NodeStyle, grounding: GroundingLook,
                          _ attributes: inout GraphvizAttributes) {
        let concept = grounding.concept(for: node.id)
        attributes.set(handle, .node, "tooltip",
                       GraphvizText.tooltip(lines: Self.tooltipLines(for: node) + [GroundingLook.tooltipLine(concept)]))
        attributes.set(handle, .node, "shape", look.shape)
        attributes.set(handle, .node, "penwidth", Self.number(look.penWidth))
        if let concept {
            let html = Self.conceptLabelHTML(lines: lines, conceptID: GroundingLook.conceptIDText(concept), style: style)
            attributes.setHTMLLabel(handle, html)
            attributes.set(handle, .node, "style", look.style)
            let kind = GroundingLook.kind(of: concept, style: style)
            attributes.set(handle, .node, "fillcolor", GroundingLook.fillColor(kind, style: style))
            attributes.set(handle, .node, "color", look.borderColor)
        } else {
            attributes.set(handle, .node, "label", GraphvizText.label(lines: lines.isEmpty ? [" "] : lines))
            attributes.set(handle, .node, "style", Self.unlinkedStyle(look.style))
            attributes.set(handle, .node, "fillcolor", style.unlinkedFillColor)
            attributes.set(handle, .node, "color", style.unlinkedBorderColor)
        }
    }

    /// A role's Graphviz style list with its line style replaced by `dashed` and `filled` kept
    /// (`rounded,filled,bold` → `rounded,bold,filled,dashed`).
    static func unlinkedStyle(_ roleStyle: String) -> String {
        let replaced: Set<String> = ["dotted", "solid", "dashed", "filled", "invis", ""]
        let kept = roleStyle.split(separator: ",").map { String($0.filter { $0 != " " }) }
            .filter { !replaced.contains($0) }
        return (kept + ["filled", "dashed"]).joined(separator: ",")
    }

    /// The HTML-like label of a linked node: the display lines, then the concept id in small type. Text is
    /// escaped with `GraphvizText.htmlLabelText`; the id line's colour is written as numeric references,
    /// so the markup always contains `&#` and can never equal an escaped plain string (see `GraphvizLegend`).
    static func conceptLabelHTML(lines: [String], conceptID: String, style: GraphStyle) -> String {
        let color = style.conceptIDColor.isEmpty ? "#444444" : style.conceptIDColor
        let idLine = #"<FONT POINT-SIZE="\#(number(style.conceptIDFontSize))" "#
            + #"COLOR="\#(GraphvizText.numericReferences(color))">\#(GraphvizText.htmlLabelText(conceptID))</FONT>"#
        return (lines.map(GraphvizText.htmlLabelText) + [idLine]).joined(separator: "<BR/>")
    }

    private func decorate(edge: GraphEdge, _ handle: UnsafeMutablePointer<Agedge_t>, fromLabel: String,
                          toLabel: String, _ attributes: inout GraphvizAttributes) {
        let comparison = annotations.comparison
        let provenance = comparison?.provenance(from: edge.from, to: edge.to)
        attributes.set(handle, .edge, "id", DiagramElementID.edge(from: edge.from, to: edge.to))
        attributes.set(handle, .edge, "class", DiagramElementID.edgeClass(
            verdict: grounding.map { $0.verdict(from: edge.from, to: edge.to) }, elided: edge.elided, provenance: provenance))
        let pathTags = comparison.map { $0.pathTags(edge.paths) } ?? LabelText.pathList(edge.paths)
        var lines: [String] = []
        let relations = edge.relations.map(LabelText.singleLine).filter { !$0.isEmpty }
        if !relations.isEmpty {
            lines += LabelText.displayLines(relations.joined(separator: "; "), width: style.wrapWidth,
                                            limit: style.maxLabelLength)
        }
        if !edge.paths.isEmpty {
            lines += LabelText.wrapped(pathTags, width: style.wrapWidth)
        }
        if !lines.isEmpty {
            attributes.set(handle, .edge, "label", GraphvizText.label(lines: lines))
        }
        // Colour = path (or, comparing, the side it comes from); style = verdict.
        let baseColors = provenance.map { [style.provenanceLineColor($0)] } ?? style.edgeColors(paths: edge.paths)
        if let grounding {
            // Elision gets its own arrow marker since dashes mean `plausible`.
            let hop = style.hopStyle(forVerdict: grounding.verdict(from: edge.from, to: edge.to))
            let colors = baseColors.map { GroundingLook.color($0, opacity: hop.opacity) }
            attributes.set(handle, .edge, "color", colors.joined(separator: ":"))
            attributes.set(handle, .edge, "style", hop.lineStyle)
            if hop.penWidthFactor != 1 {
                let width = (style.edgePenWidth * hop.penWidthFactor * 100).rounded() / 100
                attributes.set(handle, .edge, "penwidth", Self.number(width))
            }
            let arrow = hop.arrowHead + (edge.elided ? style.elidedArrowMarker : "")
            if arrow != "normal" { attributes.set(handle, .edge, "arrowhead", arrow) }
            if let marker = hop.headMarker {
                attributes.set(handle, .edge, "headlabel", GraphvizText.label(lines: [LabelText.singleLine(marker)]))
                attributes.set(handle, .edge, "labelfontcolor", hop.headMarkerColor)
                attributes.set(handle, .edge, "labelfontsize", Self.number(style.fontSize))
            }
        } else {
            attributes.set(handle, .edge, "color", baseColors.joined(separator: ":"))
            attributes.set(handle, .edge, "style", edge.elided ? "dashed" : "solid")
        }
        // The nodes' own tooltips carry their full labels; here a shortened form is enough.
        let from = LabelText.truncated(LabelText.singleLine(fromLabel), limit: 80)
        var tip = [from + " → " + LabelText.truncated(LabelText.singleLine(toLabel), limit: 80)]
        if !relations.isEmpty { tip.append("Relation: " + relations.joined(separator: "; ")) }
        if !edge.paths.isEmpty { tip.append("Paths: " + pathTags) }
        if edge.elided { tip.append("Steps elided between these nodes") }
        if !edge.lines.isEmpty { tip.append("Source lines: " + edge.lines.map(String.init).joined(separator: ", ")) }
        if let comparison { tip += comparison.tooltipLines(from: edge.from, to: edge.to) }
        if let grounding { tip += grounding.tooltipLines(from: edge.from, to: edge.to) }
        attributes.set(handle, .edge, "tooltip", GraphvizText.tooltip(lines: tip))
    }

    private func addLegend(_ root: UnsafeMutablePointer<Agraph_t>, name: String,
                           _ attributes: inout GraphvizAttributes) throws {
        let roles = NodeRole.allCases.filter { role in graph.nodes.contains { $0.role == role } }
        var pathIndices = Set(graph.paths.map(\.index))
        for edge in graph.edges { pathIndices.formUnion(edge.paths) }
        let legendGrounding = grounding.map { grounding in
            GraphvizLegend.Grounding(kinds: grounding.kindsPresent(nodeIDs: graph.nodes.map(\.id)),
                                     verdicts: grounding.verdictsPresent(edges: graph.edges.map { ($0.from, $0.to) }),
                                     sources: grounding.ontology.sources)
        }
        let legendComparison = annotations.comparison.map { comparison in
            GraphvizLegend.Comparison(
                provenances: Provenance.allCases.filter { p in
                    graph.nodes.contains { comparison.provenance(ofNode: $0.id) == p }
                        || graph.edges.contains { comparison.provenance(from: $0.from, to: $0.to) == p }
                },
                sideA: comparison.sideA, sideB: comparison.sideB)
        }
        let html = GraphvizLegend.html(style: style, roles: roles, pathIndices: pathIndices.sorted(),
                                       showsElided: graph.edges.contains(where: \.elided), grounding: legendGrounding,
                                       comparison: legendComparison)
        guard let legend = GraphvizAttributes.withCString(name, { agnode(root, $0, 1) }) else {
            throw GraphRenderingError.graphConstructionFailed("agnode failed for the legend")
        }
        attributes.setHTMLLabel(legend, html)
        attributes.set(legend, .node, "shape", "plain")
        attributes.set(legend, .node, "id", DiagramElementID.legend)
        attributes.set(legend, .node, "class", "ddx-legend")
        attributes.set(legend, .node, "tooltip", "Legend")
        guard let rank = GraphvizAttributes.withCString("ddx_legend_rank", { agsubg(root, $0, 1) }) else {
            throw GraphRenderingError.graphConstructionFailed("agsubg failed for the legend")
        }
        attributes.setOnSubgraph(rank, "rank", "sink")
        _ = agsubnode(rank, legend, 1)
    }

    /// Tooltip lines of a node: full label, role, qualifiers, paths (tagged by side when comparing), source lines
    /// (raw text).
    static func tooltipLines(for node: GraphNode, comparison: ComparisonAnnotations? = nil) -> [String] {
        var lines = LabelText.lines(node.label)
        if lines.isEmpty { lines = ["(empty label)"] }
        lines.append("Role: " + node.role.rawValue)
        let qualifiers = node.qualifiers.map(LabelText.singleLine).filter { !$0.isEmpty }
        if !qualifiers.isEmpty { lines.append("Qualifiers: " + qualifiers.joined(separator: "; ")) }
        if !node.paths.isEmpty { lines.append("Paths: " + (comparison?.pathTags(node.paths) ?? LabelText.pathList(node.paths))) }
        if !node.lines.isEmpty { lines.append("Source lines: " + node.lines.map(String.init).joined(separator: ", ")) }
        return lines
    }

    /// A Graphviz node name for `id`: the id itself when it is printable, else a sanitised form;
    /// `~2`, `~3`, … appended when taken. (cgraph treats names starting with `%` as internal ids.)
    static func uniqueName(for id: String, taken: inout Set<String>) -> String {
        var base = LabelText.sanitized(id)
        if base.isEmpty { base = "node" }
        if base.hasPrefix("%") { base = "_" + base }
        var name = base
        var counter = 2
        while taken.contains(name) {
            name = base + "~\(counter)"
            counter += 1
        }
        taken.insert(name)
        return name
    }

    /// A number as Graphviz reads it (`12`, `1.6`).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
