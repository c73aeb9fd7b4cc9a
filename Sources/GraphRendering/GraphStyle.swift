import ReasoningPaths

/// How a reasoning graph looks: fonts, node shapes and colours by role, path colours, label limits.
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
        maxQualifierLength: Int = 60
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
}
