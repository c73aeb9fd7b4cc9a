/// A value during rendering: the data of ``TemplateValue`` plus Jinja's runtime objects (undefined values,
/// namespaces, the `loop` object, callables).
indirect enum RuntimeValue {
    /// jinja2's default `Undefined`: renders empty, is falsy, iterates as empty; `hint` is the error raised when
    /// it is used in a way jinja2 refuses (attribute access, calls, arithmetic).
    case undefined(hint: String)
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([RuntimeValue])
    case dict(RuntimeDict)
    case namespace(NamespaceObject)
    case loop(LoopContext)
    case callable(TemplateCallable)

    init(_ value: TemplateValue) {
        switch value {
        case .none: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(RuntimeValue.init))
        case .object(let object):
            var dict = RuntimeDict()
            for (key, item) in object.entries { dict[key] = RuntimeValue(item) }
            self = .dict(dict)
        }
    }

    static func undefinedName(_ name: String) -> RuntimeValue { .undefined(hint: "'\(name)' is undefined") }

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .dict(let dict): return dict.count > 0
        case .namespace, .loop, .callable: return true
        }
    }

    var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// The Python type name used in error messages.
    var typeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .dict: return "dict"
        case .namespace: return "Namespace"
        case .loop: return "LoopContext"
        case .callable: return "function"
        }
    }

    /// The number as a Double when this is a Python number (bools count, as in Python).
    var numericValue: Double? {
        switch self {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    /// The integer when this is a Python int (bools count, as in Python).
    var integerValue: Int? {
        switch self {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return number
        default: return nil
        }
    }
}

/// An insertion-ordered Python dict with string keys.
struct RuntimeDict {
    private(set) var keys: [String] = []
    private var storage: [String: RuntimeValue] = [:]

    var count: Int { keys.count }

    subscript(key: String) -> RuntimeValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    var entries: [(key: String, value: RuntimeValue)] { keys.map { ($0, storage[$0]!) } }
    var values: [RuntimeValue] { keys.map { storage[$0]! } }
}

/// `namespace(...)`: the one mutable object a template can make; shared by reference across scopes.
final class NamespaceObject {
    var attributes: RuntimeDict
    init(_ attributes: RuntimeDict) { self.attributes = attributes }
}

/// The `loop` variable inside a `for` body.
struct LoopContext {
    let items: [RuntimeValue]
    let index0: Int
    let depth0: Int
    var length: Int { items.count }
}

/// Something a template can call.
indirect enum TemplateCallable {
    /// A global function: `range`, `namespace`, `dict`, `raise_exception`, `strftime_now`.
    case global(String)
    /// A method bound to its receiver: `'x'.strip`, `d.items`, `loop.cycle`.
    case method(receiver: RuntimeValue, name: String)
    /// A macro or a `call` block's `caller`.
    case macro(MacroClosure)
}

/// A macro with the scope it was defined in.
final class MacroClosure {
    let definition: MacroDefinition
    let scope: Scope
    init(definition: MacroDefinition, scope: Scope) {
        self.definition = definition
        self.scope = scope
    }
}

/// A variable scope: the template's top level, one `for` iteration, a macro call, a `with` block.
final class Scope {
    private var variables: [String: RuntimeValue]
    let parent: Scope?

    init(parent: Scope?, variables: [String: RuntimeValue] = [:]) {
        self.parent = parent
        self.variables = variables
    }

    func lookup(_ name: String) -> RuntimeValue? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }

    func assign(_ name: String, _ value: RuntimeValue) { variables[name] = value }

    /// Drops every variable (the end of a render; see `TemplateEvaluator.breakCycles`).
    func removeAll() { variables = [:] }
}
