import ReasoningPaths

/// Writes a reasoning graph as a Mermaid flowchart.
///
/// Node ids are generated (`n1`, `n2`, … in sorted id order), never taken from the graph. Every label
/// is quoted and every character Mermaid or HTML could interpret (`"` `#` `&` `<` `>` brackets,
/// `|` `;` `%` `` ` `` `\` and the rest of ASCII punctuation except `, . : - ' / ! ? + = _`) is written
/// as a decimal entity code (`#34;`); line breaks are `<br/>`. Comments carry only ddx's own text.
///
/// With ontology annotations, nodes get a `classDef` per concept type present (`ddxType_disease`, …;
/// `ddxUntyped`, and `ddxUnlinked` = white with a dashed grey border) instead of the role classes (shapes
/// still show roles), the concept id is a second text line, each hop's `linkStyle` follows its verdict
/// (width, `stroke-dasharray`, `stroke-opacity`; colour stays the path's), elided hops end in a circle
/// (`--o`, since dashes now mean `plausible`), a `%%` block lists every hop's verdict, and the footer
/// node carries the "attested = …" note. With comparison annotations, nodes also get `ddxOnlyA` / `ddxOnlyB` /
/// `ddxBoth` (fill and border by side), hops the side's colour, and path tags read `A P1 · B P2`. With run metadata, a `%% ddx run metadata (JSON): …` line follows the
/// header comments.
struct MermaidWriter {
    /// Colours and label limits.
    let style: GraphStyle

    /// The flowchart text, ending with a newline.
    func write(_ graph: ReasoningGraph, annotations: DiagramAnnotations) throws -> String {
        var seen = Set<String>()
        let nodes = graph.nodes.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        var ids: [String: String] = [:]
        for (offset, node) in nodes.enumerated() {
            ids[node.id] = "n\(offset + 1)"
        }
        let hexDigest = annotations.inputSHA256.filter(\.isHexDigit)
        let direction = ["LR", "RL", "TB", "BT"].contains(style.rankDirection) ? style.rankDirection : "LR"
        var out = "flowchart \(direction)\n"
        out += "    %% \(DiagramAnnotations.disclaimer) · input SHA-256 \(hexDigest)\n"
        out += "    %% Written by ddx. Labels are model-generated text, entity-encoded.\n"
        if let json = annotations.metadataJSON { out += RunMetadataEmbedding.mermaidLine(json: json) }

        let grounding = annotations.ontology.map { GroundingLook(ontology: $0, style: style) }
        var byRole: [NodeRole: [String]] = [:]
        var byKind: [GroundingLook.ConceptKind: [String]] = [:]
        for node in nodes {
            guard let id = ids[node.id] else { continue }
            var lines = LabelText.nodeLines(node, style: style)
            let (open, close) = Self.shape(for: node.role)
            if let grounding {
                if let concept = grounding.concept(for: node.id) { lines.append(GroundingLook.conceptIDText(concept)) }
                byKind[grounding.kind(for: node.id), default: []].append(id)
            } else {
                byRole[node.role, default: []].append(id)
            }
            out += "    \(id)\(open)\"\(Self.label(lines))\"\(close)\n"
        }

        var linkStyles: [String] = []
        var verdictLines: [String] = []
        let edges = graph.edges.sorted { ($0.from, $0.to, $0.paths.first ?? 0) < ($1.from, $1.to, $1.paths.first ?? 0) }
        for edge in edges {
            guard let from = ids[edge.from] else { throw GraphRenderingError.unknownNode(edge.from) }
            guard let to = ids[edge.to] else { throw GraphRenderingError.unknownNode(edge.to) }
            var lines: [String] = []
            let relations = edge.relations.map(LabelText.singleLine).filter { !$0.isEmpty }
            if !relations.isEmpty {
                lines += LabelText.displayLines(relations.joined(separator: "; "), width: style.wrapWidth,
                                                limit: style.maxLabelLength)
            }
            if !edge.paths.isEmpty {
                let tags = annotations.comparison?.pathTags(edge.paths) ?? LabelText.pathList(edge.paths)
                lines += LabelText.wrapped(tags, width: style.wrapWidth)
            }
            let arrow = grounding == nil ? (edge.elided ? "-.->" : "-->") : (edge.elided ? "--o" : "-->")
            out += lines.isEmpty ? "    \(from) \(arrow) \(to)\n" : "    \(from) \(arrow)|\"\(Self.label(lines))\"| \(to)\n"
            let provenance = annotations.comparison?.provenance(from: edge.from, to: edge.to)
            let color = Self.cssColor(provenance.map(style.provenanceLineColor) ?? style.edgeColors(paths: edge.paths)[0])
            if let grounding {
                let verdict = grounding.verdict(from: edge.from, to: edge.to)
                verdictLines.append("\(from) --> \(to): \(verdict)" + (edge.elided ? " (steps elided)" : ""))
                linkStyles.append(linkStyle(color: color, hop: style.hopStyle(forVerdict: verdict)))
                continue
            }
            var css = "stroke:\(color),stroke-width:\(Self.number(style.edgePenWidth))px"
            if edge.elided { css += ",stroke-dasharray:5 5" }
            linkStyles.append(css)
        }

        if grounding != nil {
            out += "    %% Hop verdicts (found in the loaded ontology or not; not a judgement of correctness):\n"
            for line in verdictLines { out += "    %% \(line)\n" }
        }
        let footer = GraphvizDocument(graph: graph, style: style, annotations: annotations)
            .footerLines(includingGroundingNote: true)
        out += "    ddx_footer[\"\(Self.label(footer))\"]\n"
        for role in NodeRole.allCases {
            let look = style.nodeStyle(for: role)
            out += "    classDef \(role.rawValue) fill:\(Self.cssColor(look.fillColor)),stroke:\(Self.cssColor(look.borderColor))"
                + ",stroke-width:\(Self.number(look.penWidth))px,color:#000000\n"
        }
        if let grounding {
            for kind in grounding.kindsPresent(nodeIDs: nodes.map(\.id)) {
                out += "    classDef \(Self.className(kind)) \(conceptCSS(kind))\n"
            }
        }
        out += "    classDef ddxFooter fill:#FFFFFF,stroke:#BBBBBB,color:#444444\n"
        for role in NodeRole.allCases {
            if let members = byRole[role], !members.isEmpty {
                out += "    class \(members.joined(separator: ",")) \(role.rawValue)\n"
            }
        }
        if let grounding {
            for kind in grounding.kindsPresent(nodeIDs: nodes.map(\.id)) {
                if let members = byKind[kind], !members.isEmpty {
                    out += "    class \(members.joined(separator: ",")) \(Self.className(kind))\n"
                }
            }
        }
        if let comparison = annotations.comparison {
            // Comparing: fill and border say which side a node comes from (applied last, so they win).
            for provenance in Provenance.allCases {
                let members = nodes.filter { comparison.provenance(ofNode: $0.id) == provenance }.compactMap { ids[$0.id] }
                guard !members.isEmpty else { continue }
                let name = Self.className(provenance)
                out += "    classDef \(name) fill:\(Self.cssColor(style.provenanceFillColor(provenance)))"
                    + ",stroke:\(Self.cssColor(style.provenanceLineColor(provenance))),stroke-width:2px,color:#000000\n"
                out += "    class \(members.joined(separator: ",")) \(name)\n"
            }
        }
        out += "    class ddx_footer ddxFooter\n"
        for (index, css) in linkStyles.enumerated() {
            out += "    linkStyle \(index) \(css)\n"
        }
        return out
    }

