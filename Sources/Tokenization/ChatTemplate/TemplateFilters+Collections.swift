/// Filters over sequences: `length`, `first`, `join`, `map`, `select`, `sort`, …
extension TemplateFilters {
    static func collectionFilter(_ name: String, _ value: RuntimeValue, _ arguments: CallArguments,
                                 evaluator: TemplateEvaluator) throws -> RuntimeValue? {
        func bind(_ parameters: [String]) throws -> [RuntimeValue?] { try arguments.bind(parameters, to: name) }
        switch name {
        case "length", "count":
            _ = try bind([])
            switch value {
            case .undefined: return .int(0)
            case .string(let text): return .int(text.unicodeScalars.count)
            case .array(let items): return .int(items.count)
            case .dict(let dict): return .int(dict.count)
            default: throw ChatTemplateError.runtime("object of type '\(value.typeName)' has no len()")
            }
        case "list":
            _ = try bind([])
            return .array(try PythonOperators.iterate(value))
        case "items":
            _ = try bind([])
            switch value {
            case .undefined: return .array([])
            case .dict(let dict): return .array(dict.entries.map { .array([.string($0.key), $0.value]) })
            default: throw ChatTemplateError.runtime("Can only get item pairs from a mapping.")
            }
        case "first":
            _ = try bind([])
            return try PythonOperators.iterate(value).first ?? .undefined(hint: "No first item, sequence was empty.")
        case "last":
            _ = try bind([])
            return try PythonOperators.iterate(value).last ?? .undefined(hint: "No last item, sequence was empty.")
        case "reverse":
            _ = try bind([])
            if case .string(let text) = value { return .string(PythonString.string(text.unicodeScalars.reversed())) }
            return .array(try PythonOperators.iterate(value).reversed())
        case "join":
            let bound = try bind(["d", "attribute"])
            var items = try PythonOperators.iterate(value)
            if let attribute = bound[1] { items = try items.map { try attributeGetter(attribute, $0) } }
            let separator = try bound[0].map(PythonFormatter.str) ?? ""
            return .string(try items.map(PythonFormatter.str).joined(separator: separator))
        // jinja2's map/select/reject family yields nothing for a falsy input without iterating it.
        case "map":
            guard value.isTruthy else { return .array([]) }
            return .array(try mapItems(try PythonOperators.iterate(value), arguments, evaluator: evaluator))
        case "select", "reject":
            guard value.isTruthy else { return .array([]) }
            let keep = name == "select"
            let items = try PythonOperators.iterate(value)
            let test = try testFunction(arguments.positional, arguments.keyword, name)
            return .array(try items.filter { try test($0) == keep })
        case "selectattr", "rejectattr":
            let keep = name == "selectattr"
            guard let attribute = arguments.positional.first else {
                throw ChatTemplateError.runtime("\(name)() needs an attribute name")
            }
            guard value.isTruthy else { return .array([]) }
            let items = try PythonOperators.iterate(value)
            let test = try testFunction(Array(arguments.positional.dropFirst()), arguments.keyword, name)
            return .array(try items.filter { try test(try attributeGetter(attribute, $0)) == keep })
        case "sum":
            let bound = try bind(["attribute", "start"])
            var total = bound[1] ?? .int(0)
            for item in try PythonOperators.iterate(value) {
                let term = try bound[0].map { try attributeGetter($0, item) } ?? item
                total = try PythonOperators.binary(.add, total, term, maxSize: evaluator.limits.maxCollectionSize)
            }
            return total
        case "min", "max":
            let bound = try bind(["case_sensitive", "attribute"])
            let items = try sorted(try PythonOperators.iterate(value), caseSensitive: bound[0]?.isTruthy ?? false,
                                   attribute: bound[1])
            return (name == "min" ? items.first : items.last) ?? .undefined(hint: "No aggregated item, sequence was empty.")
        case "sort":
            let bound = try bind(["reverse", "case_sensitive", "attribute"])
            let items = try sorted(try PythonOperators.iterate(value), caseSensitive: bound[1]?.isTruthy ?? false,
                                   attribute: bound[2], reverse: bound[0]?.isTruthy ?? false)
            return .array(items)
        case "unique":
            let bound = try bind(["case_sensitive", "attribute"])
            var seen: [RuntimeValue] = []
            var result: [RuntimeValue] = []
            for item in try PythonOperators.iterate(value) {
                var key = try bound[1].map { try attributeGetter($0, item) } ?? item
                if !(bound[0]?.isTruthy ?? false), case .string(let text) = key { key = .string(text.lowercased()) }
                switch key {
                case .array, .dict, .namespace: throw ChatTemplateError.runtime("unhashable type: '\(key.typeName)'")
                default: break
                }
                if !seen.contains(where: { PythonOperators.equals($0, key) }) {
                    seen.append(key)
                    result.append(item)
                }
            }
            return .array(result)
        case "dictsort":
            let bound = try bind(["case_sensitive", "by", "reverse"])
            if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
            guard case .dict(let dict) = value else {
                throw ChatTemplateError.runtime("'\(value.typeName)' object has no attribute 'items'")
            }
            var byValue = false
            if case .string(let by)? = bound[1] {
                guard by == "key" || by == "value" else {
                    throw ChatTemplateError.runtime("You can only sort by either \"key\" or \"value\"")
                }
                byValue = by == "value"
            }
            let pairs = dict.entries.map { RuntimeValue.array([.string($0.key), $0.value]) }
            return .array(try sorted(pairs, caseSensitive: bound[0]?.isTruthy ?? false, attribute: .int(byValue ? 1 : 0),
                                     reverse: bound[2]?.isTruthy ?? false))
        default:
            return nil
        }
    }

