import Foundation
import GraphRendering
import Reporting

/// The `ddx explore` outputs of one exploration: a self-contained HTML report (text with its sections, the graph as
/// inline SVG, summary, run metadata; one inline style and one inline script allowed by hash, no external resource)
/// and, on request, the diagram as SVG/PNG/PDF/DOT/Mermaid/JSON, every file carrying the run metadata. `write` puts
/// them on disk all or nothing.
///
/// ```swift
/// let report = try ExploreReport(reportDirectory: try TemplateLocator.reportDirectory(explicit: nil))
/// let written = try report.write(exploration, to: "ddx-out/cough.html", exports: [.svg, .json])
/// ```
public struct ExploreReport: Sendable {
    /// The folder holding `report.mustache`, its partials, `report.css` and `report.js`.
    public let reportDirectory: String
    public let assets: ReportInlineAssets
    private let templates: ReportRenderer
    private let renderer: GraphRenderer

    /// Loads the templates and assets; a one-line error naming the file when one is missing or broken.
    public init(reportDirectory: String, renderer: GraphRenderer = GraphRenderer()) throws {
        self.reportDirectory = reportDirectory
        self.assets = try ReportInlineAssets(directory: reportDirectory)
        do {
            self.templates = try ReportRenderer(directory: reportDirectory)
        } catch let error as ReportError {
            throw InputError(error.description)
        }
        guard templates.has("report") else { throw InputError("\(reportDirectory): no report.mustache") }
        self.renderer = renderer
    }

    /// The annotations every export of `exploration` carries: footer, fingerprint, grounding and run metadata.
    public static func annotations(for exploration: Exploration) -> DiagramAnnotations {
        var a = exploration.analysis.annotations(title: exploration.medicalCase?.title ?? exploration.question)
        a.metadataJSON = exploration.metadata.json()
        return a
    }

    /// The diagram of `exploration` in `format`, with the run metadata embedded.
    public func export(_ exploration: Exploration, as format: DiagramFormat) throws -> [UInt8] {
        do {
            return try renderer.render(exploration.analysis.graph, as: format, annotations: Self.annotations(for: exploration))
        } catch let error as GraphRenderingError {
            throw InputError("\(exploration.analysis.input.sourceName): \(error.description)")
        }
    }

    /// The graph as SVG markup for inlining (from `<svg` on, comments removed, fixed size replaced by
    /// `data-width`/`data-height` in points so the page can scale it); nil when the text has no paths.
    public func inlineSVG(_ exploration: Exploration) throws -> String? {
        guard !exploration.analysis.graph.nodes.isEmpty else { return nil }
        return Self.inlinable(String(decoding: try export(exploration, as: .svg), as: UTF8.self))
    }

    /// The HTML page.
    public func html(_ exploration: Exploration) throws -> String {
        try assets.page(templates, template: "report",
                        context: ReportContextBuilder(exploration).context(inlineSVG: try inlineSVG(exploration)),
                        templatePath: "\(reportDirectory)/report.mustache")
    }

    /// Writes the report to `path` and each export beside it (same base name), all or nothing; returns the export
    /// paths written, in `exports` order.
    @discardableResult
    public func write(_ exploration: Exploration, to path: String, exports: [DiagramFormat]) throws -> [String] {
        try ExportSet.writePage({ try html(exploration) }, to: path, noun: "report", exports: exports) {
            try export(exploration, as: $0)
        }
    }

    /// Where the report goes without `-o`: `ddx-out/NAME.html`, NAME being the text file's name (for `--text`), else
    /// the case id, else a slug of the question.
    public static func defaultOutputPath(textPath: String?, caseID: String?, question: String?,
                                         directory: String = "ddx-out") -> String {
        var name: String?
        if let textPath, textPath != "-" {
            name = slug(((textPath as NSString).lastPathComponent as NSString).deletingPathExtension)
        }
        if name == nil || name!.isEmpty, let caseID { name = slug(caseID) }
        if name == nil || name!.isEmpty, let question { name = slug(question) }
        if name == nil || name!.isEmpty { name = textPath == "-" ? "stdin" : "explore" }
        return directory + "/" + name! + ".html"
    }

    /// A file-name slug: lower-case ASCII letters and digits, other runs as one `-`, at most 60 characters.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        if out.count > 60 {
            out = String(out.prefix(60))
            if let cut = out.lastIndex(of: "-"), out.distance(from: out.startIndex, to: cut) > 20 { out = String(out[..<cut]) }
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    /// Graphviz SVG made fit for inlining in HTML.
    static func inlinable(_ svg: String) -> String {
        var s = svg
        if let start = s.range(of: "<svg") { s = String(s[start.lowerBound...]) }
        while let open = s.range(of: "<!--"), let close = s.range(of: "-->", range: open.upperBound..<s.endIndex) {
            s.removeSubrange(open.lowerBound..<close.upperBound)
        }
        if let tagEnd = s.firstIndex(of: ">") {
            var tag = String(s[..<tagEnd])
            tag = tag.replacingOccurrences(of: #" width="([0-9.]+)pt""#, with: #" data-width="$1""#, options: .regularExpression)
            tag = tag.replacingOccurrences(of: #" height="([0-9.]+)pt""#, with: #" data-height="$1""#, options: .regularExpression)
            s = tag + " class=\"ddx-graph\" role=\"img\" aria-label=\"Reasoning-path graph\"" + s[tagEnd...]
        }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
