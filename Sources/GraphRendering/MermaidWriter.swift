import ReasoningPaths

/// Writes a reasoning graph as a Mermaid flowchart.
///
/// Node ids are generated (`n1`, `n2`, … in sorted id order), never taken from the graph. Every label
/// is quoted and every character Mermaid or HTML could interpret (`"` `#` `&` `<` `>` brackets,
/// `|` `;` `%` `` ` `` `\` and the rest of ASCII punctuation except `, . : - ' / ! ? + = _`) is written
/// as a decimal entity code (`#34;`); line breaks are `<br/>`. Comments carry only ddx's own text.
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

        var byRole: [NodeRole: [String]] = [:]
        for node in nodes {
            guard let id = ids[node.id] else { continue }
            let lines = LabelText.nodeLines(node, style: style)
            let (open, close) = Self.shape(for: node.role)
            out += "    \(id)\(open)\"\(Self.label(lines))\"\(close)\n"
            byRole[node.role, default: []].append(id)
        }

        var linkStyles: [String] = []
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
            if !edge.paths.isEmpty { lines += LabelText.wrapped(LabelText.pathList(edge.paths), width: style.wrapWidth) }
            let arrow = edge.elided ? "-.->" : "-->"
            out += lines.isEmpty ? "    \(from) \(arrow) \(to)\n" : "    \(from) \(arrow)|\"\(Self.label(lines))\"| \(to)\n"
            let color = Self.cssColor(style.edgeColors(paths: edge.paths)[0])
            var css = "stroke:\(color),stroke-width:\(Self.number(style.edgePenWidth))px"
            if edge.elided { css += ",stroke-dasharray:5 5" }
            linkStyles.append(css)
        }

        let footer = GraphvizDocument(graph: graph, style: style, annotations: annotations).footerLines()
        out += "    ddx_footer[\"\(Self.label(footer))\"]\n"
        for role in NodeRole.allCases {
            let look = style.nodeStyle(for: role)
            out += "    classDef \(role.rawValue) fill:\(Self.cssColor(look.fillColor)),stroke:\(Self.cssColor(look.borderColor))"
                + ",stroke-width:\(Self.number(look.penWidth))px,color:#000000\n"
        }
        out += "    classDef ddxFooter fill:#FFFFFF,stroke:#BBBBBB,color:#444444\n"
        for role in NodeRole.allCases {
            if let members = byRole[role], !members.isEmpty {
                out += "    class \(members.joined(separator: ",")) \(role.rawValue)\n"
            }
        }
        out += "    class ddx_footer ddxFooter\n"
        for (index, css) in linkStyles.enumerated() {
            out += "    linkStyle \(index) \(css)\n"
        }
        return out
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