    /// jinja2's `make_attrgetter`: dotted path, integer parts as indices, item lookup first.
    private static func attributeGetter(_ attribute: RuntimeValue, _ item: RuntimeValue) throws -> RuntimeValue {
        let parts: [RuntimeValue]
        switch attribute {
        case .string(let path):
            parts = path.split(separator: ".", omittingEmptySubsequences: false).map { part in
                Int(part).map { .int($0) } ?? .string(String(part))
            }
        case .int: parts = [attribute]
        default: parts = [attribute]
        }
        var current = item
        for part in parts { current = try TemplateMethods.item(of: current, part) }
        return current
    }

    private static func mapItems(_ items: [RuntimeValue], _ arguments: CallArguments,
                                 evaluator: TemplateEvaluator) throws -> [RuntimeValue] {
        if let attribute = arguments.keyword.first(where: { $0.name == "attribute" })?.value {
            let defaultValue = arguments.keyword.first(where: { $0.name == "default" })?.value
            return try items.map { item in
                let result = try attributeGetter(attribute, item)
                if result.isUndefined, let defaultValue { return defaultValue }
                return result
            }
        }
        guard case .string(let filter)? = arguments.positional.first else {
            throw ChatTemplateError.runtime("map requires a filter argument")
        }
        let rest = CallArguments(positional: Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
        return try items.map { try apply(filter, to: $0, rest, evaluator: evaluator) }
    }

    /// The test of `select`/`reject` style filters: none means truthiness.
    private static func testFunction(_ positional: [RuntimeValue], _ keyword: [(name: String, value: RuntimeValue)],
                                     _ filter: String) throws -> (RuntimeValue) throws -> Bool {
        guard let first = positional.first else { return { $0.isTruthy } }
        guard case .string(let test) = first else { throw ChatTemplateError.runtime("\(filter)() test name must be a string") }
        let rest = CallArguments(positional: Array(positional.dropFirst()), keyword: keyword)
        return { try TemplatePredicates.apply(test, to: $0, rest) }
    }

    /// A stable sort with Python ordering, strings compared lower-cased unless `caseSensitive`.
    private static func sorted(_ items: [RuntimeValue], caseSensitive: Bool, attribute: RuntimeValue?,
                               reverse: Bool = false) throws -> [RuntimeValue] {
        let keys = try items.map { item -> RuntimeValue in
            var key = try attribute.map { try attributeGetter($0, item) } ?? item
            if !caseSensitive, case .string(let text) = key { key = .string(text.lowercased()) }
            return key
        }
        var order = Array(items.indices)
        try mergeSort(&order) { left, right in
            reverse ? try PythonOperators.less(keys[right], keys[left]) : try PythonOperators.less(keys[left], keys[right])
        }
        return order.map { items[$0] }
    }

    private static func mergeSort(_ values: inout [Int], by less: (Int, Int) throws -> Bool) throws {
        guard values.count > 1 else { return }
        var left = Array(values[..<(values.count / 2)])
        var right = Array(values[(values.count / 2)...])
        try mergeSort(&left, by: less)
        try mergeSort(&right, by: less)
        var merged: [Int] = []
        merged.reserveCapacity(values.count)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            if try less(right[j], left[i]) { merged.append(right[j]); j += 1 } else { merged.append(left[i]); i += 1 }
        }
        values = merged + left[i...] + right[j...]
    }
}
