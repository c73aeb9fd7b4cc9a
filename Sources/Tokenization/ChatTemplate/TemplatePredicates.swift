/// jinja2's tests (`value is name(args)`).
enum TemplatePredicates {
    static func apply(_ name: String, to value: RuntimeValue, _ arguments: CallArguments) throws -> Bool {
        func argument() throws -> RuntimeValue {
            guard let first = try arguments.bind(["other"], to: name)[0] else {
                throw ChatTemplateError.runtime("test '\(name)' needs an argument")
            }
            return first
        }
        if noArgumentTests.contains(name) { _ = try arguments.bind([], to: "test_\(name)") }
        switch name {
        case "defined": return !value.isUndefined
        case "undefined": return value.isUndefined
        case "none":
            if case .none = value { return true }
            return false
        case "boolean":
            if case .bool = value { return true }
            return false
        case "true":
            if case .bool(true) = value { return true }
            return false
        case "false":
            if case .bool(false) = value { return true }
            return false
        case "integer":
            if case .int = value { return true }
            return false
        case "float":
            if case .double = value { return true }
            return false
        case "number": return value.numericValue != nil
        case "string":
            if case .string = value { return true }
            return false
        case "mapping":
            if case .dict = value { return true }
            return false
        case "sequence":
            switch value {
            case .string, .array, .dict, .undefined: return true
            default: return false
            }
        case "iterable":
            switch value {
            case .string, .array, .dict, .undefined, .loop: return true
            default: return false
            }
        case "callable":
            switch value {
            case .callable, .loop: return true
            default: return false
            }
        case "lower", "upper":
            return PythonString.hasOnlyCase(try PythonFormatter.str(value), lower: name == "lower")
        case "odd", "even":
            let remainder = try PythonOperators.binary(.modulo, value, .int(2), maxSize: 0)
            return PythonOperators.equals(remainder, .int(name == "odd" ? 1 : 0))
        case "divisibleby":
            let remainder = try PythonOperators.binary(.modulo, value, try argument(), maxSize: 0)
            return PythonOperators.equals(remainder, .int(0))
        case "sameas":
            let other = try argument()
            switch (value, other) {
            case (.none, .none): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.namespace(let a), .namespace(let b)): return a === b
            default: return false
            }
        case "escaped": return false
        case "in": return try PythonOperators.contains(try argument(), value)
        case "filter":
            guard case .string(let filterName) = value else { return false }
            return TemplateFilters.names.contains(filterName)
        case "test":
            guard case .string(let testName) = value else { return false }
            return names.contains(testName)
        default:
            if let op = comparisons[name] { return try PythonOperators.compare(op, value, try argument()) }
            throw ChatTemplateError.unsupported("unsupported test '\(name)'")
        }
    }

    private static let comparisons: [String: TemplateExpression.CompareOperator] = [
        "==": .equal, "eq": .equal, "equalto": .equal, "!=": .notEqual, "ne": .notEqual,
        ">": .greater, "gt": .greater, "greaterthan": .greater, ">=": .greaterEqual, "ge": .greaterEqual,
        "<": .less, "lt": .less, "lessthan": .less, "<=": .lessEqual, "le": .lessEqual,
    ]

    private static let noArgumentTests: Set<String> = [
        "defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number", "string", "mapping",
        "sequence", "iterable", "callable", "lower", "upper", "odd", "even", "escaped", "filter", "test",
    ]

    static let names: Set<String> = Set(comparisons.keys).union([
        "defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number", "string", "mapping",
        "sequence", "iterable", "callable", "lower", "upper", "odd", "even", "divisibleby", "sameas", "escaped", "in",
        "filter", "test",
    ])
}
