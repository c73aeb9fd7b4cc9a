import Foundation

/// jinja2's built-in filters (with transformers' `tojson`); collection filters are in
/// `TemplateFilters+Collections.swift`.
enum TemplateFilters {
    static let names: Set<String> = [
        "abs", "attr", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "indent",
        "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr",
        "replace", "reverse", "round", "safe", "select", "selectattr", "sort", "string", "sum", "title", "tojson",
        "trim", "unique", "upper", "wordcount",
    ]
    /// Filters jinja2 has that this renderer does not implement.
    private static let knownUnsupported: Set<String> = [
        "batch", "center", "filesizeformat", "forceescape", "format", "groupby", "pprint", "random", "slice",
        "striptags", "truncate", "urlencode", "urlize", "wordwrap", "xmlattr",
    ]

    static func apply(_ name: String, to value: RuntimeValue, _ arguments: CallArguments,
                      evaluator: TemplateEvaluator) throws -> RuntimeValue {
        func bind(_ parameters: [String]) throws -> [RuntimeValue?] { try arguments.bind(parameters, to: name) }
        switch name {
        case "default", "d":
            let bound = try bind(["default_value", "boolean"])
            let useDefault = value.isUndefined || ((bound[1]?.isTruthy ?? false) && !value.isTruthy)
            return useDefault ? bound[0] ?? .string("") : value
        case "trim":
            let chars = try bind(["chars"])[0]
            let charSet: String?
            switch chars {
            case nil, .none?: charSet = nil
            case .string(let text)?: charSet = text
            case let other?: throw ChatTemplateError.runtime("strip arg must be None or str, not \(other.typeName)")
            }
            return .string(PythonString.strip(try PythonFormatter.str(value), charSet))
        case "upper", "lower", "capitalize", "title", "string", "safe", "escape", "e", "wordcount":
            _ = try bind([])
            return try textFilter(name, try PythonFormatter.str(value))
        case "replace":
            let bound = try bind(["old", "new", "count"])
            guard let old = bound[0], let new = bound[1] else {
                throw ChatTemplateError.runtime("replace() missing required arguments")
            }
            let count = bound[2].flatMap { $0.integerValue } ?? -1
            return .string(PythonString.replace(try PythonFormatter.str(value), try PythonFormatter.str(old),
                                                try PythonFormatter.str(new), count: count))
        case "indent":
            return try indent(value, try bind(["width", "first", "blank"]))
        case "tojson":
            return try toJSON(value, try bind(["ensure_ascii", "indent", "separators", "sort_keys"]))
        case "int":
            let bound = try bind(["default", "base"])
            if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
            return integer(value, base: bound[1]?.integerValue ?? 10) ?? bound[0] ?? .int(0)
        case "float":
            let fallback = try bind(["default"])[0]
            if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
            return floatValue(value) ?? fallback ?? .double(0)
        case "abs":
            _ = try bind([])
            switch value {
            case .int, .bool: return .int(Swift.abs(value.integerValue!))
            case .double(let number): return .double(Swift.abs(number))
            default: throw ChatTemplateError.runtime("bad operand type for abs(): '\(value.typeName)'")
            }
        case "round":
            return try round(value, try bind(["precision", "method"]))
        case "attr":
            guard case .string(let attribute)? = try bind(["name"])[0] else {
                throw ChatTemplateError.runtime("attr() needs an attribute name")
            }
            return try TemplateMethods.pythonAttribute(of: value, attribute)
        default:
            if let result = try collectionFilter(name, value, arguments, evaluator: evaluator) { return result }
            if knownUnsupported.contains(name) { throw ChatTemplateError.unsupported("unsupported filter '\(name)'") }
            throw ChatTemplateError.unsupported("unsupported filter '\(name)' (no such jinja2 filter)")
        }
    }

    private static func textFilter(_ name: String, _ text: String) throws -> RuntimeValue {
        switch name {
        case "upper": return .string(text.uppercased())
        case "lower": return .string(text.lowercased())
        case "capitalize": return .string(PythonString.capitalize(text))
        case "title": return .string(title(text))
        case "escape", "e":
            var escaped = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\"": escaped += "&#34;"
                case "'": escaped += "&#39;"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return .string(escaped)
        case "wordcount":
            var count = 0
            var inWord = false
            for scalar in text.unicodeScalars {
                let isWord = scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                if isWord && !inWord { count += 1 }
                inWord = isWord
            }
            return .int(count)
        default: return .string(text)
        }
    }

    /// jinja2's `title`: words split at runs of whitespace, `-`, `(`, `{`, `[`, `<`; first letter upper-cased.
    private static func title(_ text: String) -> String {
        let separators: Set<Unicode.Scalar> = ["-", "(", "{", "[", "<"]
        var result = ""
        var startOfPiece = true
        var previousWasSeparator: Bool?
        for scalar in text.unicodeScalars {
            let isSeparator = separators.contains(scalar) || PythonString.isWhitespace(scalar)
            if previousWasSeparator != isSeparator { startOfPiece = true }
            result += startOfPiece ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            startOfPiece = false
            previousWasSeparator = isSeparator
        }
        return result
    }

