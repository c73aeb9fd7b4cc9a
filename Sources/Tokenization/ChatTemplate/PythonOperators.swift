import Foundation

/// Python's operators on template values: iteration, slicing, arithmetic, comparison, membership.
enum PythonOperators {
    /// `iter(value)` as a list: list items, dict keys, string characters; undefined iterates as empty.
    static func iterate(_ value: RuntimeValue) throws -> [RuntimeValue] {
        switch value {
        case .undefined: return []
        case .array(let items): return items
        case .dict(let dict): return dict.keys.map { .string($0) }
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        case .namespace, .loop, .callable, .none, .bool, .int, .double:
            throw ChatTemplateError.runtime("'\(value.typeName)' object is not iterable")
        }
    }

    /// Python slice semantics (`PySlice_AdjustIndices`) for lists and strings.
    static func slice(_ value: RuntimeValue, start: RuntimeValue?, stop: RuntimeValue?, step: RuntimeValue?) throws -> RuntimeValue {
        func bound(_ item: RuntimeValue?) throws -> Int? {
            guard let item else { return nil }
            if case .none = item { return nil }
            guard let number = item.integerValue else {
                if case .undefined(let hint) = item { throw ChatTemplateError.runtime(hint) }
                throw ChatTemplateError.runtime("slice indices must be integers or None or have an __index__ method")
            }
            return number
        }
        let stepValue = try bound(step) ?? 1
        guard stepValue != 0 else { throw ChatTemplateError.runtime("slice step cannot be zero") }
        func indices(_ count: Int) throws -> [Int] {
            func adjust(_ index: Int?, _ defaultValue: Int) -> Int {
                guard var index else { return defaultValue }
                if index < 0 {
                    index += count
                    if index < 0 { index = stepValue < 0 ? -1 : 0 }
                } else if index >= count {
                    index = stepValue < 0 ? count - 1 : count
                }
                return index
            }
            var index = adjust(try bound(start), stepValue < 0 ? count - 1 : 0)
            let end = adjust(try bound(stop), stepValue < 0 ? -1 : count)
            var result: [Int] = []
            while stepValue > 0 ? index < end : index > end {
                result.append(index)
                index += stepValue
            }
            return result
        }
        switch value {
        case .undefined(let hint): throw ChatTemplateError.runtime(hint)
        case .array(let items): return .array(try indices(items.count).map { items[$0] })
        case .string(let text):
            let characters = Array(text.unicodeScalars)
            return .string(PythonString.string(try indices(characters.count).map { characters[$0] }))
        case .dict: throw ChatTemplateError.runtime("unhashable type: 'slice'")
        default: throw ChatTemplateError.runtime("'\(value.typeName)' object is not subscriptable")
        }
    }

    static func unary(_ op: TemplateExpression.UnaryOperator, _ value: RuntimeValue) throws -> RuntimeValue {
        if case .undefined(let hint) = value { throw ChatTemplateError.runtime(hint) }
        switch value {
        case .int, .bool:
            let number = value.integerValue!
            if op == .plus { return .int(number) }
            guard number != Int.min else { throw ChatTemplateError.unsupported("integer overflow") }
            return .int(-number)
        case .double(let number):
            return .double(op == .plus ? number : -number)
        default:
            throw ChatTemplateError.runtime("bad operand type for unary \(op.rawValue): '\(value.typeName)'")
        }
    }

