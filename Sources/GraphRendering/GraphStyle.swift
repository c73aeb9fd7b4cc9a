import ReasoningPaths

/// How a reasoning graph looks: fonts, node shapes and colours by role, path colours, label limits,
/// and — when ontology annotations are given — concept-type fills and hop-verdict line styles.
///
/// Every value here is chosen by ddx (never by model text) and is passed to Graphviz as an
/// attribute value. Colours are Graphviz/CSS colours (`#RRGGBB` is safe for both Graphviz and Mermaid).
///
/// ```swift
/// var style = GraphStyle.default
/// style.wrapWidth = 24
/// let svg = try GraphRenderer(style: style).render(graph, as: .svg, annotations: annotations)
/// ```
public struct GraphStyle: Sendable, Equatable {
    /// The look of one node role.
    public struct NodeStyle: Sendable, Equatable {
        /// Graphviz shape (`ellipse`, `box`, `note`, …).
        public var shape: String
        /// Graphviz style list (`filled`, `rounded,filled`, `bold`).
        public var style: String
        /// Fill colour.
        public var fillColor: String
        /// Border colour.
        public var borderColor: String
        /// Border width in points.
        public var penWidth: Double

        /// Creates a node style.
        public init(shape: String, style: String, fillColor: String, borderColor: String, penWidth: Double = 1) {
            self.shape = shape
            self.style = style
            self.fillColor = fillColor
            self.borderColor = borderColor
            self.penWidth = penWidth
        }
    }

    /// The look of a hop by its ontology verdict (used only when `DiagramAnnotations.ontology` is set).
    /// The colour always stays the path colour; the verdict changes line style, width and markers.
    public struct HopStyle: Sendable, Equatable {
        /// Graphviz line style: `solid`, `dashed` or `dotted`.
        public var lineStyle: String
        /// Multiplier of `edgePenWidth`.
        public var penWidthFactor: Double
        /// Graphviz arrowhead (`normal`; `onormal` is hollow). `elidedArrowMarker` is appended for elided hops.
        public var arrowHead: String
        /// Opacity applied to the path colours, 0...1 (1 = unchanged; lower looks faded/greyed).
        public var opacity: Double
        /// A short ddx-chosen text drawn at the arrowhead (Graphviz `headlabel`), or nil.
        public var headMarker: String?
        /// Colour of `headMarker`.
        public var headMarkerColor: String
        /// CSS `stroke-dasharray` for Mermaid (`nil` = solid).
        public var dashArray: String?

        /// Creates a hop style.
        public init(lineStyle: String, penWidthFactor: Double = 1, arrowHead: String = "normal", opacity: Double = 1,
                    headMarker: String? = nil, headMarkerColor: String = "#CC3311", dashArray: String? = nil) {
            self.lineStyle = lineStyle
            self.penWidthFactor = penWidthFactor
            self.arrowHead = arrowHead
            self.opacity = opacity
            self.headMarker = headMarker
            self.headMarkerColor = headMarkerColor
            self.dashArray = dashArray
        }
    }

    /// The concept types ddx colours, in legend order (the `type` strings of `NodeConceptAnnotation`).
    public static let conceptTypes = ["symptom", "sign", "finding", "disease", "mechanism", "drug", "test",
                                      "procedure", "outcome", "anatomy"]

    /// Node fills by concept type. Light tints so black text stays readable; seven of them are Paul Tol's
    /// "light" scheme (made for filled areas with black text and chosen to stay apart under the common
    /// colour-vision deficiencies), extended with apricot, lavender, slate and tan for the remaining types.
    /// Clinical features are warm (symptom light yellow, sign orange, finding apricot), disease pink-red,
    /// mechanism lavender, drug pear green, test light blue, procedure mint/teal, outcome slate grey-blue,
    /// anatomy tan/brown. Colour is never the only cue: the concept id is printed in the node and the
    /// legend names every type shown.
    public static let conceptTypePalette: [String: String] = [
        "symptom": "#EEDD88", "sign": "#EE8866", "finding": "#FFCC99", "disease": "#FFAABB",
        "mechanism": "#CCBBEE", "drug": "#BBCC33", "test": "#77AADD", "procedure": "#44BB99",
        "outcome": "#AABBCC", "anatomy": "#CCAA77",
    ]

    /// The verdict strings of `EdgeVerdictAnnotation`, in legend order.
    public static let hopVerdicts = ["attested", "attested-via-is-a", "plausible", "unattested", "ungrounded"]

