/// An export format for a reasoning graph.
public enum DiagramFormat: String, Sendable, CaseIterable, Codable {
    /// Scalable vector graphics from Graphviz's core renderer.
    case svg
    /// Bitmap through Graphviz's cairo renderer.
    case png
    /// PDF through Graphviz's cairo renderer.
    case pdf
    /// The DOT source ddx hands to Graphviz (no layout positions).
    case dot
    /// A Mermaid flowchart, written by ddx.
    case mmd
    /// The graph as JSON, written by ddx.
    case json

    /// The format a file name's extension names (`out.SVG` → `.svg`; `.gv` → `.dot`; `.mermaid` → `.mmd`), or nil.
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        case "mmd", "mermaid": self = .mmd
        case "json": self = .json
        default: return nil
        }
    }

    /// True for formats whose bytes are binary (PNG, PDF).
    public var isBinary: Bool { self == .png || self == .pdf }
}
