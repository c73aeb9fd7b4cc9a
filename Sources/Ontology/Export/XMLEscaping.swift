/// Escaping for XML 1.0 text and attribute values written by ddx.
///
/// `&`, `<`, `>` and `"` become entity references; tab, line feed and carriage return become character references
/// (so attribute values survive attribute-value normalisation); characters XML 1.0 does not allow at all (the other
/// C0 controls, U+FFFE, U+FFFF) are removed. The result is safe in element content and in double-quoted attributes.
enum XMLEscaping {
    /// `text`, escaped.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`, escaped, to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let n = utf8.count
            var start = 0
            var i = 0
            while i < n {
                let b = utf8[i]
                let replacement: StaticString
                var width = 1
                switch b {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x09: replacement = "&#9;"
                case 0x0A: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                case 0x00..<0x20: replacement = ""
                case 0xEF where i + 2 < n && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    replacement = ""  // U+FFFE, U+FFFF
                    width = 3
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                i += width
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<n]))
        }
    }

    /// Whether XML 1.0 allows the character at all (`Char` production; Swift strings hold no surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        return v != 0xFFFE && v != 0xFFFF
    }
}