    /// Hop looks by verdict. Colour = path, style = verdict: attested solid and heavier; attested via is-a
    /// solid; plausible dashed; unattested dotted with a red-ish `?` at the arrowhead; ungrounded dotted,
    /// faded (half opacity, reads as greyed) with a hollow arrowhead.
    public static let defaultHopStyles: [String: HopStyle] = [
        "attested": HopStyle(lineStyle: "solid", penWidthFactor: 1.75),
        "attested-via-is-a": HopStyle(lineStyle: "solid"),
        "plausible": HopStyle(lineStyle: "dashed", dashArray: "6 4"),
        "unattested": HopStyle(lineStyle: "dotted", headMarker: "?", headMarkerColor: "#CC3311", dashArray: "2 4"),
        "ungrounded": HopStyle(lineStyle: "dotted", arrowHead: "onormal", opacity: 0.5, dashArray: "2 4"),
    ]

    /// Okabe–Ito colour-blind-safe colours, without the yellow that is unreadable as a line on white.
    public static let okabeItoPalette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"]

    /// The default style: DejaVu Sans, left-to-right layout, Okabe–Ito path colours.
    public static let `default` = GraphStyle()

    /// Font family for nodes, edges and the graph label; must exist on the machine (fontconfig name).
    public var fontName: String
    /// Node label size in points.
    public var fontSize: Double
    /// Edge label size in points.
    public var edgeFontSize: Double
    /// Footer (graph label) size in points.
    public var footerFontSize: Double
    /// Graphviz `rankdir` (`LR` = findings on the left, conclusions on the right).
    public var rankDirection: String
    /// Presenting findings (first steps).
    public var finding: NodeStyle
    /// Mechanisms and intermediate states (middle steps).
    public var mechanism: NodeStyle
    /// Conclusions and diagnoses (last steps).
    public var conclusion: NodeStyle
    /// Prose path items kept as one node.
    public var statement: NodeStyle
    /// Path colours by path index (P1 gets the first), cycled when there are more paths.
    public var pathPalette: [String]
    /// Colour of an edge no path claims.
    public var unassignedEdgeColor: String
    /// Edge width in points.
    public var edgePenWidth: Double
    /// Characters per label line before wrapping at a word boundary.
    public var wrapWidth: Int
    /// Longest label shown, in characters (the tooltip keeps the full text).
    public var maxLabelLength: Int
    /// Whether a legend (roles, path colours, line styles) is drawn.
    public var showsLegend: Bool
    /// Whether nodes show their qualifiers (`e.g., guaifenesin`) on a line under the name.
    public var showsQualifiers: Bool
    /// Longest qualifier text shown in a node (the tooltip keeps it all).
    public var maxQualifierLength: Int
    /// Node fills by concept type (keys as in `conceptTypes`); used when ontology annotations are given.
    public var conceptTypeColors: [String: String]
    /// Fill of a node linked to a concept whose type is unknown (or not in `conceptTypeColors`).
    public var untypedConceptColor: String
    /// Fill of a node not linked to any concept (its border is dashed in `unlinkedBorderColor`).
    public var unlinkedFillColor: String
    /// Dashed border colour of a node not linked to any concept.
    public var unlinkedBorderColor: String
    /// Size in points of the concept-id line under a linked node's name.
    public var conceptIDFontSize: Double
    /// Colour of the concept-id line.
    public var conceptIDColor: String
    /// Hop looks by verdict (keys as in `hopVerdicts`; an unknown verdict is drawn as `ungrounded`).
    public var hopStyles: [String: HopStyle]
    /// Graphviz arrow shape added behind the arrowhead of an elided hop when ontology annotations are given
    /// (then dashes mean `plausible`, so elision gets its own marker; without ontology elided hops stay dashed).
    public var elidedArrowMarker: String
    /// Hop and node-border colours of a comparison by provenance (blue only A, vermillion only B, dark grey both:
    /// Okabe–Ito colours, told apart with any colour vision).
    public var provenanceLineColors: [Provenance: String] = [.onlyA: "#0072B2", .onlyB: "#D55E00", .both: "#444444"]
    /// Node fills of a comparison by provenance (light tints of the line colours; shared nodes near white).
    public var provenanceFillColors: [Provenance: String] = [.onlyA: "#D6E8F5", .onlyB: "#F9DDCB", .both: "#F4F4F4"]

