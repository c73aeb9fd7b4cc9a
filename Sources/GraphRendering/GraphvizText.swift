/// Escaping of text for Graphviz attribute values (measured against libgvc 2.42).
///
/// Values are handed to cgraph through its API, never as DOT text, so DOT quoting is Graphviz's own
/// job (`agwrite` escapes `"`). What remains is what Graphviz *interprets* inside values:
/// - plain labels (`label`, `xlabel`, graph `label`) expand escape sequences (`\n \l \r \N \G \E \T
///   \H \L`, and `\\` → `\`) and decode HTML entities (`&amp;` → `&`);
/// - HTML-like labels (`<…>`) decode XML entities and then, like plain labels, expand the backslash
///   sequences (`\N` → node name, `\\` → `\`), also when the backslash came from an entity (`&#92;`);
/// - `tooltip` goes through two backslash passes (an unescape where `\x` → `x`, then the `\N`/`\G`
///   substitution where `\\` → `\`), then entity decoding; the SVG writer escapes `<>"&` itself.
///
/// Control characters must already be gone (see `LabelText`): a NUL would cut the C string short and
/// the others are not allowed in SVG's XML.
enum GraphvizText {
    /// One line of untrusted text for a plain label: `\` → `\\` and `&` → `&amp;`.
    static func escapedLabelLine(_ line: String) -> String {
        escaped(line, backslash: #"\\"#)
    }

    /// A plain label from display lines: each escaped, joined with Graphviz's centred line break `\n`.
    static func label(lines: [String]) -> String {
        lines.map(escapedLabelLine).joined(separator: #"\n"#)
    }

    /// A plain label whose lines are each left-justified (Graphviz's `\l` ends every line).
    static func leftJustifiedLabel(lines: [String]) -> String {
        lines.map { escapedLabelLine($0) + #"\l"# }.joined()
    }

    /// A tooltip from lines of untrusted text: `\` → `\\\\`, `&` → `&amp;`, lines joined with a real
    /// newline (which the SVG writer emits as `&#10;`).
    static func tooltip(lines: [String]) -> String {
        lines.map { escaped($0, backslash: #"\\\\"#) }.joined(separator: "\n")
    }

    /// Text for an HTML-like label (`<…>`): the five XML specials as entities.
    static func htmlEscaped(_ text: String) -> String {
        replacingBytes(in: text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// Untrusted text inside an HTML-like label: the XML specials as entities and `\` → `\\`, so neither
    /// markup nor Graphviz's `\N`-style substitutions can be triggered.
    static func htmlLabelText(_ text: String) -> String {
        replacingBytes(in: text) { byte in
            switch byte {
            case UInt8(ascii: "\\"): #"\\"#
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// A ddx-chosen ASCII attribute value for HTML-like markup written entirely as numeric character
    /// references (`#444` → `&#35;&#52;&#52;&#52;`). Graphviz decodes them; the point is that markup
    /// containing `&#` can never equal an escaped plain label or tooltip (those turn every `&` into
    /// `&amp;`), so cgraph's content-keyed string table cannot mix the two up. Backslashes are dropped.
    static func numericReferences(_ value: String) -> String {
        value.unicodeScalars.filter { $0 != "\\" }.map { "&#\($0.value);" }.joined()
    }

    private static func escaped(_ text: String, backslash: String) -> String {
        replacingBytes(in: text) { byte in
            switch byte {
            case UInt8(ascii: "\\"): backslash
            case UInt8(ascii: "&"): "&amp;"
            default: nil
            }
        }
    }

    /// `text` with each ASCII byte for which `replacement` gives a string replaced by it (UTF-8 safe:
    /// ASCII bytes never occur inside multi-byte sequences).
    private static func replacingBytes(in text: String, _ replacement: (UInt8) -> String?) -> String {
        guard text.utf8.contains(where: { replacement($0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let substitute = replacement(byte) {
                out.append(contentsOf: substitute.utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
