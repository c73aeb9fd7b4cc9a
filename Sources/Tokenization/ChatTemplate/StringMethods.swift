/// Python `str` methods callable from templates (`content.strip()`, `content.split('</think>')[-1]`, …).
enum StringMethods {
    private static func string(_ value: RuntimeValue?, _ method: String, allowNone: Bool = true) throws -> String? {
        switch value {
        case nil: return nil
        case .none? where allowNone: return nil
        case .string(let text)?: return text
        case .undefined(let hint)?: throw ChatTemplateError.runtime(hint)
        case let other?:
            throw ChatTemplateError.runtime("\(method) arg must be None or str, not \(other.typeName)")
        }
    }

    private static func integer(_ value: RuntimeValue?, _ defaultValue: Int) throws -> Int {
        guard let value else { return defaultValue }
        if case .none = value { return defaultValue }
        guard let number = value.integerValue else {
            throw ChatTemplateError.runtime("'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return number
    }

    private static func required(_ value: RuntimeValue?, _ method: String) throws -> String {
        guard let value else { throw ChatTemplateError.runtime("\(method)() takes at least 1 argument (0 given)") }
        guard case .string(let text) = value else {
            if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
            throw ChatTemplateError.runtime("must be str, not \(value.typeName)")
        }
        return text
    }

    static func call(_ name: String, on text: String, _ arguments: CallArguments) throws -> RuntimeValue {
        switch name {
        case "strip", "lstrip", "rstrip":
            let chars = try string(try arguments.bind(["chars"], to: name)[0], name)
            return .string(PythonString.strip(text, chars, leading: name != "rstrip", trailing: name != "lstrip"))
        case "split", "rsplit":
            let bound = try arguments.bind(["sep", "maxsplit"], to: name)
            let separator = try string(bound[0], name)
            let maxSplit = try integer(bound[1], -1)
            let parts = name == "split" ? PythonString.split(text, separator, maxSplit: maxSplit)
                : PythonString.rsplit(text, separator, maxSplit: maxSplit)
            guard let parts else { throw ChatTemplateError.runtime("empty separator") }
            return .array(parts.map { .string($0) })
        case "splitlines":
            let keepEnds = try arguments.bind(["keepends"], to: name)[0]?.isTruthy ?? false
            return .array(PythonString.splitlines(text, keepEnds: keepEnds).map { .string($0) })
        case "startswith", "endswith":
            return .bool(try affixTest(text, arguments, suffix: name == "endswith"))
        case "upper", "lower", "title", "capitalize", "swapcase", "casefold":
            try arguments.expectNone("str.\(name)")
            switch name {
            case "upper": return .string(text.uppercased())
            case "lower", "casefold": return .string(text.lowercased())
            case "title": return .string(PythonString.title(text))
            case "capitalize": return .string(PythonString.capitalize(text))
            default: return .string(PythonString.swapcase(text))
            }
        case "replace":
            let bound = try arguments.bind(["old", "new", "count"], to: name)
            return .string(PythonString.replace(text, try required(bound[0], name), try required(bound[1], name),
                                                count: try integer(bound[2], -1)))
        case "find", "rfind", "index", "rindex", "count":
            let bound = try arguments.bind(["sub"], to: name)
            let needle = try required(bound[0], name)
            if name == "count" { return .int(PythonString.count(text, needle)) }
            let offset = PythonString.find(text, needle, last: name.hasPrefix("r"))
            if offset < 0, name.hasSuffix("index") { throw ChatTemplateError.runtime("substring not found") }
            return .int(offset)
        case "join":
            let items = try PythonOperators.iterate(try arguments.bind(["iterable"], to: name)[0]
                ?? .undefined(hint: "join() takes exactly one argument (0 given)"))
            return .string(try items.enumerated().map { index, item in
                guard case .string(let part) = item else {
                    throw ChatTemplateError.runtime("sequence item \(index): expected str instance, \(item.typeName) found")
                }
                return part
            }.joined(separator: text))
        case "removeprefix", "removesuffix":
            let affix = try required(try arguments.bind(["affix"], to: name)[0], name)
            let characters = Array(text.unicodeScalars)
            let affixCharacters = Array(affix.unicodeScalars)
            if name == "removeprefix", characters.starts(with: affixCharacters) {
                return .string(PythonString.string(characters.dropFirst(affixCharacters.count)))
            }
            if name == "removesuffix", !affixCharacters.isEmpty, characters.reversed().starts(with: affixCharacters.reversed()) {
                return .string(PythonString.string(characters.dropLast(affixCharacters.count)))
            }
            return .string(text)
        case "format":
            return .string(try format(text, arguments))
        case "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper", "isascii":
            try arguments.expectNone("str.\(name)")
            return .bool(characterTest(name, text))
        default:
            throw ChatTemplateError.unsupported("unsupported method 'str.\(name)'")
        }
    }

    /// `str.format` with `{}`, `{0}`, `{name}`, `!s`/`!r` conversions and `{{`/`}}` escapes; format specs
    /// (`{:>10}`) and field access (`{0.name}`) are not supported.
    private static func format(_ template: String, _ arguments: CallArguments) throws -> String {
        var output = ""
        var autoIndex = 0
        var characters = Array(template.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if scalar == "}" {
                guard characters.popFirst() == "}" else { throw ChatTemplateError.runtime("Single '}' encountered in format string") }
                output += "}"
                continue
            }
            guard scalar == "{" else {
                output.unicodeScalars.append(scalar)
                continue
            }
            if characters.first == "{" {
                characters.removeFirst()
                output += "{"
                continue
            }
            var field = ""
            while let next = characters.popFirst(), next != "}" { field.unicodeScalars.append(next) }
            var conversion: String?
            if let bang = field.firstIndex(of: "!") {
                conversion = String(field[field.index(after: bang)...])
                field = String(field[..<bang])
            }
            guard !field.contains(":"), !field.contains("."), !field.contains("["), conversion.map({ ["s", "r"].contains($0) }) ?? true else {
                throw ChatTemplateError.unsupported("unsupported str.format field '{\(field)}'")
            }
            let value: RuntimeValue
            if field.isEmpty {
                guard autoIndex < arguments.positional.count else {
                    throw ChatTemplateError.runtime("Replacement index \(autoIndex) out of range for positional args tuple")
                }
                value = arguments.positional[autoIndex]
                autoIndex += 1
            } else if let index = Int(field) {
                guard index < arguments.positional.count else {
                    throw ChatTemplateError.runtime("Replacement index \(index) out of range for positional args tuple")
                }
                value = arguments.positional[index]
            } else {
                guard let named = arguments.keyword.first(where: { $0.name == field })?.value else {
                    throw ChatTemplateError.runtime("'\(field)'")
                }
                value = named
            }
            output += conversion == "r" ? try PythonFormatter.repr(value, depth: 0) : try PythonFormatter.str(value)
        }
        return output
    }

    private static func affixTest(_ text: String, _ arguments: CallArguments, suffix: Bool) throws -> Bool {
        let bound = try arguments.bind(["prefix", "start", "end"], to: suffix ? "endswith" : "startswith")
        var candidates: [String] = []
        switch bound[0] {
        case .string(let affix)?: candidates = [affix]
        case .array(let items)?:
            for item in items {
                guard case .string(let affix) = item else {
                    throw ChatTemplateError.runtime("tuple for \(suffix ? "endswith" : "startswith") must only contain str")
                }
                candidates.append(affix)
            }
        case let other:
            throw ChatTemplateError.runtime("\(suffix ? "endswith" : "startswith") first arg must be str or a tuple of str, not \(other?.typeName ?? "nothing")")
        }
        guard case .string(let window) = try PythonOperators.slice(.string(text), start: bound[1], stop: bound[2], step: nil)
        else { return false }
        let characters = Array(window.unicodeScalars)
        return candidates.contains { affix in
            let affixCharacters = Array(affix.unicodeScalars)
            return suffix ? characters.reversed().starts(with: affixCharacters.reversed()) : characters.starts(with: affixCharacters)
        }
    }

    private static func characterTest(_ name: String, _ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        switch name {
        case "islower": return PythonString.hasOnlyCase(text, lower: true)
        case "isupper": return PythonString.hasOnlyCase(text, lower: false)
        case "isascii": return scalars.allSatisfy { $0.isASCII }
        default: break
        }
        guard !scalars.isEmpty else { return false }
        return scalars.allSatisfy { scalar in
            let properties = scalar.properties
            let isDecimal = properties.generalCategory == .decimalNumber
            let isNumeric = properties.numericType != nil
            let isAlpha = properties.isAlphabetic && [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter,
                                                      .modifierLetter, .otherLetter].contains(properties.generalCategory)
            switch name {
            case "isdecimal": return isDecimal
            case "isdigit": return isDecimal || properties.numericType == .digit
            case "isnumeric": return isNumeric
            case "isalpha": return isAlpha
            case "isalnum": return isAlpha || isNumeric
            default: return PythonString.isWhitespace(scalar)
            }
        }
    }
}
