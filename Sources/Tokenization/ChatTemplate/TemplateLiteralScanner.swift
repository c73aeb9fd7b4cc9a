/// Number, string and operator tokens inside tags, with jinja2's (Python's) literal syntax.
enum TemplateLiteralScanner {
    private static func isDigit(_ scalar: Unicode.Scalar, radix: Int = 10) -> Bool {
        switch radix {
        case 2: return scalar == "0" || scalar == "1"
        case 8: return ("0"..."7").contains(scalar)
        case 16: return ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
        default: return ("0"..."9").contains(scalar)
        }
    }

    /// `(\d+_)*\d+` starting at `offset`: the end offset, or nil without a leading digit.
    private static func digitGroup(_ source: [Unicode.Scalar], _ offset: Int) -> Int? {
        guard offset < source.count, isDigit(source[offset]) else { return nil }
        var index = offset
        while true {
            while index < source.count, isDigit(source[index]) { index += 1 }
            if index + 1 < source.count, source[index] == "_", isDigit(source[index + 1]) { index += 1 } else { return index }
        }
    }

    /// A float or integer literal at `offset` (jinja2's `float_re`, then `integer_re`), with its end offset.
    static func number(in source: [Unicode.Scalar], at offset: Int, line: Int) throws -> (TemplateToken.Kind, Int)? {
        guard offset < source.count, isDigit(source[offset]) else { return nil }
        if offset == 0 || source[offset - 1] != ".", let end = floatEnd(source, offset) {
            let text = PythonString.string(source[offset..<end].filter { $0 != "_" })
            guard let value = Double(text) else { return nil }
            return (.float(value), end)
        }
        let first = source[offset]
        if first == "0", offset + 1 < source.count {
            let radixes: [Unicode.Scalar: Int] = ["b": 2, "B": 2, "o": 8, "O": 8, "x": 16, "X": 16]
            if let radix = radixes[source[offset + 1]] {
                var index = offset + 2
                var digits = ""
                while true {
                    var next = index
                    if next < source.count, source[next] == "_" { next += 1 }
                    guard next < source.count, isDigit(source[next], radix: radix) else { break }
                    digits.unicodeScalars.append(source[next])
                    index = next + 1
                }
                if !digits.isEmpty {
                    guard let value = Int(digits, radix: radix) else { throw tooLarge(line) }
                    return (.integer(value), index)
                }
            }
        }
        var index = offset + 1
        var digits = String(first)
        while true {
            var next = index
            if next < source.count, source[next] == "_" { next += 1 }
            guard next < source.count, isDigit(source[next]), first != "0" || source[next] == "0" else { break }
            digits.unicodeScalars.append(source[next])
            index = next + 1
        }
        guard let value = Int(digits) else { throw tooLarge(line) }
        return (.integer(value), index)
    }

    private static func tooLarge(_ line: Int) -> ChatTemplateError {
        return ChatTemplateError(.unsupported, line: line, "integer literal too large for 64 bits")
    }

    private static func floatEnd(_ source: [Unicode.Scalar], _ offset: Int) -> Int? {
        guard let integerEnd = digitGroup(source, offset) else { return nil }
        var index = integerEnd
        var hasFraction = false
        if index < source.count, source[index] == ".", let fractionEnd = digitGroup(source, index + 1) {
            index = fractionEnd
            hasFraction = true
        }
        if index < source.count, source[index] == "e" || source[index] == "E" {
            var exponent = index + 1
            if exponent < source.count, source[exponent] == "+" || source[exponent] == "-" { exponent += 1 }
            if let exponentEnd = digitGroup(source, exponent) { return exponentEnd }
        }
        return hasFraction ? index : nil
    }

    /// A quoted string at `offset` with Python escapes decoded, and its end offset; nil if it is not closed.
    static func string(in source: [Unicode.Scalar], at offset: Int, line: Int) throws -> (String, Int)? {
        let quote = source[offset]
        var index = offset + 1
        while index < source.count, source[index] != quote {
            index += source[index] == "\\" ? 2 : 1
        }
        guard index < source.count else { return nil }
        return (try unescape(Array(source[(offset + 1)..<index]), line: line), index + 1)
    }

    /// Python's `unicode-escape` decoding of a string literal body.
    private static func unescape(_ body: [Unicode.Scalar], line: Int) throws -> String {
        var result: [Unicode.Scalar] = []
        var index = 0
        func hexValue(_ count: Int, _ name: String) throws -> Unicode.Scalar {
            guard index + count <= body.count,
                  body[index..<index + count].allSatisfy({ isDigit($0, radix: 16) }),
                  let code = UInt32(PythonString.string(body[index..<index + count]), radix: 16)
            else { throw ChatTemplateError(.syntax, line: line, "truncated \(name) escape") }
            index += count
            guard let scalar = Unicode.Scalar(code) else {
                throw ChatTemplateError(.unsupported, line: line, "string escape of a lone surrogate")
            }
            return scalar
        }
        while index < body.count {
            let scalar = body[index]
            index += 1
            guard scalar == "\\", index < body.count else {
                result.append(scalar)
                continue
            }
            let escape = body[index]
            index += 1
            switch escape {
            case "\n": break
            case "\\", "'", "\"": result.append(escape)
            case "a": result.append("\u{07}")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "v": result.append("\u{0B}")
            case "x": result.append(try hexValue(2, "\\xXX"))
            case "u": result.append(try hexValue(4, "\\uXXXX"))
            case "U": result.append(try hexValue(8, "\\UXXXXXXXX"))
            case "0"..."7":
                var code = escape.value - 48
                var count = 1
                while count < 3, index < body.count, isDigit(body[index], radix: 8) {
                    code = code * 8 + body[index].value - 48
                    index += 1
                    count += 1
                }
                result.append(Unicode.Scalar(code)!)
            case "N": throw ChatTemplateError(.unsupported, line: line, "unsupported string escape '\\N{…}'")
            default:
                result.append("\\")
                result.append(escape)
            }
        }
        return PythonString.string(result)
    }

    /// The operator at `offset`, longest first.
    static func operatorToken(in source: [Unicode.Scalar], at offset: Int) -> String? {
        let first = source[offset]
        if offset + 1 < source.count {
            switch (first, source[offset + 1]) {
            case ("/", "/"): return "//"
            case ("*", "*"): return "**"
            case ("=", "="): return "=="
            case ("!", "="): return "!="
            case (">", "="): return ">="
            case ("<", "="): return "<="
            default: break
            }
        }
        switch first {
        case "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";":
            return String(first)
        default:
            return nil
        }
    }
}
