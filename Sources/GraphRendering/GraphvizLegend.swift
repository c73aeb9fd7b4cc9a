import ReasoningPaths

/// The legend as a Graphviz HTML-like label. It contains only strings ddx generates (role names,
/// `P1`-style path tags, colours from `GraphStyle`, fixed captions) and never model text.
///
/// The markup always contains `&#160;`, which no escaped plain label can contain (`GraphvizText`
/// turns every `&` into `&amp;`), so cgraph's content-keyed string table can never confuse the
/// legend with a plain string.
enum GraphvizLegend {
    /// The legend markup (without the outer `<…>`, which `agstrdup_html` implies).
    static func html(style: GraphStyle, roles: [NodeRole], pathIndices: [Int], showsElided: Bool) -> String {
        var rows: [String] = []
        rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>"#)
        for role in roles {
            let look = style.nodeStyle(for: role)
            rows.append(#"<TR><TD BORDER="1" COLOR="\#(attr(look.borderColor))" BGCOLOR="\#(attr(look.fillColor))" "#
                + #"WIDTH="30">&#160;</TD><TD ALIGN="LEFT">\#(text(caption(for: role)))</TD></TR>"#)
        }
        for (color, indices) in colorGroups(style: style, pathIndices: pathIndices) {
            let tags = LabelText.wrapped(LabelText.pathList(indices), width: 30).map(text).joined(separator: "<BR/>")
            rows.append(#"<TR><TD BGCOLOR="\#(attr(color))" WIDTH="30" HEIGHT="6" FIXEDSIZE="TRUE"></TD>"#
                + #"<TD ALIGN="LEFT">\#(tags)</TD></TR>"#)
        }
        if pathIndices.count > 1 {
            rows.append(#"<TR><TD>&#160;</TD><TD ALIGN="LEFT">parallel colours: hop shared by paths</TD></TR>"#)
        }
        if showsElided {
            rows.append(#"<TR><TD>- - -</TD><TD ALIGN="LEFT">dashed: steps elided</TD></TR>"#)
        }
        return ##"<TABLE BORDER="1" COLOR="#BBBBBB" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">"##
            + rows.joined() + "</TABLE>"
    }

    /// Path indices grouped by their colour, in palette order (P1's colour first).
    static func colorGroups(style: GraphStyle, pathIndices: [Int]) -> [(color: String, indices: [Int])] {
        var groups: [(color: String, indices: [Int])] = []
        for index in pathIndices.sorted() {
            let color = style.pathColor(index)
            if let slot = groups.firstIndex(where: { $0.color == color }) {
                groups[slot].indices.append(index)
            } else {
                groups.append((color, [index]))
            }
        }
        return groups
    }

    /// The legend caption of a role.
    static func caption(for role: NodeRole) -> String {
        switch role {
        case .finding: "finding (first step)"
        case .mechanism: "mechanism (middle step)"
        case .conclusion: "conclusion (last step)"
        case .statement: "statement (prose path)"
        }
    }

    private static func text(_ value: String) -> String { GraphvizText.htmlEscaped(value) }
    private static func attr(_ value: String) -> String { GraphvizText.htmlEscaped(value) }
}
