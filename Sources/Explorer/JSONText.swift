/// Minimal JSON writing for line-oriented outputs where JSONEncoder's per-call cost dominates.
enum JSONText {
    /// `value` as a JSON string literal (quotes included), escaping per RFC 8259.
    static func string(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A score with at most three decimals, without trailing zeros (`0.95`, `1`).
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { text = String(format3: rounded) }
        return text
    }
}

private extension String {
    init(format3 value: Double) {
        let scaled = Int((value * 1000).rounded())
        let whole = scaled / 1000, frac = abs(scaled % 1000)
        var f = String(frac)
        f = String(repeating: "0", count: 3 - f.count) + f
        while f.hasSuffix("0") { f.removeLast() }
        self = f.isEmpty ? String(whole) : "\(whole).\(f)"
    }
}
