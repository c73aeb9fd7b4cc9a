import Foundation
import GraphRendering
import Reporting

/// The `ddx compare` outputs: one self-contained HTML page (both texts side by side, the merged graph with provenance
/// colours, where the paths part, each side's hop verdicts, whether the final answers agree, both runs' metadata) and,
/// on request, the merged diagram as SVG/PNG/PDF/DOT/Mermaid/JSON with the combined run metadata embedded. `write`
/// puts them on disk all or nothing.
///
/// The page is `Templates/compare/compare.mustache`; it reuses the report's text-block partials and stylesheet
/// (`Templates/report/report.css` followed by `compare.css`) and has its own script, `compare.js`.
///
/// ```swift
/// let report = try CompareReport(templatesDirectory: nil)
/// try report.write(comparison, sideA: "seed 1", sideB: "seed 2", to: "ddx-out/compare.html", exports: [.svg])
/// ```
public struct CompareReport: Sendable {
    public let compareDirectory: String
    public let assets: ReportInlineAssets
    private let templates: ReportRenderer
    private let renderer: GraphRenderer

    /// Loads the templates from a copy of the `Templates` folder (`explicit`, else `$DDX_TEMPLATES_DIR`, else the
    /// shipped one); a one-line error naming the file when one is missing or broken.
    public init(templatesDirectory explicit: String?, renderer: GraphRenderer = GraphRenderer()) throws {
        let report = try TemplateLocator.reportDirectory(explicit: explicit)
        let compare = try TemplateLocator.pageDirectory("compare", marker: "compare.mustache", explicit: explicit)
        compareDirectory = compare
        assets = try ReportInlineAssets(styleFiles: [report + "/report.css", compare + "/compare.css"],
                                        scriptFile: compare + "/compare.js")
        do {
            templates = try ReportRenderer(directories: [report, compare])
        } catch let error as ReportError {
            throw InputError(error.description)
        }
        self.renderer = renderer
    }

    /// The merged diagram in `format`, with provenance colours and the combined run metadata.
    public func export(_ c: ReasoningComparison, sideA: String, sideB: String, as format: DiagramFormat) throws -> [UInt8] {
        guard !c.graph.nodes.isEmpty else {
            throw InputError("\(c.a.analysis.input.sourceName), \(c.b.analysis.input.sourceName): no reasoning paths in either text; nothing to draw")
        }
        do {
            return try renderer.render(c.graph, as: format, annotations: c.annotations(sideA: sideA, sideB: sideB, title: Self.title(c)))
        } catch let error as GraphRenderingError {
            throw InputError("\(c.a.analysis.input.sourceName) vs \(c.b.analysis.input.sourceName): \(error.description)")
        }
    }

    /// The HTML page.
    public func html(_ c: ReasoningComparison, sideA: String, sideB: String) throws -> String {
        let svg = c.graph.nodes.isEmpty ? nil
            : ExploreReport.inlinable(String(decoding: try export(c, sideA: sideA, sideB: sideB, as: .svg), as: UTF8.self))
        return try assets.page(templates, template: "compare",
                               context: CompareContextBuilder(c, sideA: sideA, sideB: sideB).context(inlineSVG: svg),
                               templatePath: "\(compareDirectory)/compare.mustache")
    }

    /// Writes the page to `path` and each export beside it (same base name), all or nothing; returns the export paths.
    @discardableResult
    public func write(_ c: ReasoningComparison, sideA: String, sideB: String, to path: String,
                      exports: [DiagramFormat]) throws -> [String] {
        try ExportSet.writePage({ try html(c, sideA: sideA, sideB: sideB) }, to: path, noun: "page", exports: exports) {
            try export(c, sideA: sideA, sideB: sideB, as: $0)
        }
    }

    /// The title the diagrams carry: the case's title, else the question.
    static func title(_ c: ReasoningComparison) -> String? {
        (c.a.medicalCase ?? c.b.medicalCase)?.title ?? c.a.question ?? c.b.question
    }
}
