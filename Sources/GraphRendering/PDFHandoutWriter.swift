internal import CCairo
import ReasoningPaths

/// Writes a `PDFHandout` as a multi-page A4 PDF with cairo (`cairo_pdf_surface_create_for_stream`, one
/// `cairo_show_page` per sheet). Text is set with cairo's toy font API; the graph is laid out by Graphviz and drawn by
/// its cairo renderer onto the same PDF (see `PDFHandoutGraphDrawing`), so it stays vector art with real text. Every
/// sheet has the footer and `page N of M`. The output carries no creation date, so the same handout always gives the
/// same bytes. All work runs under the process-wide Graphviz lock.
///
/// ```swift
/// let bytes = try PDFHandoutWriter().write(handout)     // starts with "%PDF-"
/// ```
public struct PDFHandoutWriter: Sendable {
    /// The look of the graph on the pages (by default ddx's style without the legend).
    public let style: GraphStyle

    /// The default graph style for handouts: ddx's own, without the legend node (each hop's verdict is spelled out in
    /// the page text instead).
    public static var handoutStyle: GraphStyle {
        var style = GraphStyle.default
        style.showsLegend = false
        return style
    }

    /// Creates a writer.
    public init(style: GraphStyle = PDFHandoutWriter.handoutStyle) {
        self.style = style
    }

    /// The PDF bytes of `handout`. Throws `GraphRenderingError` when Graphviz cannot draw the graph (e.g. the cairo
    /// plugin is missing) or cairo fails.
    public func write(_ handout: PDFHandout) throws -> [UInt8] {
        try GraphvizContext.run { context in
            var recordings: [Int: PDFHandoutGraphDrawing.Recording] = [:]
            if let graph = handout.graph, !graph.nodes.isEmpty {
                for (index, page) in handout.pages.enumerated() {
                    guard let focus = page.graph else { continue }
                    recordings[index] = try PDFHandoutGraphDrawing.record(graph, style: style,
                                                                          annotations: handout.annotations,
                                                                          focus: focus, in: context)
                }
            }
            return try Self.writePDF(handout, recordings: recordings)
        }
    }

    /// Collects the bytes cairo streams out.
    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    private static func writePDF(_ handout: PDFHandout,
                                 recordings: [Int: PDFHandoutGraphDrawing.Recording]) throws -> [UInt8] {
        let sink = ByteSink()
        let closure = Unmanaged.passRetained(sink)
        defer { closure.release() }
        let writeFunction: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(writeFunction, closure.toOpaque(),
                                                                PDFHandoutLayout.pageWidth,
                                                                PDFHandoutLayout.pageHeight) else {
            throw GraphRenderingError.renderFailed(.pdf, "cairo could not create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        // An empty creation date leaves it out (cairo would otherwise stamp the current time).
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, PDFHandoutTypesetter.clean(handout.title, keepNewlines: false))
        if let subject = handout.subject {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, PDFHandoutTypesetter.clean(subject, keepNewlines: false))
        }
        if let creator = handout.creator {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, PDFHandoutTypesetter.clean(creator, keepNewlines: false))
        }
        guard let cr = cairo_create(surface) else {
            throw GraphRenderingError.renderFailed(.pdf, "cairo could not create a drawing context")
        }
        let typesetter = PDFHandoutTypesetter(cr: cr)
        var layout = PDFHandoutLayout(typesetter: typesetter, footer: handout.footer)
        for (index, page) in handout.pages.enumerated() {
            let size = recordings[index].map { (width: $0.width, height: $0.height) }
            layout.add(page, index: index, graph: size)
        }
        let sheets = layout.sheets.isEmpty ? [PDFHandoutLayout.Sheet()] : layout.sheets
        for (number, sheet) in sheets.enumerated() {
            for item in sheet.items { draw(item, with: typesetter, recordings: recordings) }
            drawFooter(layout.footerLines, page: number + 1, of: sheets.count, with: typesetter)
            cairo_show_page(cr)
        }
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard drawStatus == CAIRO_STATUS_SUCCESS, status == CAIRO_STATUS_SUCCESS else {
            let failed = drawStatus != CAIRO_STATUS_SUCCESS ? drawStatus : status
            throw GraphRenderingError.renderFailed(.pdf, "cairo: " + String(cString: cairo_status_to_string(failed)))
        }
        return sink.bytes
    }

    private static func draw(_ item: PDFHandoutLayout.Item, with typesetter: PDFHandoutTypesetter,
                             recordings: [Int: PDFHandoutGraphDrawing.Recording]) {
        let cr = typesetter.cr
        switch item {
        case let .text(text, font, x, y, color):
            typesetter.draw(text, font: font, x: x, baseline: y, color: color)
        case let .box(x, y, width, height, layer):
            typesetter.fill(x: x, y: y, width: width, height: height, color: PDFHandoutLayout.fillColor(layer))
            typesetter.fill(x: x, y: y, width: PDFHandoutLayout.barWidth, height: height,
                            color: PDFHandoutLayout.barColor(layer))
        case let .graph(page, x, y, scale):
            guard let recording = recordings[page] else { return }
            cairo_save(cr)
            cairo_translate(cr, x, y)
            cairo_scale(cr, scale, scale)
            cairo_translate(cr, -recording.x, -recording.y)
            cairo_set_source_surface(cr, recording.surface, 0, 0)
            cairo_rectangle(cr, recording.x, recording.y, recording.width, recording.height)
            cairo_fill(cr)
            cairo_restore(cr)
            typesetter.stroke(x: x - 0.5, y: y - 0.5, width: recording.width * scale + 1,
                              height: recording.height * scale + 1, color: .init(hex: 0xD0D7DE), lineWidth: 0.6)
        }
    }

    private static func drawFooter(_ lines: [String], page: Int, of count: Int, with typesetter: PDFHandoutTypesetter) {
        let font = PDFHandoutLayout.footerFont
        let margin = PDFHandoutLayout.margin
        var y = PDFHandoutLayout.pageHeight - margin - Double(lines.count) * font.lineHeight + font.size
        typesetter.fill(x: margin, y: y - font.size - 5, width: PDFHandoutLayout.pageWidth - 2 * margin, height: 0.5,
                        color: .init(hex: 0xC8CDD2))
        let number = "page \(page) of \(count)"
        let right = PDFHandoutLayout.pageWidth - margin - typesetter.width(number, font)
        typesetter.draw(number, font: font, x: right, baseline: y, color: PDFHandoutLayout.grey)
        for line in lines {
            typesetter.draw(line, font: font, x: margin, baseline: y, color: PDFHandoutLayout.grey)
            y += font.lineHeight
        }
    }
}