    private static func indent(_ value: RuntimeValue, _ bound: [RuntimeValue?]) throws -> RuntimeValue {
        guard case .string(var text) = value else {
            if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
            throw ChatTemplateError.runtime("unsupported operand type(s) for +=: '\(value.typeName)' and 'str'")
        }
        let indentation: String
        switch bound[0] {
        case .string(let unit)?: indentation = unit
        case nil: indentation = "    "
        case let width?:
            guard let count = width.integerValue else { throw ChatTemplateError.runtime("indent width must be int or str") }
            indentation = String(repeating: " ", count: max(count, 0))
        }
        text += "\n"
        var lines = PythonString.splitlines(text)
        var result: String
        if bound[2]?.isTruthy ?? false {
            result = lines.joined(separator: "\n" + indentation)
        } else {
            result = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty { result += "\n" + lines.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n") }
        }
        if bound[1]?.isTruthy ?? false { result = indentation + result }
        return .string(result)
    }

    private static func toJSON(_ value: RuntimeValue, _ bound: [RuntimeValue?]) throws -> RuntimeValue {
        var indent: String?
        switch bound[1] {
        case nil, .none?: indent = nil
        case .string(let unit)?: indent = unit
        case let width?:
            guard let count = width.integerValue else { throw ChatTemplateError.runtime("tojson indent must be int or str") }
            indent = String(repeating: " ", count: max(count, 0))
        }
        var separators: (String, String)?
        if let given = bound[2], !(given.isUndefined), case .array(let pair) = given {
            guard pair.count == 2, case .string(let item) = pair[0], case .string(let key) = pair[1] else {
                throw ChatTemplateError.runtime("tojson separators must be a pair of strings")
            }
            separators = (item, key)
        }
        let encoder = PythonJSONEncoder(indent: indent, separators: separators, sortKeys: bound[3]?.isTruthy ?? false,
                                        ensureASCII: bound[0]?.isTruthy ?? false)
        return .string(try encoder.encode(value))
    }

    /// Python `int(value)` / `int(text, base)`, then `int(float(value))`; nil where both fail.
    static func integer(_ value: RuntimeValue, base: Int = 10) -> RuntimeValue? {
        switch value {
        case .int, .bool: return .int(value.integerValue!)
        case .double(let number):
            guard number.isFinite, Swift.abs(number) < 9.2e18 else { return nil }
            return .int(Int(number))
        case .string(let text):
            let trimmed = PythonString.strip(text, nil)
            var digits = trimmed.replacingOccurrences(of: "_", with: "")
            if trimmed.contains("__") || trimmed.hasPrefix("_") || trimmed.hasSuffix("_") { digits = "" }
            var sign = ""
            if digits.hasPrefix("-") || digits.hasPrefix("+") { sign = String(digits.removeFirst()) }
            let prefixes = [16: "0x", 8: "0o", 2: "0b"]
            if let prefix = prefixes[base], digits.lowercased().hasPrefix(prefix) { digits.removeFirst(2) }
            if !digits.hasPrefix("-"), !digits.hasPrefix("+"), let number = Int(sign + digits, radix: base) {
                return .int(number)
            }
            return floatValue(value).flatMap { integer($0) }
        default: return nil
        }
    }

    /// Python `float(value)`; nil where it fails.
    static func floatValue(_ value: RuntimeValue) -> RuntimeValue? {
        switch value {
        case .int, .bool, .double: return .double(value.numericValue!)
        case .string(let text):
            let trimmed = PythonString.strip(text, nil).lowercased()
            let allowed = Set("0123456789+-.e_infatyn")
            guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }), !trimmed.contains("__") else { return nil }
            return Double(trimmed.replacingOccurrences(of: "_", with: "")).map { .double($0) }
        default: return nil
        }
    }

    private static func round(_ value: RuntimeValue, _ bound: [RuntimeValue?]) throws -> RuntimeValue {
        let precision = bound[0]?.integerValue ?? 0
        var method = "common"
        if case .string(let given)? = bound[1] { method = given }
        guard let number = value.numericValue else {
            throw ChatTemplateError.runtime("type \(value.typeName) doesn't define __round__ method")
        }
        switch method {
        case "common":
            if value.integerValue != nil, precision >= 0 { return .int(value.integerValue!) }
            if precision == 0 { return .double(number.rounded(.toNearestOrEven)) }
            return .double(Double(String(format: "%.\(max(precision, 0))f", number)) ?? number)
        case "ceil", "floor":
            let scale = Foundation.pow(10.0, Double(precision))
            let scaled = number * scale
            return .double((method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down)) / scale)
        default:
            throw ChatTemplateError.runtime("method must be common, ceil or floor")
        }
    }
}