    static func binary(_ op: TemplateExpression.BinaryOperator, _ left: RuntimeValue, _ right: RuntimeValue,
                       maxSize: Int) throws -> RuntimeValue {
        if case .undefined(let hint) = left { throw ChatTemplateError.runtime(hint) }
        if case .undefined(let hint) = right { throw ChatTemplateError.runtime(hint) }
        let typeError = ChatTemplateError.runtime(
            "unsupported operand type(s) for \(op.rawValue): '\(left.typeName)' and '\(right.typeName)'")
        if let a = left.integerValue, let b = right.integerValue {
            return try integerArithmetic(op, a, b)
        }
        if let a = left.numericValue, let b = right.numericValue {
            return try floatArithmetic(op, a, b)
        }
        switch (op, left, right) {
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .array(let a), .array(let b)): return .array(a + b)
        case (.multiply, .string(let text), _), (.multiply, _, .string(let text)):
            guard let count = (left.integerValue ?? right.integerValue) else { throw typeError }
            guard count <= 0 || text.utf8.count <= maxSize / count else {
                throw ChatTemplateError.limit("string repetition larger than \(maxSize)")
            }
            return .string(String(repeating: text, count: max(count, 0)))
        case (.multiply, .array(let items), _), (.multiply, _, .array(let items)):
            guard let count = (left.integerValue ?? right.integerValue) else { throw typeError }
            guard count <= 0 || items.count <= maxSize / count else {
                throw ChatTemplateError.limit("list repetition larger than \(maxSize)")
            }
            return .array(Array([[RuntimeValue]](repeating: items, count: max(count, 0)).joined()))
        case (.modulo, .string, _):
            throw ChatTemplateError.unsupported("unsupported printf-style string formatting with '%'")
        default:
            throw typeError
        }
    }

    private static func integerArithmetic(_ op: TemplateExpression.BinaryOperator, _ a: Int, _ b: Int) throws -> RuntimeValue {
        let overflow = ChatTemplateError.unsupported("integer overflow (Python ints are unbounded, these are 64-bit)")
        switch op {
        case .add:
            let (result, overflowed) = a.addingReportingOverflow(b)
            if overflowed { throw overflow }
            return .int(result)
        case .subtract:
            let (result, overflowed) = a.subtractingReportingOverflow(b)
            if overflowed { throw overflow }
            return .int(result)
        case .multiply:
            let (result, overflowed) = a.multipliedReportingOverflow(by: b)
            if overflowed { throw overflow }
            return .int(result)
        case .divide:
            guard b != 0 else { throw ChatTemplateError.runtime("division by zero") }
            return .double(Double(a) / Double(b))
        case .floorDivide, .modulo:
            guard b != 0 else { throw ChatTemplateError.runtime("integer division or modulo by zero") }
            if a == Int.min && b == -1 { throw overflow }
            var quotient = a / b
            var remainder = a % b
            if remainder != 0 && ((remainder < 0) != (b < 0)) {
                quotient -= 1
                remainder += b
            }
            return .int(op == .floorDivide ? quotient : remainder)
        case .power:
            if b < 0 { return .double(Foundation.pow(Double(a), Double(b))) }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (product, overflowed) = result.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow }
                    result = product
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflowed) = base.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow }
                    base = square
                }
            }
            return .int(result)
        }
    }

    private static func floatArithmetic(_ op: TemplateExpression.BinaryOperator, _ a: Double, _ b: Double) throws -> RuntimeValue {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw ChatTemplateError.runtime("float division by zero") }
            return .double(a / b)
        case .floorDivide, .modulo:
            guard b != 0 else { throw ChatTemplateError.runtime(op == .modulo ? "float modulo" : "float floor division by zero") }
            var remainder = fmod(a, b)
            var quotient = (a - remainder) / b
            if remainder != 0 {
                if (b < 0) != (remainder < 0) {
                    remainder += b
                    quotient -= 1
                }
            } else {
                remainder = copysign(0.0, b)
            }
            if op == .modulo { return .double(remainder) }
            if quotient == 0 { return .double(copysign(0.0, a / b)) }
            var floored = quotient.rounded(.down)
            if quotient - floored > 0.5 { floored += 1 }
            return .double(floored)
        case .power:
            if a == 0 && b < 0 { throw ChatTemplateError.runtime("0.0 cannot be raised to a negative power") }
            return .double(Foundation.pow(a, b))
        }
    }

    /// Python `==`.
    static func equals(_ left: RuntimeValue, _ right: RuntimeValue) -> Bool {
        if let a = left.numericValue, let b = right.numericValue {
            if let x = left.integerValue, let y = right.integerValue { return x == y }
            return a == b
        }
        switch (left, right) {
        case (.undefined, .undefined), (.none, .none): return true
        case (.string(let a), .string(let b)): return PythonString.equal(a, b)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equals($0, $1) }
        case (.dict(let a), .dict(let b)):
            return a.count == b.count && a.entries.allSatisfy { entry in b[entry.key].map { equals(entry.value, $0) } ?? false }
        case (.namespace(let a), .namespace(let b)): return a === b
        default: return false
        }
    }

    /// Python ordering (`<`): numbers, strings by code point, lists lexicographically.
    static func less(_ left: RuntimeValue, _ right: RuntimeValue, op: String = "<") throws -> Bool {
        if case .undefined(let hint) = left { throw ChatTemplateError.runtime(hint) }
        if case .undefined(let hint) = right { throw ChatTemplateError.runtime(hint) }
        if let a = left.numericValue, let b = right.numericValue {
            if let x = left.integerValue, let y = right.integerValue { return x < y }
            return a < b
        }
        switch (left, right) {
        case (.string(let a), .string(let b)): return PythonString.less(a, b)
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a, b) where !equals(x, y) { return try less(x, y, op: op) }
            return a.count < b.count
        default:
            throw ChatTemplateError.runtime(
                "'\(op)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    static func compare(_ op: TemplateExpression.CompareOperator, _ left: RuntimeValue, _ right: RuntimeValue) throws -> Bool {
        switch op {
        case .equal: return equals(left, right)
        case .notEqual: return !equals(left, right)
        case .less: return try less(left, right, op: "<")
        case .greater: return try less(right, left, op: ">")
        case .lessEqual: return try !less(right, left, op: "<=")
        case .greaterEqual: return try !less(left, right, op: ">=")
        case .isIn: return try contains(right, left)
        case .notIn: return try !contains(right, left)
        }
    }

    /// Python `item in container`.
    static func contains(_ container: RuntimeValue, _ item: RuntimeValue) throws -> Bool {
        switch container {
        case .undefined: return false
        case .string(let text):
            guard case .string(let needle) = item else {
                if case .undefined(let hint) = item { throw ChatTemplateError.runtime(hint) }
                throw ChatTemplateError.runtime("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return needle.isEmpty || PythonString.find(text, needle) >= 0
        case .array(let items): return items.contains { equals($0, item) }
        case .dict(let dict):
            switch item {
            case .string(let key): return dict[key] != nil
            case .array, .dict: throw ChatTemplateError.runtime("unhashable type: '\(item.typeName)'")
            default: return false
            }
        default:
            throw ChatTemplateError.runtime("argument of type '\(container.typeName)' is not iterable")
        }
    }
}
