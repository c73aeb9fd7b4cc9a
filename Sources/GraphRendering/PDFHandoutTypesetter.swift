internal import CCairo

/// Measures, wraps and draws text with cairo's toy font API (DejaVu Sans through fontconfig; glyphs the font lacks
/// show as boxes). Text is drawn literally: control and bidirectional-override characters are removed first, so
/// untrusted text cannot reorder or hide what is printed. Use only under the Graphviz lock, on one cairo context.
struct PDFHandoutTypesetter {
    /// A size and weight.
    struct Font: Equatable {
        var size: Double
        var bold: Bool

        /// Baseline-to-baseline distance.
        var lineHeight: Double { (size * 1.32).rounded(.up) }
    }

    /// An sRGB colour, components in 0...1.
    struct Color: Equatable {
        var red: Double
        var green: Double
        var blue: Double

        /// `#rrggbb`.
        init(hex: UInt32) {
            red = Double((hex >> 16) & 0xFF) / 255
            green = Double((hex >> 8) & 0xFF) / 255
            blue = Double(hex & 0xFF) / 255
        }
    }

    /// The font family asked of fontconfig.
    static let family = "DejaVu Sans"

    /// The cairo context used for measuring and drawing (`cairo_t *`).
    let cr: OpaquePointer

    /// `text` without control characters (tabs become spaces; line breaks are kept only when `keepNewlines`) and
    /// without bidirectional controls.
    static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x2028, 0x2029:
                out.append(keepNewlines ? "\n" : " ")
            case 0x09:
                out.append(" ")
            case 0x0D:
                continue
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Makes `font` the current font.
    func select(_ font: Font) {
        cairo_select_font_face(cr, Self.family, CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, font.size)
    }

    /// The advance width of `text` (one line) in `font`.
    func width(_ text: String, _ font: Font) -> Double {
        select(font)
        return advance(text)
    }

    private func advance(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// `text` broken into lines no wider than `width`: paragraphs at `\n`, words at spaces, words longer than a line
    /// at character boundaries. An empty paragraph gives an empty line.
    func wrap(_ text: String, font: Font, width: Double) -> [String] {
        select(font)
        let space = advance(" ")
        var lines: [String] = []
        for paragraph in Self.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0.0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var pieces = [String(word)]
                if advance(String(word)) > width { pieces = breakWord(String(word), width: width) }
                for piece in pieces {
                    let w = advance(piece)
                    if line.isEmpty {
                        line = piece
                        lineWidth = w
                    } else if lineWidth + space + w <= width {
                        line += " " + piece
                        lineWidth += space + w
                    } else {
                        lines.append(line)
                        line = piece
                        lineWidth = w
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// A word wider than `width` cut into pieces that fit (at least one character each).
    private func breakWord(_ word: String, width: Double) -> [String] {
        var pieces: [String] = []
        var current = ""
        for ch in word {
            let candidate = current + String(ch)
            if !current.isEmpty && advance(candidate) > width {
                pieces.append(current)
                current = String(ch)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Draws one line of `text` with its baseline at `y`.
    func draw(_ text: String, font: Font, x: Double, baseline y: Double, color: Color) {
        select(font)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, Self.clean(text, keepNewlines: false))
    }

    /// Fills a rectangle.
    func fill(x: Double, y: Double, width: Double, height: Double, color: Color) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    /// Strokes a rectangle outline.
    func stroke(x: Double, y: Double, width: Double, height: Double, color: Color, lineWidth: Double) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_set_line_width(cr, lineWidth)
        cairo_rectangle(cr, x, y, width, height)
        cairo_stroke(cr)
    }
}
