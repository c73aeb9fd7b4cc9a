/// The token structure of DOT text with every value (identifier, numeral, quoted or HTML string) reduced to one
/// placeholder: two DOT files have the same shape when they declare the same statements and attributes, whatever
/// their values say. Text that escaped its quotes would add tokens and change the shape. Lexical rules from the
/// Graphviz DOT language reference.
enum DOTShape {
    /// The shape of `dot`, or nil when the text does not lex (an unterminated string or comment).
    static func of(_ dot: String) -> [String]? {
        let b = Array(dot.utf8)
        var shape: [String] = []
        var i = 0
        var lineStart = true
        while i < b.count {
            let c = b[i]
            if c == 0x0A { lineStart = true; i += 1; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            if lineStart && c == UInt8(ascii: "#") {  // preprocessor-style line: skipped
                while i < b.count && b[i] != 0x0A { i += 1 }
                continue
            }
            lineStart = false
            if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "/") {
                while i < b.count && b[i] != 0x0A { i += 1 }
                continue
            }
            if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < b.count && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                guard i + 1 < b.count else { return nil }
                i += 2
                continue
            }
            if c == UInt8(ascii: "\"") {
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
                guard i < b.count else { return nil }
                i += 1
                shape.append("V")
                continue
            }
            if c == UInt8(ascii: "<") {
                var depth = 0
                repeat {
                    if b[i] == UInt8(ascii: "<") { depth += 1 } else if b[i] == UInt8(ascii: ">") { depth -= 1 }
                    i += 1
                } while depth > 0 && i < b.count
                guard depth == 0 else { return nil }
                shape.append("V")
                continue
            }
            if c == UInt8(ascii: "-") && i + 1 < b.count && (b[i + 1] == UInt8(ascii: ">") || b[i + 1] == UInt8(ascii: "-")) {
                shape.append(String(decoding: b[i...(i + 1)], as: UTF8.self))
                i += 2
                continue
            }
            if isValueByte(c) {
                while i < b.count && isValueByte(b[i]) { i += 1 }
                shape.append("V")
                continue
            }
            shape.append(String(UnicodeScalar(c)))
            i += 1
        }
        return shape
    }

    /// Bytes of unquoted identifiers and numerals: letters, digits, `_`, `.`, `-`, and any non-ASCII byte.
    private static func isValueByte(_ c: UInt8) -> Bool {
        c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
    }
}
