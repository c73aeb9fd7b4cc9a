import Foundation
import GraphRendering

/// Makes the numbered SVG frames of a walkthrough from one Graphviz SVG (laid out once): each frame is the same
/// drawing with a `<style>` block that dims the nodes and hops not yet revealed and highlights the current hop (by the
/// element ids of `DiagramElementID`), a caption below the graph (the step's title and text, XML-escaped), and the run
/// metadata in `<metadata>`. No frame is laid out again, so nodes never move between frames.
///
/// ```swift
/// let maker = try SVGFrameMaker(svg: svgText)
/// let frame = maker.frame(for: walkthrough.steps[2], of: walkthrough.steps.count, metadataJSON: metadata.json())
/// ```
public struct SVGFrameMaker: Sendable {
    /// The SVG from its `<svg` root tag on.
    private let body: String
    /// The root tag's attributes rewritten per frame.
    private let rootTag: String
    private let height: Double
    private let heightUnit: String
    private let viewBox: (x: Double, y: Double, width: Double, height: Double)

    /// Parses the root `<svg>` tag of `svg` (a Graphviz SVG with `width`, `height` and `viewBox`).
    public init(svg: String) throws {
        guard let start = svg.range(of: "<svg"),
              let close = svg[start.lowerBound...].range(of: ">") else {
            throw InputError("the graph SVG has no <svg> root element")
        }
        let tag = String(svg[start.lowerBound..<close.upperBound])
        let numbers = (Self.attribute("viewBox", in: tag) ?? "").split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else {
            throw InputError("the graph SVG has no usable viewBox")
        }
        let heightValue = Self.length(Self.attribute("height", in: tag)) ?? (numbers[3], "pt")
        rootTag = tag
        body = String(svg[close.upperBound...])
        viewBox = (numbers[0], numbers[1], numbers[2], numbers[3])
        height = heightValue.0
        heightUnit = heightValue.1
    }

    /// The value of attribute `name` in a start tag.
    private static func attribute(_ name: String, in tag: String) -> String? {
        for prefix in [" ", "\n"] {
            guard let r = tag.range(of: prefix + name + "=\""),
                  let end = tag[r.upperBound...].firstIndex(of: "\"") else { continue }
            return String(tag[r.upperBound..<end])
        }
        return nil
    }

    /// `1250pt` → (1250, "pt").
    private static func length(_ text: String?) -> (Double, String)? {
        guard let text else { return nil }
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits) else { return nil }
        return (value, String(text.dropFirst(digits.count)))
    }

    /// The CSS that dims what `step` has not revealed and highlights its current hop.
    public static func style(for step: WalkthroughStep) -> String {
        var css = ".ddx-node,.ddx-edge{opacity:0.14}"
        let lit = step.revealedNodes.map { "#" + DiagramElementID.node($0) }
            + step.revealedEdges.map { "#" + DiagramElementID.edge(from: $0.from, to: $0.to) }
        if !lit.isEmpty { css += lit.joined(separator: ",") + "{opacity:1}" }
        let nodes = step.currentNodes.map { "#" + DiagramElementID.node($0) }
        if !nodes.isEmpty {
            css += nodes.flatMap { id in ["polygon", "ellipse", "path"].map { "\(id) \($0)" } }.joined(separator: ",")
                + "{stroke:#d97706;stroke-width:3px}"
        }
        let edges = step.currentEdges.map { "#" + DiagramElementID.edge(from: $0.from, to: $0.to) }
        if !edges.isEmpty {
            css += edges.map { "\($0) path" }.joined(separator: ",") + "{stroke-width:4.5px}"
            css += edges.map { "\($0) polygon" }.joined(separator: ",") + "{stroke-width:2.5px}"
        }
        return css
    }

    /// The frame for `step` (one of `total`), with `metadataJSON` in `<metadata>`.
    public func frame(for step: WalkthroughStep, of total: Int, metadataJSON: String) -> String {
        let fontSize = min(max(12, viewBox.width / 75), 30)
        let lineHeight = (fontSize * 1.35 * 100).rounded() / 100
        let padding = fontSize
        let charsPerLine = max(30, Int((viewBox.width - 2 * padding) / (fontSize * 0.56)))
        var lines: [(String, Bool)] = [("Step \(step.number) of \(total) · \(step.kind.sectionTitle)", true)]
        for (i, text) in step.caption.enumerated() {
            for piece in Self.wrap(text, width: charsPerLine) { lines.append((piece, i == 0)) }
        }
        if lines.count > 16 { lines = Array(lines.prefix(15)) + [("…", false)] }
        let captionHeight = 2 * padding + Double(lines.count) * lineHeight
        let newViewHeight = viewBox.height + captionHeight
        let newHeight = height * newViewHeight / viewBox.height

        var tag = rootTag
        tag = Self.replaceAttribute("viewBox", in: tag, with: "\(Self.format(viewBox.x)) \(Self.format(viewBox.y)) \(Self.format(viewBox.width)) \(Self.format(newViewHeight))")
        tag = Self.replaceAttribute("height", in: tag, with: Self.format(newHeight) + heightUnit)

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + tag + "\n"
        if !body.contains("<metadata") {
            out += "<metadata id=\"ddx-run-metadata\">" + Self.escape(metadataJSON) + "</metadata>\n"
        }
        out += "<style>" + Self.style(for: step) + "</style>\n"
        let closing = body.range(of: "</svg>", options: .backwards)
        out += closing.map { String(body[..<$0.lowerBound]) } ?? body
        let top = viewBox.y + viewBox.height
        out += "<g id=\"ddx-caption\" class=\"ddx-caption\">\n"
        out += "<rect x=\"\(Self.format(viewBox.x))\" y=\"\(Self.format(top))\" width=\"\(Self.format(viewBox.width))\" height=\"\(Self.format(captionHeight))\" fill=\"#ffffff\"/>\n"
        out += "<line x1=\"\(Self.format(viewBox.x + padding))\" y1=\"\(Self.format(top + 1))\" x2=\"\(Self.format(viewBox.x + viewBox.width - padding))\" y2=\"\(Self.format(top + 1))\" stroke=\"#c8cdd2\" stroke-width=\"1\"/>\n"
        var y = top + padding + fontSize
        for (text, bold) in lines {
            out += "<text x=\"\(Self.format(viewBox.x + padding))\" y=\"\(Self.format(y))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"\(Self.format(fontSize))\" fill=\"\(bold ? "#1f2328" : "#3b4148")\"\(bold ? " font-weight=\"bold\"" : "") xml:space=\"preserve\">\(Self.escape(text))</text>\n"
            y += lineHeight
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// `text` wrapped at spaces to lines of at most `width` characters (longer words are cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` as XML character data or attribute value: `& < > " '` escaped, characters XML 1.0 forbids (and other
    /// control characters, bidirectional controls) removed.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(" ")
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                // Bidirectional controls could make a caption read differently from what it says.
                if v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func replaceAttribute(_ name: String, in tag: String, with value: String) -> String {
        for prefix in [" ", "\n"] {
            guard let r = tag.range(of: prefix + name + "=\""),
                  let end = tag[r.upperBound...].firstIndex(of: "\"") else { continue }
            return tag.replacingCharacters(in: r.upperBound..<end, with: value)
        }
        return tag
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
