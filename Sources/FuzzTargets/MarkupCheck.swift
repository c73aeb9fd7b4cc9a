/// Checks that HTML made from model text contains only the markup its writer is documented to produce.
enum MarkupCheck {
    /// Tags `MarkdownLite.html` may emit, with only ddx-made attribute values (a `Regex` is immutable once made).
    nonisolated(unsafe) private static let markdownTag = try! Regex(
        #"^</?(p|ol|ul|li|blockquote|pre|span|h[1-6]|hr|code|strong|em)( (class="[a-z0-9 -]+"|data-line="[0-9]+"|value="[0-9]+"))*>$"#)

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
            let tag = String(decoding: b[i...close], as: UTF8.self)
            guard tag.wholeMatch(of: markdownTag) != nil else {
                throw FuzzViolation(name, "MarkdownLite.html wrote an unexpected tag \(tag.prefix(80))")
            }
            i = close + 1
        }
        try EscapingFuzzing.requireEntityOnly(String(decoding: text, as: UTF8.self), name: name,
                                              what: "MarkdownLite.html text")
    }
}
