import Foundation

/// A small, safe Markdown renderer for model text: ATX headings, `---` rules, bullet and numbered lists, block quotes,
/// fenced code, paragraphs, and inline `**bold**`, `*italic*`, `_italic_` and `` `code` ``.
///
/// Safety comes first: every character of the text is HTML-escaped before any markup is added, and the only markup
/// ever produced is the fixed set of tags below with ddx-made attributes (`data-line` numbers, `value` numbers, fixed
/// class names). Raw HTML in the text is shown as text; links and images are not rendered (no URL of any kind is
/// emitted). Every source line that shows becomes (or is inside) an element carrying `data-line="N"`, so the report
/// can highlight it.
///
/// ```swift
/// MarkdownLite.html(lines: [(1, "## Thinking"), (2, "**Bold** <script>")])
/// // <h4 class="md-h md-h2" data-line="1">Thinking</h4>
/// // <p class="md-p"><span class="md-line" data-line="2"><strong>Bold</strong> &lt;script&gt;</span></p>
/// ```
public enum MarkdownLite {
    /// The HTML of `lines` (each with its 1-based source line number).
    public static func html(lines: [(number: Int, text: String)]) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var quote: [String] = []
        var fence: (line: Int, rows: [String])?

        func flushParagraph() {
            if !paragraph.isEmpty { out.append("<p class=\"md-p\">" + paragraph.joined() + "</p>") }
            paragraph = []
        }
        func flushList() {
            if let l = list {
                let tag = l.ordered ? "ol" : "ul"
                out.append("<\(tag) class=\"md-list\">" + l.items.joined() + "</\(tag)>")
            }
            list = nil
        }
        func flushQuote() {
            if !quote.isEmpty { out.append("<blockquote class=\"md-quote\">" + quote.joined() + "</blockquote>") }
            quote = []
        }
        func flushAll() { flushParagraph(); flushList(); flushQuote() }

        for (number, raw) in lines {
            let text = raw.replacingOccurrences(of: "\t", with: "    ")
            if var f = fence {
                if text.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    out.append("<pre class=\"md-code\">" + f.rows.joined() + "<span class=\"md-line\" data-line=\"\(number)\"></span></pre>")
                    fence = nil
                } else {
                    f.rows.append("<span class=\"md-line\" data-line=\"\(number)\">\(escape(text))\n</span>")
                    fence = f
                }
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flushAll(); continue }
            if trimmed.hasPrefix("```") {
                flushAll()
                fence = (number, ["<span class=\"md-line md-fence\" data-line=\"\(number)\"></span>"])
                continue
            }
            if let (level, title) = heading(trimmed) {
                flushAll()
                let tag = "h\(min(level + 2, 6))"
                out.append("<\(tag) class=\"md-h md-h\(level)\" data-line=\"\(number)\">\(inline(title))</\(tag)>")
                continue
            }
            if isRule(trimmed) {
                flushAll()
                out.append("<hr class=\"md-rule\" data-line=\"\(number)\">")
                continue
            }
            if let item = listItem(text) {
                flushParagraph(); flushQuote()
                if let l = list, l.ordered != (item.number != nil) { flushList() }
                if list == nil { list = (item.number != nil, []) }
                let value = item.number.map { " value=\"\($0)\"" } ?? ""
                let indent = min(item.indent / 2, 4)
                let cls = indent > 0 ? "md-li md-indent-\(indent)" : "md-li"
                list?.items.append("<li class=\"\(cls)\"\(value) data-line=\"\(number)\">\(inline(item.text))</li>")
                continue
            }
            if trimmed.hasPrefix(">") {
                flushParagraph(); flushList()
                let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                quote.append("<span class=\"md-line\" data-line=\"\(number)\">\(inline(body))</span>")
                continue
            }
            // A continuation line indented under a list item stays in that item's list, as its own line.
            if list != nil, text.hasPrefix("  ") {
                list?.items.append("<li class=\"md-li md-cont\" data-line=\"\(number)\">\(inline(trimmed))</li>")
                continue
            }
            flushList(); flushQuote()
            paragraph.append("<span class=\"md-line\" data-line=\"\(number)\">\(inline(trimmed))</span>")
        }
        if let f = fence { out.append("<pre class=\"md-code\">" + f.rows.joined() + "</pre>") }
        flushAll()
        return out.joined(separator: "\n")
    }

    /// `text` with `& < > " '` as entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Inline markup of one line: code spans first (their insides stay literal), then bold and italic on the
    /// already-escaped text, so the only tags are `<code>`, `<strong>` and `<em>`.
    public static func inline(_ text: String) -> String {
        var segments = text.components(separatedBy: "`")
        if segments.count % 2 == 0 {  // an unpaired backtick stays literal
            let last = segments.removeLast()
            segments[segments.count - 1] += "`" + last
        }
        return segments.enumerated().map { i, part in
            i % 2 == 1 ? "<code>" + escape(part) + "</code>" : emphasis(escape(part))
        }.joined()
    }

    // MARK: Blocks

    static func heading(_ trimmed: String) -> (Int, String)? {
        var level = 0
        for ch in trimmed { if ch == "#" { level += 1 } else { break } }
        guard (1...6).contains(level) else { return nil }
        let rest = trimmed.dropFirst(level)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title.removeLast() }
        return (level, title.trimmingCharacters(in: .whitespaces))
    }

    static func isRule(_ trimmed: String) -> Bool {
        let compact = trimmed.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    static func listItem(_ text: String) -> (indent: Int, number: Int?, text: String)? {
        let indent = text.prefix { $0 == " " }.count
        let body = text.dropFirst(indent)
        if let first = body.first, "-*+".contains(first), body.dropFirst().first == " " {
            return (indent, nil, body.dropFirst(2).trimmingCharacters(in: .whitespaces))
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = body.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        return (indent, Int(digits), after.dropFirst(2).trimmingCharacters(in: .whitespaces))
    }

    // MARK: Inline emphasis

    private static let rules: [(NSRegularExpression, String)] = [
        (#"\*\*(?=\S)((?:(?!\*\*)[^<])+?)(?<=\S)\*\*"#, "<strong>$1</strong>"),
        (#"(?<![\w_])__(?=\S)((?:(?!__)[^<])+?)(?<=\S)__(?![\w_])"#, "<strong>$1</strong>"),
        (#"(?<![\w*])\*(?=[^\s*])([^*<]+?)(?<=[^\s*])\*(?![\w*])"#, "<em>$1</em>"),
        (#"(?<![\w_])_(?=[^\s_])([^_<]+?)(?<=[^\s_])_(?![\w_])"#, "<em>$1</em>"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// Bold and italic on escaped text (which holds no `<`, `>` or `"`, so captured text cannot make a tag).
    static func emphasis(_ escaped: String) -> String {
        guard escaped.contains("*") || escaped.contains("_") else { return escaped }
        var s = escaped
        for (regex, template) in rules {
            let range = NSRange(s.startIndex..., in: s)
            s = regex.stringByReplacingMatches(in: s, range: range, withTemplate: template)
        }
        return s
    }
}
