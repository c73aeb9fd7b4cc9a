import Explorer
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Fuzzing of the HTML, SVG and script escapers used for model text in reports, and of the Markdown renderer that
/// shows model text in the HTML report. Properties: escaped text holds no markup character, reads back (after entity
/// decoding) as the text minus the characters the escaper documents it drops, and parses as XML text and as an
/// attribute value; the Markdown renderer emits only its fixed tags; JSON in a script cannot end the script.
enum EscapingFuzzing {
    static let target = FuzzTarget(
        name: "escaping",
        summary: "HTML/SVG/script escapers and the Markdown renderer for model text",
        seedDirectories: ["Tests/ReasoningPathsTests/Fixtures"], maxInputLength: 4096, body: run)

    static func run(_ input: [UInt8]) throws {
        let name = "escaping"
        let text = String(decoding: input, as: UTF8.self)

        let html = MarkdownLite.escape(text)
        try requireEntityOnly(html, name: name, what: "MarkdownLite.escape")
        try FuzzViolation.require(decodeEntities(html) == text, name, "MarkdownLite.escape does not read back")

        let xmlAllowed = String(String.UnicodeScalarView(text.unicodeScalars.filter(isXMLChar)))
        for (what, escaped, expected) in [
            ("BarChartSVG.escape", BarChartSVG.escape(text), xmlAllowed),
            ("SVGFrameMaker.escape", SVGFrameMaker.escape(text), frameText(text)),
        ] {
            try requireEntityOnly(escaped, name: name, what: what)
            try FuzzViolation.require(decodeEntities(escaped) == expected, name, "\(what) does not read back")
            try requireXML(escaped, name: name, what: what)
        }

        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["text": text]), as: UTF8.self)
        let script = WalkthroughContext.escapeForScript(json)
        try FuzzViolation.require(!script.unicodeScalars.contains { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) },
                                  name, "escapeForScript left a character that can end or confuse a script")
        let back = try? JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: String]
        try FuzzViolation.require(back?["text"] == text, name, "escapeForScript changed the JSON's meaning")

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (number: $0.offset + 1, text: String($0.element)) }
        try MarkupCheck.requireOnlyMarkdownTags(MarkdownLite.html(lines: lines), name: name)
    }

    /// Characters XML 1.0 allows.
    static func isXMLChar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || v >= 0x10000
    }

    /// What `SVGFrameMaker.escape` documents keeping: tab and newline as spaces; no controls, U+FFFE/U+FFFF or
    /// bidirectional controls.
    static func frameText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            let v = u.value
            if u == "\t" || u == "\n" { out.append(" "); continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
            if v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { continue }
            out.append(u)
        }
        return String(out)
    }

    /// No `< > " '` and every `&` starts one of the five entities the escapers write.
    static func requireEntityOnly(_ escaped: String, name: String, what: String) throws {
        let b = Array(escaped.utf8)
        for (i, c) in b.enumerated() {
            switch c {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                throw FuzzViolation(name, "\(what) left a raw \(UnicodeScalar(c))")
            case UInt8(ascii: "&"):
                let rest = b[i...]
                let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { rest.starts(with: $0.utf8) }
                try FuzzViolation.require(ok, name, "\(what) left a bare &")
            default: continue
            }
        }
    }

    /// `text` with the five entities decoded, byte by byte (Foundation's string search compares characters, and a
    /// combining mark after `;` would hide an entity from it).
    static func decodeEntities(_ text: String) -> String {
        let entities: [([UInt8], UInt8)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
            .map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&"), let (entity, byte) = entities.first(where: { b[i...].starts(with: $0.0) }) {
                out.append(byte)
                i += entity.count
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `escaped` parses as both element text and a double-quoted attribute value of an XML document.
    static func requireXML(_ escaped: String, name: String, what: String) throws {
        let document = "<t a=\"\(escaped)\">\(escaped)</t>"
        let parser = XMLParser(data: Data(document.utf8))
        let ok = parser.parse()
        try FuzzViolation.require(ok, name, "\(what) output is not well-formed XML")
    }
}