    /// The class name of a comparison side (`ddxOnlyA`, `ddxOnlyB`, `ddxBoth`).
    static func className(_ provenance: Provenance) -> String {
        switch provenance {
        case .onlyA: "ddxOnlyA"
        case .onlyB: "ddxOnlyB"
        case .both: "ddxBoth"
        }
    }

    /// The `linkStyle` CSS of a hop with grounding: path colour, verdict width, dashes and opacity.
    func linkStyle(color: String, hop: GraphStyle.HopStyle) -> String {
        let width = (style.edgePenWidth * hop.penWidthFactor * 100).rounded() / 100
        var css = "stroke:\(color),stroke-width:\(Self.number(width))px"
        if let dashes = hop.dashArray {
            let safe = dashes.filter { $0.isNumber || $0 == " " || $0 == "." }
            if !safe.isEmpty { css += ",stroke-dasharray:\(safe)" }
        }
        if hop.opacity < 1 { css += ",stroke-opacity:\(Self.number((max(hop.opacity, 0) * 100).rounded() / 100))" }
        return css
    }

    /// The Mermaid class name of a kind of node (letters, digits and `_` only).
    static func className(_ kind: GroundingLook.ConceptKind) -> String {
        switch kind {
        case .type(let type):
            "ddxType_" + String(type.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic
                || ("0"..."9").contains($0) }.map(Character.init))
        case .untyped: "ddxUntyped"
        case .unlinked: "ddxUnlinked"
        }
    }

    /// The class CSS of a kind of node: its fill, a dark thin border (unlinked: dashed grey).
    func conceptCSS(_ kind: GroundingLook.ConceptKind) -> String {
        let fill = Self.cssColor(GroundingLook.fillColor(kind, style: style))
        if kind == .unlinked {
            let border = Self.cssColor(style.unlinkedBorderColor)
            return "fill:\(fill),stroke:\(border),stroke-width:1px,stroke-dasharray:4 3,color:#000000"
        }
        return "fill:\(fill),stroke:#333333,stroke-width:1px,color:#000000"
    }

    /// Display lines as the inside of a quoted Mermaid label.
    static func label(_ lines: [String]) -> String {
        lines.map(encoded).joined(separator: "<br/>")
    }

    /// `text` with every character Mermaid could interpret written as `#<decimal>;`.
    static func encoded(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            // Bytes >= 0x80 are parts of non-ASCII characters, which Mermaid does not interpret.
            if byte >= 0x80 || Self.passThrough[Int(byte)] {
                out.append(byte)
            } else {
                out.append(contentsOf: "#\(byte);".utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII bytes written as they are: letters, digits, space and `, . : - ' / ! ? + = _`.
    private static let passThrough: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || " ,.:-'/!?+=_".unicodeScalars.contains(scalar)
    }

    /// Opening and closing brackets of a role's node shape.
    static func shape(for role: NodeRole) -> (String, String) {
        switch role {
        case .finding: ("([", "])")
        case .mechanism: ("(", ")")
        case .conclusion: ("{{", "}}")
        case .statement: (">", "]")
        }
    }

    /// A style colour for Mermaid's CSS: `#RRGGBB`-style values pass, anything else becomes grey.
    static func cssColor(_ color: String) -> String {
        let hex = color.dropFirst()
        guard color.hasPrefix("#"), [3, 6, 8].contains(hex.count), hex.allSatisfy(\.isHexDigit) else { return "#888888" }
        return color
    }

    private static func number(_ value: Double) -> String { GraphvizDocument.number(value) }
}
