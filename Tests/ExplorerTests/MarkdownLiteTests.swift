import Explorer
import Foundation
import Testing

@Suite("MarkdownLite: safe Markdown for model text")
struct MarkdownLiteTests {
    static func numbered(_ text: String) -> [(number: Int, text: String)] {
        text.components(separatedBy: "\n").enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// Every tag in `html` is one MarkdownLite makes, with only its own attributes.
    static func onlyOwnMarkup(_ html: String) -> Bool {
        let allowed: Set<String> = ["h3", "h4", "h5", "h6", "p", "span", "ul", "ol", "li", "blockquote", "pre", "hr",
                                    "strong", "em", "code"]
        for tag in html.matches(of: /<\/?([a-zA-Z0-9]+)([^>]*)>/) {
            guard allowed.contains(String(tag.1)) else { return false }
            let attributes = String(tag.2).matches(of: /\s([a-zA-Z-]+)="([^"]*)"/)
            var rest = String(tag.2)
            for a in attributes {
                guard ["class", "data-line", "value"].contains(String(a.1)) else { return false }
                if a.1 != "class", !a.2.allSatisfy(\.isNumber) { return false }
                rest = rest.replacingOccurrences(of: String(a.0), with: "")
            }
            if !rest.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        }
        return true
    }

    @Test("headings, lists, paragraphs, rules, quotes and code, every line with its number")
    func blocks() {
        let text = """
        ## Thinking

        ### Finding Reasoning Paths:
        1. Cough -> **Postnasal drip** -> Antihistamines
        2) Cough -> *Asthma*
        - a bullet with `code <b>`
          continued under it
        ---
        A paragraph line
        and its second line.
        > quoted _text_
        ```
        let x = **not bold**
        ```
        """
        let html = MarkdownLite.html(lines: Self.numbered(text))
        #expect(html.contains(#"<h4 class="md-h md-h2" data-line="1">Thinking</h4>"#))
        #expect(html.contains(#"<h5 class="md-h md-h3" data-line="3">Finding Reasoning Paths:</h5>"#))
        #expect(html.contains(#"<li class="md-li" value="1" data-line="4">Cough -&gt; <strong>Postnasal drip</strong> -&gt; Antihistamines</li>"#))
        #expect(html.contains(#"<li class="md-li" value="2" data-line="5">Cough -&gt; <em>Asthma</em></li>"#))
        #expect(html.contains(#"<ul class="md-list"><li class="md-li" data-line="6">a bullet with <code>code &lt;b&gt;</code></li>"#))
        #expect(html.contains(#"data-line="7">continued under it</li>"#))
        #expect(html.contains(#"<hr class="md-rule" data-line="8">"#))
        #expect(html.contains(#"<p class="md-p"><span class="md-line" data-line="9">A paragraph line</span><span class="md-line" data-line="10">and its second line.</span></p>"#))
        #expect(html.contains(#"<blockquote class="md-quote"><span class="md-line" data-line="11">quoted <em>text</em></span></blockquote>"#))
        #expect(html.contains(#"<span class="md-line" data-line="13">let x = **not bold**"#))
        for n in [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] { #expect(html.contains("data-line=\"\(n)\""), "line \(n)") }
        #expect(Self.onlyOwnMarkup(html))
    }

    @Test("model HTML, quotes, links and template syntax are shown as text, never as markup")
    func hostile() {
        let lines = [
            "<script>alert(1)</script>",
            "**<img src=x onerror=alert(2)>**",
            "[click me](javascript:alert(3)) and ![img](data:text/html,x)",
            #""]; x [label="pwn" & 'single'"#,
            "{{title}} {{{svg}}} {{> partial}}",
            "# </h4><script>x</script>",
            "- <li onclick=alert(4)>",
            "`</code><script>`",
            "snake_case_name and 2*3*4 and a * b * c",
            "***bold italic*** and **unclosed",
        ]
        let html = MarkdownLite.html(lines: lines.enumerated().map { ($0.offset + 1, $0.element) })
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a"))
        #expect(!html.lowercased().contains("href"))
        #expect(!html.contains("onerror=alert(2)>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<strong>&lt;img src=x onerror=alert(2)&gt;</strong>"))
        #expect(html.contains("[click me](javascript:alert(3))"))
        #expect(html.contains("&quot;]; x [label=&quot;pwn&quot; &amp; &#39;single&#39;"))
        #expect(html.contains("{{title}} {{{svg}}} {{&gt; partial}}"))
        #expect(html.contains("<code>&lt;/code&gt;&lt;script&gt;</code>"))
        #expect(html.contains("snake_case_name and 2*3*4 and a * b * c"))
        #expect(Self.onlyOwnMarkup(html), "\(html)")
    }

    @Test("escape covers the five HTML specials")
    func escape() {
        #expect(MarkdownLite.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(MarkdownLite.inline("plain") == "plain")
        #expect(MarkdownLite.inline("an `unpaired backtick") == "an `unpaired backtick")
    }
}
