/// Places a handout's blocks and graphs on A4 sheets: each logical page starts a new sheet, text is wrapped to the
/// column, a block or graph that does not fit moves to the next sheet, and a block taller than a sheet is split between
/// lines (its box continues). Measuring goes through the typesetter's cairo context; nothing is drawn here.
struct PDFHandoutLayout {
    typealias Font = PDFHandoutTypesetter.Font
    typealias Color = PDFHandoutTypesetter.Color

    /// Something to draw on a sheet, in drawing order.
    enum Item {
        /// One line of text with its baseline at `y`.
        case text(String, font: Font, x: Double, y: Double, color: Color)
        /// A layer box: background and the coloured bar on its left.
        case box(x: Double, y: Double, width: Double, height: Double, layer: PDFHandoutBlock.Layer)
        /// The graph recorded for logical page `page`, its ink's top-left corner at (x, y), scaled by `scale`.
        case graph(page: Int, x: Double, y: Double, scale: Double)
    }

    /// The items of one physical page.
    struct Sheet {
        var items: [Item] = []
    }

    /// A line of a block before placement.
    private struct Line {
        var text: String
        var font: Font
        var color: Color
        var indent: Double
        var bullet: Bool
        var gapBefore: Double
    }

    // A4 in points.
    static let pageWidth = 595.28
    static let pageHeight = 841.89
    static let margin = 46.0
    static let boxPadding = 6.0
    static let barWidth = 3.5
    static let blockGap = 6.5
    /// At most this share of the usable height goes to the graph.
    static let graphShare = 0.4

    static let titleFont = Font(size: 16.5, bold: true)
    static let headingFont = Font(size: 11, bold: true)
    static let bodyFont = Font(size: 9.6, bold: false)
    static let smallFont = Font(size: 8, bold: false)
    static let tagFont = Font(size: 6.6, bold: true)
    static let footerFont = Font(size: 7, bold: false)

    static let ink = Color(hex: 0x1F2328)
    static let grey = Color(hex: 0x5F6368)

    /// The bar colour of a layer, used for its tag too.
    static func barColor(_ layer: PDFHandoutBlock.Layer) -> Color {
        switch layer {
        case .plain: Color(hex: 0xFFFFFF)
        case .caseFact: Color(hex: 0x78716C)
        case .modelClaim: Color(hex: 0xB45309)
        case .ontologyFact: Color(hex: 0x1D5FA8)
        }
    }

    /// The background colour of a layer's box.
    static func fillColor(_ layer: PDFHandoutBlock.Layer) -> Color {
        switch layer {
        case .plain: Color(hex: 0xFFFFFF)
        case .caseFact: Color(hex: 0xF4F4F2)
        case .modelClaim: Color(hex: 0xFFF6E0)
        case .ontologyFact: Color(hex: 0xE6F0FA)
        }
    }

    let typesetter: PDFHandoutTypesetter
    /// The footer lines printed on every sheet.
    let footerLines: [String]
    private(set) var sheets: [Sheet] = []
    private var y = 0.0

    var contentWidth: Double { Self.pageWidth - 2 * Self.margin }
    /// The lowest baseline-free y content may reach.
    var bottom: Double {
        Self.pageHeight - Self.margin - Double(footerLines.count) * Self.footerFont.lineHeight - 10
    }
    var usableHeight: Double { bottom - Self.margin }

    init(typesetter: PDFHandoutTypesetter, footer: String) {
        self.typesetter = typesetter
        self.footerLines = typesetter.wrap(footer, font: Self.footerFont, width: Self.pageWidth - 2 * Self.margin - 80)
    }

    /// Lays out logical page `index`; `graph` is the recorded graph's ink size when the page has one.
    mutating func add(_ page: PDFHandoutPage, index: Int, graph: (width: Double, height: Double)?) {
        newSheet()
        let split = min(max(page.graphAfterBlocks, 0), page.blocks.count)
        for block in page.blocks[..<split] { add(block) }
        if let graph { addGraph(page: index, width: graph.width, height: graph.height) }
        for block in page.blocks[split...] { add(block) }
    }

    private mutating func newSheet() {
        sheets.append(Sheet())
        y = Self.margin
    }

    private var sheetIsEmpty: Bool { sheets.last?.items.isEmpty ?? true }

    private mutating func append(_ item: Item) {
        if sheets.isEmpty { newSheet() }
        sheets[sheets.count - 1].items.append(item)
    }

