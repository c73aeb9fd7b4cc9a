/// Global functions: jinja2's `range`, `namespace`, `dict`, and transformers' `raise_exception` and `strftime_now`.
enum TemplateGlobals {
    private static let supported: Set<String> = ["range", "namespace", "dict", "raise_exception", "strftime_now"]
    private static let unsupported: Set<String> = ["cycler", "joiner", "lipsum"]
    /// The immutable sandbox's `MAX_RANGE`.
    static let maxRange = 100_000

    static func lookup(_ name: String) -> RuntimeValue? {
        supported.contains(name) || unsupported.contains(name) ? .callable(.global(name)) : nil
    }

    static func call(_ name: String, _ arguments: CallArguments, evaluator: TemplateEvaluator) throws -> RuntimeValue {
        switch name {
        case "range": return try range(arguments)
        case "namespace":
            return .namespace(evaluator.made(NamespaceObject(try dictionary(arguments, "namespace"))))
        case "dict":
            return .dict(try dictionary(arguments, "dict"))
        case "raise_exception":
            let message = try arguments.bind(["message"], to: name)[0] ?? .none
            throw ChatTemplateError(.raised, line: 0, try PythonFormatter.str(message))
        case "strftime_now":
            guard case .string(let format)? = try arguments.bind(["format"], to: name)[0] else {
                throw ChatTemplateError.runtime("strftime_now() argument must be str")
            }
            return .string(PythonStrftime.format(format, date: evaluator.clock(), timeZone: evaluator.timeZone))
        default:
            throw ChatTemplateError.unsupported("unsupported function '\(name)'")
        }
    }

    private static func range(_ arguments: CallArguments) throws -> RuntimeValue {
        guard arguments.keyword.isEmpty, (1...3).contains(arguments.positional.count) else {
            throw ChatTemplateError.runtime("range expected 1 to 3 integer arguments")
        }
        let numbers = try arguments.positional.map { value -> Int in
            if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
            guard let number = value.integerValue else {
                throw ChatTemplateError.runtime("'\(value.typeName)' object cannot be interpreted as an integer")
            }
            return number
        }
        let start = numbers.count == 1 ? 0 : numbers[0]
        let stop = numbers.count == 1 ? numbers[0] : numbers[1]
        let step = numbers.count == 3 ? numbers[2] : 1
        guard step != 0 else { throw ChatTemplateError.runtime("range() arg 3 must not be zero") }
        let count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
            : (start > stop ? (start - stop - 1) / -step + 1 : 0)
        guard count <= maxRange else {
            throw ChatTemplateError.runtime("Range too big. The sandbox blocks ranges larger than MAX_RANGE (\(maxRange)).")
        }
        return .array((0..<count).map { .int(start + $0 * step) })
    }

    /// Python `dict(mapping_or_pairs, **kwargs)`.
    private static func dictionary(_ arguments: CallArguments, _ callee: String) throws -> RuntimeDict {
        guard arguments.positional.count <= 1 else {
            throw ChatTemplateError.runtime("\(callee) expected at most 1 positional argument, got \(arguments.positional.count)")
        }
        var dict = RuntimeDict()
        switch arguments.positional.first {
        case nil: break
        case .dict(let source)?: dict = source
        case .array(let pairs)?:
            for pair in pairs {
                guard case .array(let items) = pair, items.count == 2, case .string(let key) = items[0] else {
                    throw ChatTemplateError.unsupported("unsupported \(callee)() argument: expected string-keyed pairs")
                }
                dict[key] = items[1]
            }
        case let other?:
            throw ChatTemplateError.runtime("'\(other.typeName)' object is not iterable")
        }
        for (key, value) in arguments.keyword { dict[key] = value }
        return dict
    }
}
