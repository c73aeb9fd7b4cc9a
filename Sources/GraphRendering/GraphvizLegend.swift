import ReasoningPaths

/// The legend as a Graphviz HTML-like label. It contains only strings ddx generates (role names,
/// `P1`-style path tags, colours from `GraphStyle`, fixed captions, concept types and verdicts from ddx's
/// own fixed lists) and never model text. The one exception, ontology source names, comes from files:
/// they are made single-line, capped (`GroundingLook.sourcesText`) and escaped with
/// `GraphvizText.htmlLabelText`.
///
/// The markup always contains `&#160;`, which no escaped plain label can contain (`GraphvizText`
/// turns every `&` into `&amp;`), so cgraph's content-keyed string table can never confuse the
/// legend with a plain string.
enum GraphvizLegend {
    /// What the legend shows about ontology grounding: the kinds of node and the verdicts present, and the
    /// loaded source names (untrusted).
    struct Grounding {
        var kinds: [GroundingLook.ConceptKind]
        var verdicts: [String]
        var sources: [String]
    }

    /// What the legend shows about a comparison: the provenances present and the two sides' names (untrusted).
    struct Comparison {
        var provenances: [Provenance]
        var sideA: String
        var sideB: String
    }

    /// The legend markup (without the outer `<…>`, which `agstrdup_html` implies). With `grounding`, role
    /// rows describe shapes (fills then mean concept types) and the concept-type, hop-verdict and note
    /// rows are added; without it the markup is exactly the ungrounded legend. With `comparison`, fills and hop
    /// colours mean the side a node or hop comes from: role rows describe shapes, provenance rows replace the
    /// concept-type and path-colour rows.
    static func html(style: GraphStyle, roles: [NodeRole], pathIndices: [Int], showsElided: Bool,
                     grounding: Grounding? = nil, comparison: Comparison? = nil) -> String {
        var rows: [String] = []
        rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>"#)
        for role in roles {
            let look = style.nodeStyle(for: role)
            if grounding != nil || comparison != nil {
                let caption = text(caption(for: role) + ": " + shapeName(look))
                let border = comparison != nil ? "#555555" : look.borderColor
                rows.append(##"<TR><TD BORDER="1" COLOR="\##(attr(border))" BGCOLOR="#FFFFFF" "##
                    + #"WIDTH="30">&#160;</TD><TD ALIGN="LEFT">\#(caption)</TD></TR>"#)
                continue
            }
            rows.append(#"<TR><TD BORDER="1" COLOR="\#(attr(look.borderColor))" BGCOLOR="\#(attr(look.fillColor))" "#
                + #"WIDTH="30">&#160;</TD><TD ALIGN="LEFT">\#(text(caption(for: role)))</TD></TR>"#)
        }
        if let comparison {
            rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Found in</B></TD></TR>"#)
            for provenance in comparison.provenances {
                rows.append(provenanceRow(provenance, comparison: comparison, style: style))
            }
        } else {
            if let grounding, !grounding.kinds.isEmpty {
                rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Concept type</B></TD></TR>"#)
                for kind in grounding.kinds {
                    rows.append(conceptRow(kind, style: style))
                }
            }
            for (color, indices) in colorGroups(style: style, pathIndices: pathIndices) {
                let tags = LabelText.wrapped(LabelText.pathList(indices), width: 30).map(text).joined(separator: "<BR/>")
                rows.append(#"<TR><TD BGCOLOR="\#(attr(color))" WIDTH="30" HEIGHT="6" FIXEDSIZE="TRUE"></TD>"#
                    + #"<TD ALIGN="LEFT">\#(tags)</TD></TR>"#)
            }
            if pathIndices.count > 1 {
                rows.append(#"<TR><TD>&#160;</TD><TD ALIGN="LEFT">parallel colours: hop shared by paths</TD></TR>"#)
            }
        }
        if let grounding {
            if !grounding.verdicts.isEmpty {
                rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Hop verdict</B></TD></TR>"#)
                for verdict in grounding.verdicts {
                    rows.append(verdictRow(verdict, style: style))
                }
            }
            if showsElided {
                rows.append(#"<TR><TD>&#8212;&#9675;&#9654;</TD>"#
                    + #"<TD ALIGN="LEFT">open circle at the arrow: steps elided</TD></TR>"#)
            }
            let note = LabelText.wrapped(GroundingLook.note(sources: grounding.sources), width: 56)
                .map(GraphvizText.htmlLabelText).joined(separator: #"<BR ALIGN="LEFT"/>"#)
            rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT">\#(note)<BR ALIGN="LEFT"/></TD></TR>"#)
        } else if showsElided {
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

    /// A role's shape as the legend names it (`ellipse`, `box, rounded`).
    static func shapeName(_ look: GraphStyle.NodeStyle) -> String {
        let parts = look.style.split(separator: ",").map { String($0.filter { $0 != " " }) }
        var name = look.shape
        if parts.contains("rounded") { name += ", rounded" }
        if parts.contains("bold") { name += ", bold" }
        return name
    }

    /// The legend caption of a kind of node.
    static func caption(for kind: GroundingLook.ConceptKind) -> String {
        switch kind {
        case .type(let type): type
        case .untyped: "concept of unknown type"
        case .unlinked: "not linked to a concept"
        }
    }

    /// The legend caption of a verdict (one of `GraphStyle.hopVerdicts`).
    static func caption(forVerdict verdict: String) -> String {
        switch verdict {
        case "attested": "attested: relation in the ontology"
        case "attested-via-is-a": "attested via is-a (broader/narrower concept)"
        case "plausible": "plausible: types fit, no fact found"
        case "unattested": "unattested (?): nothing found linking them"
        default: "ungrounded: an end not linked (faded, hollow arrow)"
        }
    }

    private static func conceptRow(_ kind: GroundingLook.ConceptKind, style: GraphStyle) -> String {
        let swatch: String
        switch kind {
        case .type, .untyped:
            let fill = GroundingLook.fillColor(kind, style: style)
            swatch = ##"<TD BORDER="1" COLOR="#555555" BGCOLOR="\##(attr(fill))" WIDTH="30">&#160;</TD>"##
        case .unlinked:
            swatch = #"<TD BORDER="1" STYLE="dashed" COLOR="\#(attr(style.unlinkedBorderColor))" "#
                + #"BGCOLOR="\#(attr(style.unlinkedFillColor))" WIDTH="30">&#160;</TD>"#
        }
        return "<TR>" + swatch + #"<TD ALIGN="LEFT">\#(text(caption(for: kind)))</TD></TR>"#
    }

    /// A verdict row: a line sample (a cell's bottom border in the verdict's line style) and the caption.
    private static func verdictRow(_ verdict: String, style: GraphStyle) -> String {
        let hop = style.hopStyle(forVerdict: verdict)
        let cellStyle = ["dashed", "dotted"].contains(hop.lineStyle) ? #" STYLE="\#(hop.lineStyle)""# : ""
        let width = max(1, min(4, Int((hop.penWidthFactor * 1.5).rounded())))
        let color = hop.opacity < 1 ? "#AAAAAA" : "#333333"
        var marker = "&#160;"
        if let head = hop.headMarker {
            marker = #"<FONT COLOR="\#(attr(hop.headMarkerColor))">\#(GraphvizText.htmlLabelText(head))</FONT>"#
        }
        return #"<TR><TD SIDES="B" BORDER="\#(width)"\#(cellStyle) COLOR="\#(color)" WIDTH="30" ALIGN="RIGHT">"#
            + marker + #"</TD><TD ALIGN="LEFT">\#(text(caption(forVerdict: verdict)))</TD></TR>"#
    }

    /// A provenance row: a node swatch in the side's fill and border, a line sample in its hop colour, the caption
    /// with the side's name (untrusted: one line, capped, escaped).
    private static func provenanceRow(_ provenance: Provenance, comparison: Comparison, style: GraphStyle) -> String {
        let line = style.provenanceLineColor(provenance)
        let name: (String) -> String = { LabelText.truncated(LabelText.singleLine($0), limit: 40) }
        var caption = provenance.caption(sideA: "A", sideB: "B")
        switch provenance {
        case .onlyA where comparison.sideA != "A": caption += " (" + name(comparison.sideA) + ")"
        case .onlyB where comparison.sideB != "B": caption += " (" + name(comparison.sideB) + ")"
        case .both: caption = "both A and B"
        default: break
        }
        return #"<TR><TD BORDER="1" COLOR="\#(attr(line))" BGCOLOR="\#(attr(style.provenanceFillColor(provenance)))" "#
            + #"WIDTH="30">&#160;</TD><TD ALIGN="LEFT"><FONT COLOR="\#(attr(line))">&#9472;&#9472;&#9654;</FONT> "#
            + GraphvizText.htmlLabelText(caption) + "</TD></TR>"
    }

    private static func text(_ value: String) -> String { GraphvizText.htmlEscaped(value) }
    private static func attr(_ value: String) -> String { GraphvizText.htmlEscaped(value) }
}