    private mutating func addGraph(page: Int, width: Double, height: Double) {
        let scale = min(1.0, contentWidth / width, usableHeight * Self.graphShare / height)
        let drawnHeight = height * scale
        if y + drawnHeight > bottom && !sheetIsEmpty { newSheet() }
        let x = Self.margin + (contentWidth - width * scale) / 2
        append(.graph(page: page, x: x, y: y, scale: scale))
        y += drawnHeight + Self.blockGap + 2
    }

    private func font(for style: PDFHandoutBlock.Style) -> Font {
        switch style {
        case .title: Self.titleFont
        case .heading: Self.headingFont
        case .body: Self.bodyFont
        case .small: Self.smallFont
        }
    }

    /// The lines of `block`, wrapped to `width`.
    private func lines(of block: PDFHandoutBlock, width: Double) -> [Line] {
        let font = font(for: block.style)
        let color = block.style == .small ? Self.grey : Self.ink
        var out: [Line] = []
        if block.layer != .plain {
            out.append(Line(text: (block.tag ?? block.layer.rawValue).uppercased(), font: Self.tagFont, color: Self.barColor(block.layer),
                            indent: 0, bullet: false, gapBefore: 0))
        }
        if let heading = block.heading, !heading.isEmpty {
            let headingFont = Font(size: max(font.size, Self.bodyFont.size), bold: true)
            for (i, text) in typesetter.wrap(heading, font: headingFont, width: width).enumerated() {
                out.append(Line(text: text, font: headingFont, color: Self.ink, indent: 0, bullet: false,
                                gapBefore: i == 0 && !out.isEmpty ? 1 : 0))
            }
        }
        let bulletIndent = typesetter.width("•  ", font)
        for (p, paragraph) in PDFHandoutTypesetter.clean(block.text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let isBullet = paragraph.hasPrefix("• ")
            let body = isBullet ? String(paragraph.dropFirst(2)) : String(paragraph)
            let indent = isBullet ? bulletIndent : 0
            for (i, text) in typesetter.wrap(body, font: font, width: width - indent).enumerated() {
                out.append(Line(text: text, font: font, color: color, indent: indent, bullet: isBullet && i == 0,
                                gapBefore: i == 0 && (p > 0 || !out.isEmpty) ? 2.5 : 0))
            }
        }
        return out
    }

    private mutating func add(_ block: PDFHandoutBlock) {
        let boxed = block.layer != .plain
        let inset = boxed ? Self.barWidth + Self.boxPadding : 0
        let pad = boxed ? Self.boxPadding - 1 : 0
        let textWidth = contentWidth - inset - (boxed ? Self.boxPadding : 0)
        let all = lines(of: block, width: textWidth)
        guard !all.isEmpty else { return }
        let height = all.reduce(2 * pad) { $0 + $1.gapBefore + $1.font.lineHeight }
        if y + height > bottom && !sheetIsEmpty && height <= usableHeight { newSheet() }

        var segmentStart = y
        var segmentIndex = sheets.isEmpty ? 0 : sheets[sheets.count - 1].items.count
        y += pad
        let x = Self.margin + inset
        for line in all {
            let advance = line.gapBefore + line.font.lineHeight
            if y + advance + pad > bottom && y > segmentStart + pad {
                if boxed { closeBox(from: segmentStart, at: segmentIndex, layer: block.layer, pad: pad) }
                newSheet()
                segmentStart = y
                segmentIndex = 0
                y += pad
            }
            y += line.gapBefore
            let baseline = y + line.font.size * 1.0
            if line.bullet { append(.text("•", font: line.font, x: x, y: baseline, color: line.color)) }
            append(.text(line.text, font: line.font, x: x + line.indent, y: baseline, color: line.color))
            y += line.font.lineHeight
        }
        if boxed { closeBox(from: segmentStart, at: segmentIndex, layer: block.layer, pad: pad) }
        y += pad + Self.blockGap
    }

    /// Puts the box behind the text placed since `index` on the current sheet.
    private mutating func closeBox(from top: Double, at index: Int, layer: PDFHandoutBlock.Layer, pad: Double) {
        let box = Item.box(x: Self.margin, y: top, width: contentWidth, height: y + pad - top, layer: layer)
        sheets[sheets.count - 1].items.insert(box, at: min(index, sheets[sheets.count - 1].items.count))
    }
}
