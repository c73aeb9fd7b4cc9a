/// What the linked Graphviz can do, as `ddx doctor` reports it.
public struct GraphvizInfo: Sendable, Equatable {
    /// libgvc's version string (`gvcVersion`).
    public var version: String
    /// Layout engines (`dot`, `neato`, …).
    public var layoutPlugins: [String]
    /// Renderers (`svg`, `cairo`, `gd`, …).
    public var renderPlugins: [String]
    /// Output devices (`svg`, `png`, `pdf`, …).
    public var devicePlugins: [String]
    /// Text layout plugins (`textlayout` when pango is present).
    public var textLayoutPlugins: [String]
    /// True when libgvc's plugin configuration was missing and ddx loaded the plugin libraries itself.
    public var usesFallbackPlugins: Bool
    /// The export formats that work with these plugins.
    public var supportedFormats: [DiagramFormat]

    /// Creates an info value.
    public init(version: String, layoutPlugins: [String], renderPlugins: [String], devicePlugins: [String],
                textLayoutPlugins: [String], usesFallbackPlugins: Bool, supportedFormats: [DiagramFormat]) {
        self.version = version
        self.layoutPlugins = layoutPlugins
        self.renderPlugins = renderPlugins
        self.devicePlugins = devicePlugins
        self.textLayoutPlugins = textLayoutPlugins
        self.usesFallbackPlugins = usesFallbackPlugins
        self.supportedFormats = supportedFormats
    }

    /// A few lines for a diagnostics report.
    public var summary: String {
        """
        graphviz \(version)\(usesFallbackPlugins ? " (plugins loaded by ddx: libgvc's config6a is missing)" : "")
        layout: \(layoutPlugins.joined(separator: " "))
        render: \(renderPlugins.joined(separator: " "))
        device: \(devicePlugins.joined(separator: " "))
        textlayout: \(textLayoutPlugins.isEmpty ? "none (labels measured with built-in metrics)" : textLayoutPlugins.joined(separator: " "))
        formats: \(supportedFormats.map(\.rawValue).joined(separator: " "))
        """
    }
}
