/// Python's `str()` and `repr()` of template values, which is what `{{ value }}` prints.
enum PythonFormatter {
    /// Deepest nesting printed before giving up (a namespace can contain itself).
    static let maxDepth = 100

    /// `str(value)`: strings as they are, `None`, `True`/`False`, Python float repr, Python list/dict repr;
    /// undefined prints as nothing.
    static func str(_ value: RuntimeValue) throws -> String {
        switch value {
        case .undefined: return ""
        case .string(let text): return text
        default: return try repr(value, depth: 0)
        }
    }

    static func repr(_ value: RuntimeValue, depth: Int) throws -> String {
        guard depth < maxDepth else {
            throw ChatTemplateError(.limit, line: 0, "value nested deeper than \(maxDepth) levels")
        }
        switch value {
        case .undefined: return "Undefined"
        case .none: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return floatRepr(number)
        case .string(let text): return stringRepr(text)
        case .array(let items): return "[" + (try items.map { try repr($0, depth: depth + 1) }).joined(separator: ", ") + "]"
        case .dict(let dict): return try dictRepr(dict, depth: depth)
        case .namespace(let namespace): return "<Namespace " + (try dictRepr(namespace.attributes, depth: depth)) + ">"
        case .loop(let loop): return "<LoopContext \(loop.index0 + 1)/\(loop.length)>"
        case .callable(.global(let name)): return "<function \(name)>"
        case .callable(.method(let receiver, let name)):
            return "<built-in method \(name) of \(receiver.typeName) object>"
        case .callable(.macro(let macro)): return "<Macro '\(macro.definition.name)'>"
        }
    }

    private static func dictRepr(_ dict: RuntimeDict, depth: Int) throws -> String {
        let entries = try dict.entries.map { stringRepr($0.key) + ": " + (try repr($0.value, depth: depth + 1)) }
        return "{" + entries.joined(separator: ", ") + "}"
    }

    /// `repr(str)`: single quotes unless the text has `'` and no `"`, Python's escapes for the rest.
    static func stringRepr(_ text: String) -> String {
        let quote: Unicode.Scalar = text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case quote, "\\": result += "\\" + String(scalar)
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x7F || isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return result + String(quote)
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's `str.isprintable()` for one code point.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    /// `repr(float)`: the shortest round-tripping digits, positional for exponents in [-4, 16), otherwise
    /// scientific with at least two exponent digits.
    static func floatRepr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let (negative, digits, exponent) = shortestDigits(value)
        let sign = negative ? "-" : ""
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
            let integerCount = exponent + 1
            if digits.count <= integerCount {
                return sign + digits + String(repeating: "0", count: integerCount - digits.count) + ".0"
            }
            return sign + digits.prefix(integerCount) + "." + digits.dropFirst(integerCount)
        }
        let mantissa = digits.count > 1 ? digits.prefix(1) + "." + digits.dropFirst() : digits
        let exponentDigits = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
            + (exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits)
    }

    /// The shortest round-tripping decimal digits of `value` (no leading or trailing zeros, "0" for zero) and
    /// the decimal exponent of the first digit.
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, exponent: Int) {
        let negative = value.sign == .minus
        var text = Swift.abs(value).description
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = String(text[..<marker])
        }
        var integerPart = text
        var fractionPart = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = String(text[..<dot])
            fractionPart = String(text[text.index(after: dot)...])
        }
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        if digits == "0" { return (negative, "0", 0) }
        return (negative, digits, pointPosition - 1 + exponent)
    }
}
