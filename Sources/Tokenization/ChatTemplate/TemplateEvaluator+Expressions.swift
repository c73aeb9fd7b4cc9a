/// Expression evaluation: names, literals, operators, attribute and item access, calls, filters and tests.
extension TemplateEvaluator {
    func evaluate(_ expression: TemplateExpression, in scope: Scope) throws -> RuntimeValue {
        do {
            return try evaluateKind(expression, in: scope)
        } catch let error as ChatTemplateError {
            throw error.located(at: expression.line)
        }
    }

    func evaluateArguments(_ arguments: TemplateExpression.Arguments, in scope: Scope) throws -> CallArguments {
        CallArguments(positional: try arguments.positional.map { try evaluate($0, in: scope) },
                      keyword: try arguments.keyword.map { ($0.name, try evaluate($0.value, in: scope)) })
    }

    private func evaluateKind(_ expression: TemplateExpression, in scope: Scope) throws -> RuntimeValue {
        switch expression.kind {
        case .constant(let constant):
            switch constant {
            case .none: return .none
            case .bool(let flag): return .bool(flag)
            case .int(let number): return .int(number)
            case .double(let number): return .double(number)
            case .string(let text): return .string(text)
            }
        case .name(let name):
            return scope.lookup(name) ?? TemplateGlobals.lookup(name) ?? .undefinedName(name)
        case .list(let items), .tuple(let items):
            return .array(try items.map { try evaluate($0, in: scope) })
        case .dict(let pairs):
            var dict = RuntimeDict()
            for pair in pairs {
                guard case .string(let key) = try evaluate(pair.key, in: scope) else {
                    throw ChatTemplateError.unsupported("unsupported dict key that is not a string")
                }
                dict[key] = try evaluate(pair.value, in: scope)
            }
            return .dict(dict)
        case .attribute(let base, let name):
            return try TemplateMethods.attribute(of: try evaluate(base, in: scope), name)
        case .item(let base, .index(let index)):
            return try TemplateMethods.item(of: try evaluate(base, in: scope), try evaluate(index, in: scope))
        case .item(let base, .slice(let start, let stop, let step)):
            let value = try evaluate(base, in: scope)
            let bounds = try [start, stop, step].map { try $0.map { try evaluate($0, in: scope) } }
            return try PythonOperators.slice(value, start: bounds[0], stop: bounds[1], step: bounds[2])
        case .call(let callee, let arguments):
            return try call(try evaluate(callee, in: scope), try evaluateArguments(arguments, in: scope))
        case .filter(let base, let name, let arguments):
            let value: RuntimeValue
            if let base { value = try evaluate(base, in: scope) } else { value = blockValue ?? .string("") }
            return try TemplateFilters.apply(name, to: value, try evaluateArguments(arguments, in: scope), evaluator: self)
        case .test(let base, let name, let arguments, let negated):
            let value = try evaluate(base, in: scope)
            let result = try TemplatePredicates.apply(name, to: value, try evaluateArguments(arguments, in: scope))
            return .bool(result != negated)
        case .unary(.not, let operand):
            return .bool(!(try evaluate(operand, in: scope)).isTruthy)
        case .unary(let op, let operand):
            return try PythonOperators.unary(op, try evaluate(operand, in: scope))
        case .binary(let op, let left, let right):
            let result = try PythonOperators.binary(op, try evaluate(left, in: scope), try evaluate(right, in: scope),
                                                    maxSize: limits.maxCollectionSize)
            return try bounded(result)
        case .concat(let items):
            var text = ""
            for item in items { text += try PythonFormatter.str(try evaluate(item, in: scope)) }
            return try bounded(.string(text))
        case .compare(let first, let operations):
            var left = try evaluate(first, in: scope)
            for operation in operations {
                let right = try evaluate(operation.operand, in: scope)
                if !(try PythonOperators.compare(operation.op, left, right)) { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .and(let left, let right):
            let value = try evaluate(left, in: scope)
            return value.isTruthy ? try evaluate(right, in: scope) : value
        case .or(let left, let right):
            let value = try evaluate(left, in: scope)
            return value.isTruthy ? value : try evaluate(right, in: scope)
        case .conditional(let test, let then, let otherwise):
            if try evaluate(test, in: scope).isTruthy { return try evaluate(then, in: scope) }
            if let otherwise { return try evaluate(otherwise, in: scope) }
            return .undefined(hint: "the inline if-expression on line \(expression.line) evaluated to false and no else section was defined.")
        }
    }

    /// Refuses strings and lists larger than the collection limit.
    private func bounded(_ value: RuntimeValue) throws -> RuntimeValue {
        switch value {
        case .string(let text) where text.utf8.count > limits.maxOutputBytes:
            throw ChatTemplateError.limit("string longer than \(limits.maxOutputBytes) bytes")
        case .array(let items) where items.count > limits.maxCollectionSize:
            throw ChatTemplateError.limit("list longer than \(limits.maxCollectionSize) items")
        default:
            return value
        }
    }

    func call(_ callee: RuntimeValue, _ arguments: CallArguments) throws -> RuntimeValue {
        switch callee {
        case .undefined(let hint):
            throw ChatTemplateError.runtime(hint)
        case .callable(.global(let name)):
            return try TemplateGlobals.call(name, arguments, evaluator: self)
        case .callable(.method(let receiver, let name)):
            return try TemplateMethods.call(name, on: receiver, arguments, evaluator: self)
        case .callable(.macro(let macro)):
            return try invoke(macro, arguments)
        default:
            throw ChatTemplateError.runtime("'\(callee.typeName)' object is not callable")
        }
    }
}
