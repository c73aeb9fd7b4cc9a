/// Python's `json.dumps(value, ensure_ascii=…, indent=…, separators=…, sort_keys=…)`: what transformers'
/// `tojson` filter produces.
struct PythonJSONEncoder {
    /// The indent unit, or nil for single-line output.
    let indent: String?
    let itemSeparator: String
    let keySeparator: String
    let sortKeys: Bool
    let ensureASCII: Bool

    init(indent: String?, separators: (String, String)?, sortKeys: Bool, ensureASCII: Bool) {
        self.indent = indent
        itemSeparator = separators?.0 ?? (indent == nil ? ", " : ",")
        keySeparator = separators?.1 ?? ": "
        self.sortKeys = sortKeys
        self.ensureASCII = ensureASCII
    }

    func encode(_ value: RuntimeValue) throws -> String {
        var output = ""
        try write(value, level: 0, into: &output)
        return output
    }

    private func write(_ value: RuntimeValue, level: Int, into output: inout String) throws {
        guard level < PythonFormatter.maxDepth else {
            throw ChatTemplateError(.limit, line: 0, "value nested deeper than \(PythonFormatter.maxDepth) levels")
        }
        switch value {
        case .none: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            if number.isNaN {
                output += "NaN"
            } else if number.isInfinite {
                output += number < 0 ? "-Infinity" : "Infinity"
            } else {
                output += PythonFormatter.floatRepr(number)
            }
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            try writeContainer(open: "[", close: "]", count: items.count, level: level, into: &output) { index, output in
                try write(items[index], level: level + 1, into: &output)
            }
        case .dict(let dict):
            try writeObject(dict, level: level, into: &output)
        case .namespace, .undefined, .loop, .callable:
            throw ChatTemplateError(.runtime, line: 0, "Object of type \(value.typeName) is not JSON serializable")
        }
    }

    private func writeObject(_ dict: RuntimeDict, level: Int, into output: inout String) throws {
        var entries = dict.entries
        if sortKeys { entries.sort { PythonString.less($0.key, $1.key) } }
        try writeContainer(open: "{", close: "}", count: entries.count, level: level, into: &output) { index, output in
            writeString(entries[index].key, into: &output)
            output += keySeparator
            try write(entries[index].value, level: level + 1, into: &output)
        }
    }

    private func writeContainer(open: String, close: String, count: Int, level: Int, into output: inout String,
                                item: (Int, inout String) throws -> Void) throws {
        guard count > 0 else {
            output += open + close
            return
        }
        output += open
        let newline = indent.map { "\n" + String(repeating: $0, count: level + 1) }
        for index in 0..<count {
            if index > 0 { output += itemSeparator }
            if let newline { output += newline }
            try item(index, &output)
        }
        if let indent { output += "\n" + String(repeating: indent, count: level) }
        output += close
    }

    private func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        output += "\\u" + PythonFormatter.hex(0xD800 + (offset >> 10), width: 4)
                        output += "\\u" + PythonFormatter.hex(0xDC00 + (offset & 0x3FF), width: 4)
                    } else {
                        output += "\\u" + PythonFormatter.hex(scalar.value, width: 4)
                    }
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
