/// Attribute and item access (jinja2's `getattr`/`getitem` with the immutable sandbox) and the Python methods
/// of `str`, `dict`, `list` and the `loop` object.
enum TemplateMethods {
    private static let stringMethods: Set<String> = [
        "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map",
        "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
        "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition",
        "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split",
        "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
    ]
    private static let dictMethods: Set<String> = ["get", "items", "keys", "values", "copy", "fromkeys"]
    private static let unsafeDictMethods: Set<String> = ["clear", "pop", "popitem", "setdefault", "update"]
    private static let listMethods: Set<String> = ["index", "count", "copy"]
    private static let unsafeListMethods: Set<String> = ["append", "clear", "extend", "insert", "pop", "remove", "reverse", "sort"]

    /// jinja2's `object_type_repr`: `None` or `<type> object`.
    private static func objectTypeRepr(_ value: RuntimeValue) -> String {
        if case .none = value { return "None" }
        return "\(value.typeName) object"
    }

    private static func missing(_ value: RuntimeValue, _ name: String) -> RuntimeValue {
        .undefined(hint: "'\(objectTypeRepr(value))' has no attribute '\(name)'")
    }

    /// Python `getattr(value, name)` without jinja2's item fallback (the `attr` filter).
    static func pythonAttribute(of value: RuntimeValue, _ name: String) throws -> RuntimeValue {
        if case .dict = value, !dictMethods.contains(name), !unsafeDictMethods.contains(name) { return missing(value, name) }
        return try attribute(of: value, name)
    }

    private static func unsafe(_ value: RuntimeValue, _ name: String) -> RuntimeValue {
        .undefined(hint: "access to attribute '\(name)' of '\(value.typeName)' object is unsafe.")
    }

    /// `value.name`: Python attribute first (methods), then the item of that name.
    static func attribute(of value: RuntimeValue, _ name: String) throws -> RuntimeValue {
        switch value {
        case .undefined(let hint):
            throw ChatTemplateError.runtime(hint)
        case .dict(let dict):
            if dictMethods.contains(name) { return .callable(.method(receiver: value, name: name)) }
            if unsafeDictMethods.contains(name) { return unsafe(value, name) }
            return dict[name] ?? missing(value, name)
        case .string:
            return stringMethods.contains(name) ? .callable(.method(receiver: value, name: name)) : missing(value, name)
        case .array:
            if listMethods.contains(name) { return .callable(.method(receiver: value, name: name)) }
            return unsafeListMethods.contains(name) ? unsafe(value, name) : missing(value, name)
        case .namespace(let namespace):
            return namespace.attributes[name] ?? missing(value, name)
        case .loop(let loop):
            return loopAttribute(loop, name) ?? missing(value, name)
        default:
            return missing(value, name)
        }
    }

    private static func loopAttribute(_ loop: LoopContext, _ name: String) -> RuntimeValue? {
        switch name {
        case "index": return .int(loop.index0 + 1)
        case "index0": return .int(loop.index0)
        case "revindex": return .int(loop.length - loop.index0)
        case "revindex0": return .int(loop.length - loop.index0 - 1)
        case "first": return .bool(loop.index0 == 0)
        case "last": return .bool(loop.index0 == loop.length - 1)
        case "length": return .int(loop.length)
        case "depth": return .int(loop.depth0 + 1)
        case "depth0": return .int(loop.depth0)
        case "previtem":
            return loop.index0 > 0 ? loop.items[loop.index0 - 1] : .undefined(hint: "there is no previous item")
        case "nextitem":
            return loop.index0 + 1 < loop.length ? loop.items[loop.index0 + 1] : .undefined(hint: "there is no next item")
        case "cycle", "changed": return .callable(.method(receiver: .loop(loop), name: name))
        default: return nil
        }
    }

    /// `value[key]`: the item first, then (for string keys) the attribute.
    static func item(of value: RuntimeValue, _ key: RuntimeValue) throws -> RuntimeValue {
        switch (value, key) {
        case (.undefined(let hint), _):
            throw ChatTemplateError.runtime(hint)
        case (.dict(let dict), .string(let name)):
            if let item = dict[name] { return item }
        case (.array(let items), _) where key.integerValue != nil:
            let index = key.integerValue!
            let position = index < 0 ? index + items.count : index
            if items.indices.contains(position) { return items[position] }
        case (.string(let text), _) where key.integerValue != nil:
            let characters = Array(text.unicodeScalars)
            let index = key.integerValue!
            let position = index < 0 ? index + characters.count : index
            if characters.indices.contains(position) { return .string(String(characters[position])) }
        default:
            break
        }
        if case .string(let name) = key { return try attribute(of: value, name) }
        return .undefined(hint: "\(objectTypeRepr(value)) has no element \(try PythonFormatter.repr(key, depth: 0))")
    }

    static func call(_ name: String, on receiver: RuntimeValue, _ arguments: CallArguments,
                     evaluator: TemplateEvaluator) throws -> RuntimeValue {
        switch receiver {
        case .string(let text): return try StringMethods.call(name, on: text, arguments)
        case .dict(let dict): return try dictMethod(name, dict, arguments)
        case .array(let items): return try listMethod(name, items, arguments)
        case .loop(let loop) where name == "cycle":
            guard !arguments.positional.isEmpty else { throw ChatTemplateError.runtime("no items for cycling given") }
            return arguments.positional[loop.index0 % arguments.positional.count]
        default:
            throw ChatTemplateError.unsupported("unsupported method '\(receiver.typeName).\(name)'")
        }
    }

    private static func dictMethod(_ name: String, _ dict: RuntimeDict, _ arguments: CallArguments) throws -> RuntimeValue {
        switch name {
        case "get":
            guard arguments.keyword.isEmpty, (1...2).contains(arguments.positional.count) else {
                throw ChatTemplateError.runtime("get expected 1 or 2 arguments")
            }
            guard case .string(let key) = arguments.positional[0] else { return arguments.positional.dropFirst().first ?? .none }
            return dict[key] ?? arguments.positional.dropFirst().first ?? .none
        case "items":
            try arguments.expectNone("dict.items")
            return .array(dict.entries.map { .array([.string($0.key), $0.value]) })
        case "keys":
            try arguments.expectNone("dict.keys")
            return .array(dict.keys.map { .string($0) })
        case "values":
            try arguments.expectNone("dict.values")
            return .array(dict.values)
        case "copy":
            try arguments.expectNone("dict.copy")
            return .dict(dict)
        default:
            throw ChatTemplateError.unsupported("unsupported method 'dict.\(name)'")
        }
    }

    private static func listMethod(_ name: String, _ items: [RuntimeValue], _ arguments: CallArguments) throws -> RuntimeValue {
        switch name {
        case "count":
            let bound = try arguments.bind(["value"], to: "list.count")
            guard let value = bound[0] else { throw ChatTemplateError.runtime("count() takes exactly one argument (0 given)") }
            return .int(items.filter { PythonOperators.equals($0, value) }.count)
        case "index":
            let bound = try arguments.bind(["value"], to: "list.index")
            guard let value = bound[0] else { throw ChatTemplateError.runtime("index expected at least 1 argument, got 0") }
            guard let index = items.firstIndex(where: { PythonOperators.equals($0, value) }) else {
                throw ChatTemplateError.runtime("\(try PythonFormatter.repr(value, depth: 0)) is not in list")
            }
            return .int(index)
        case "copy":
            try arguments.expectNone("list.copy")
            return .array(items)
        default:
            throw ChatTemplateError.unsupported("unsupported method 'list.\(name)'")
        }
    }
}