    /// Creates a style; every parameter defaults to the `default` look.
    public init(
        fontName: String = "DejaVu Sans",
        fontSize: Double = 12,
        edgeFontSize: Double = 10,
        footerFontSize: Double = 10,
        rankDirection: String = "LR",
        finding: NodeStyle = NodeStyle(shape: "ellipse", style: "filled", fillColor: "#DCEBFA", borderColor: "#2B5C8A"),
        mechanism: NodeStyle = NodeStyle(shape: "box", style: "rounded,filled", fillColor: "#FFF4C2", borderColor: "#8A6D00"),
        conclusion: NodeStyle = NodeStyle(shape: "box", style: "rounded,filled,bold", fillColor: "#F8D0CC",
                                          borderColor: "#9E1F14", penWidth: 2),
        statement: NodeStyle = NodeStyle(shape: "note", style: "filled", fillColor: "#E6E6E6", borderColor: "#555555"),
        pathPalette: [String] = GraphStyle.okabeItoPalette,
        unassignedEdgeColor: String = "#888888",
        edgePenWidth: Double = 1.6,
        wrapWidth: Int = 30,
        maxLabelLength: Int = 160,
        showsLegend: Bool = true,
        showsQualifiers: Bool = true,
        maxQualifierLength: Int = 60,
        conceptTypeColors: [String: String] = GraphStyle.conceptTypePalette,
        untypedConceptColor: String = "#DDDDDD",
        unlinkedFillColor: String = "#FFFFFF",
        unlinkedBorderColor: String = "#888888",
        conceptIDFontSize: Double = 9,
        conceptIDColor: String = "#444444",
        hopStyles: [String: HopStyle] = GraphStyle.defaultHopStyles,
        elidedArrowMarker: String = "odot"
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.edgeFontSize = edgeFontSize
        self.footerFontSize = footerFontSize
        self.rankDirection = rankDirection
        self.finding = finding
        self.mechanism = mechanism
        self.conclusion = conclusion
        self.statement = statement
        self.pathPalette = pathPalette
        self.unassignedEdgeColor = unassignedEdgeColor
        self.edgePenWidth = edgePenWidth
        self.wrapWidth = wrapWidth
        self.maxLabelLength = maxLabelLength
        self.showsLegend = showsLegend
        self.showsQualifiers = showsQualifiers
        self.maxQualifierLength = maxQualifierLength
        self.conceptTypeColors = conceptTypeColors
        self.untypedConceptColor = untypedConceptColor
        self.unlinkedFillColor = unlinkedFillColor
        self.unlinkedBorderColor = unlinkedBorderColor
        self.conceptIDFontSize = conceptIDFontSize
        self.conceptIDColor = conceptIDColor
        self.hopStyles = hopStyles
        self.elidedArrowMarker = elidedArrowMarker
    }

    /// The node style for a role.
    public func nodeStyle(for role: NodeRole) -> NodeStyle {
        switch role {
        case .finding: finding
        case .mechanism: mechanism
        case .conclusion: conclusion
        case .statement: statement
        }
    }

    /// The colour of 1-based path `index`, cycling through `pathPalette`.
    public func pathColor(_ index: Int) -> String {
        guard !pathPalette.isEmpty else { return unassignedEdgeColor }
        let slot = ((index - 1) % pathPalette.count + pathPalette.count) % pathPalette.count
        return pathPalette[slot]
    }

    /// The distinct colours of the given path indices, in first-seen order (one parallel line each).
    public func edgeColors(paths: [Int]) -> [String] {
        var colors: [String] = []
        for index in paths {
            let color = pathColor(index)
            if !colors.contains(color) { colors.append(color) }
        }
        return colors.isEmpty ? [unassignedEdgeColor] : colors
    }

    /// The fill of a linked node whose concept has `type` (`untypedConceptColor` when unknown).
    public func conceptColor(forType type: String?) -> String {
        type.flatMap { conceptTypeColors[$0] } ?? untypedConceptColor
    }

    /// The line colour of a comparison's `provenance`.
    public func provenanceLineColor(_ provenance: Provenance) -> String {
        provenanceLineColors[provenance] ?? unassignedEdgeColor
    }

    /// The node fill of a comparison's `provenance`.
    public func provenanceFillColor(_ provenance: Provenance) -> String {
        provenanceFillColors[provenance] ?? unlinkedFillColor
    }

    /// The look of a hop with `verdict`; unknown verdicts look `ungrounded`.
    public func hopStyle(forVerdict verdict: String) -> HopStyle {
        hopStyles[verdict] ?? hopStyles["ungrounded"]
            ?? HopStyle(lineStyle: "dotted", arrowHead: "onormal", opacity: 0.5, dashArray: "2 4")
    }
}
