/// Checks that HTML made from model text contains only the markup its writer is documented to produce.
enum MarkupCheck {
    /// Element names `MarkdownLite.html` may emit.
    private static let names: Set<String> = ["p", "ol", "ul", "li", "blockquote", "pre", "span", "h1", "h2", "h3", "h4",
                                             "h5", "h6", "hr", "code", "strong", "em"]

    /// Whether `tag` (`<…>`, as bytes) is `</name>` or `<name attr="v" …>` with a known name and only ddx-made
    /// attributes: `class` of `[a-z0-9 -]`, `data-line` and `value` of digits. (Written out rather than as a
    /// `Regex`, whose compiled program the standard library never frees, which LeakSanitizer reports.)
    static func isMarkdownTag(_ tag: ArraySlice<UInt8>) -> Bool {
        var b = Array(tag.dropFirst().dropLast())
        let closing = b.first == UInt8(ascii: "/")
        if closing { b.removeFirst() }
        let nameEnd = b.firstIndex(of: UInt8(ascii: " ")) ?? b.count
        guard names.contains(String(decoding: b[..<nameEnd], as: UTF8.self)) else { return false }
        var rest = b[nameEnd...]
        if closing { return rest.isEmpty }
        while !rest.isEmpty {
            guard rest.first == UInt8(ascii: " "), let equals = rest.firstIndex(of: UInt8(ascii: "=")) else { return false }
            let name = String(decoding: rest[(rest.startIndex + 1)..<equals], as: UTF8.self)
            let valueStart = equals + 1
            guard valueStart < rest.endIndex, rest[valueStart] == UInt8(ascii: "\""),
                  let valueEnd = rest[(valueStart + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return false }
            let value = rest[(valueStart + 1)..<valueEnd]
            let digits = !value.isEmpty && value.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            switch name {
            case "class":
                let ok = !value.isEmpty && value.allSatisfy {
                    ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x2D
                }
                if !ok { return false }
            case "data-line", "value": if !digits { return false }
            default: return false
            }
            rest = rest[(valueEnd + 1)...]
        }
        return true
    }

    /// Throws unless every tag in `html` is one `MarkdownLite` may write and every `&` outside tags starts an
    /// entity. Works on UTF-8 bytes: a combining mark after `>` would merge with it into one `Character`.
    static func requireOnlyMarkdownTags(_ html: String, name: String) throws {
        let b = Array(html.utf8)
        var text: [UInt8] = []
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else {
                text.append(b[i])
                i += 1
                continue
            }
            guard let close = b[i...].firstIndex(of: UInt8(ascii: ">")) else {
                throw FuzzViolation(name, "MarkdownLite.html: an unclosed <")
            }
            guard isMarkdownTag(b[i...close]) else {
                let tag = String(decoding: b[i...close].prefix(80), as: UTF8.self)
                throw FuzzViolation(name, "MarkdownLite.html wrote an unexpected tag \(tag)")
            }
            i = close + 1
        }
        try EscapingFuzzing.requireEntityOnly(String(decoding: text, as: UTF8.self), name: name,
                                              what: "MarkdownLite.html text")
    }
}
