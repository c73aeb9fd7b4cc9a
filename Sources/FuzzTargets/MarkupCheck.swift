/// Checks that HTML made from model text contains only the markup its writer is documented to produce.
enum MarkupCheck {
    /// Tags `MarkdownLite.html` may emit, with only ddx-made attribute values (a `Regex` is immutable once made).
    nonisolated(unsafe) private static let markdownTag = try! Regex(
        #"^</?(p|ol|ul|li|blockquote|pre|span|h[1-6]|hr|code|strong|em)( (class="[a-z0-9 -]+"|data-line="[0-9]+"|value="[0-9]+"))*>$"#)

    /// Throws unless every tag in `html` is one `MarkdownLite` may write and every `&` starts an entity.
    static func requireOnlyMarkdownTags(_ html: String, name: String) throws {
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else {
                throw FuzzViolation(name, "MarkdownLite.html: an unclosed <")
            }
            let tag = rest[open...close]
            guard tag.wholeMatch(of: markdownTag) != nil else {
                throw FuzzViolation(name, "MarkdownLite.html wrote an unexpected tag \(tag.prefix(80))")
            }
            rest = rest[rest.index(after: close)...]
        }
        try EscapingFuzzing.requireEntityOnly(
            html.replacing(try! Regex(#"<[^>]*>"#), with: ""), name: name, what: "MarkdownLite.html text")
    }
}
