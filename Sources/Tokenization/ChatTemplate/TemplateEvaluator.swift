import Foundation

/// Renders a parsed template: statements here, expressions in `TemplateEvaluator+Expressions.swift`.
/// One evaluator serves one render.
final class TemplateEvaluator {
    let limits: ChatTemplateLimits
    let clock: @Sendable () -> Date
    let timeZone: TimeZone
    private var output = ""
    private var outputBytes = 0
    private var iterations = 0
    var callDepth = 0
    /// The value standing in for the missing base of a `{% filter %}` / `{% set x | f %}` filter chain.
    var blockValue: RuntimeValue?
    /// Macros and namespaces made during this render. They can form reference cycles (a macro's defining scope
    /// holds the macro; `{% set ns.me = ns %}`), so they are emptied when rendering ends.
    private var macros: [MacroClosure] = []
    private var namespaces: [NamespaceObject] = []

    enum Flow { case normal, breakLoop, continueLoop }

    init(limits: ChatTemplateLimits, clock: @escaping @Sendable () -> Date, timeZone: TimeZone) {
        self.limits = limits
        self.clock = clock
        self.timeZone = timeZone
    }

    func render(_ body: [TemplateStatement], context: [String: RuntimeValue]) throws -> String {
        let root = Scope(parent: nil, variables: context)
        defer { breakCycles(root) }
        _ = try execute(body, in: root)
        return output
    }

    /// A macro made by this render, recorded so that `breakCycles` can release it.
    func made(_ macro: MacroClosure) -> MacroClosure {
        macros.append(macro)
        return macro
    }

    /// A namespace made by this render, recorded so that `breakCycles` can release it.
    func made(_ namespace: NamespaceObject) -> NamespaceObject {
        namespaces.append(namespace)
        return namespace
    }

    /// Empties every scope a macro captured and every namespace, so that no cycle outlives the render
    /// (found as a leak by fuzzing: every template with a macro kept its whole context alive).
    private func breakCycles(_ root: Scope) {
        root.removeAll()
        for macro in macros { macro.scope.removeAll() }
        for namespace in namespaces { namespace.attributes = RuntimeDict() }
        macros = []
        namespaces = []
    }

    private func write(_ text: String) throws {
        outputBytes += text.utf8.count
        if outputBytes > limits.maxOutputBytes {
            throw ChatTemplateError.limit("rendered output exceeds \(limits.maxOutputBytes) bytes")
        }
        output += text
    }

    /// Runs `body` with output going to a fresh buffer, and returns that buffer.
    func capture(_ body: () throws -> Void) throws -> String {
        let saved = output
        output = ""
        defer { output = saved }
        try body()
        return output
    }

    func execute(_ statements: [TemplateStatement], in scope: Scope) throws -> Flow {
        for statement in statements {
            do {
                let flow = try execute(statement, in: scope)
                if flow != .normal { return flow }
            } catch let error as ChatTemplateError {
                throw error.located(at: statement.line)
            }
        }
        return .normal
    }

    private func execute(_ statement: TemplateStatement, in scope: Scope) throws -> Flow {
        switch statement.kind {
        case .text(let text):
            try write(text)
        case .output(let expression):
            try write(try PythonFormatter.str(try evaluate(expression, in: scope)))
        case .conditional(let branches, let otherwise):
            for branch in branches where try evaluate(branch.test, in: scope).isTruthy {
                return try execute(branch.body, in: scope)
            }
            return try execute(otherwise, in: scope)
        case .loop(let loop):
            try executeLoop(loop, in: scope)
        case .assign(let target, let expression):
            try assign(target, try evaluate(expression, in: scope), in: scope)
        case .assignBlock(let target, let filter, let body):
            var value = RuntimeValue.string(try capture { _ = try execute(body, in: Scope(parent: scope)) })
            if let filter { value = try applyBlockFilter(filter, to: value, in: scope) }
            try assign(target, value, in: scope)
        case .macro(let definition):
            scope.assign(definition.name, .callable(.macro(made(MacroClosure(definition: definition, scope: scope)))))
        case .callBlock(let call, let callerDefinition):
            guard case .call(let calleeExpression, let argumentExpressions) = call.kind else { break }
            let callee = try evaluate(calleeExpression, in: scope)
            let arguments = try evaluateArguments(argumentExpressions, in: scope)
            guard case .callable(.macro(let macro)) = callee else {
                throw ChatTemplateError.unsupported("unsupported call block on a non-macro")
            }
            let caller = made(MacroClosure(definition: callerDefinition, scope: scope))
            try write(try PythonFormatter.str(try invoke(macro, arguments, caller: caller)))
        case .filterBlock(let filter, let body):
            let text = try capture { _ = try execute(body, in: Scope(parent: scope)) }
            try write(try PythonFormatter.str(try applyBlockFilter(filter, to: .string(text), in: scope)))
        case .with(let bindings, let body):
            let inner = Scope(parent: scope)
            for binding in bindings { inner.assign(binding.name, try evaluate(binding.value, in: scope)) }
            return try execute(body, in: inner)
        case .loopBreak:
            return .breakLoop
        case .loopContinue:
            return .continueLoop
        case .generation(let body):
            return try execute(body, in: Scope(parent: scope))
        }
        return .normal
    }

    private func applyBlockFilter(_ filter: TemplateExpression, to value: RuntimeValue, in scope: Scope) throws -> RuntimeValue {
        let saved = blockValue
        blockValue = value
        defer { blockValue = saved }
        return try evaluate(filter, in: scope)
    }

    private func executeLoop(_ loop: TemplateStatement.ForLoop, in scope: Scope) throws {
        var items = try PythonOperators.iterate(try evaluate(loop.iterable, in: scope))
        if let filter = loop.filter {
            items = try items.filter { item in
                let probe = Scope(parent: scope)
                try assign(loop.target, item, in: probe)
                return try evaluate(filter, in: probe).isTruthy
            }
        }
        if items.isEmpty {
            _ = try execute(loop.otherwise, in: Scope(parent: scope))
            return
        }
        for index in items.indices {
            iterations += 1
            if iterations > limits.maxLoopIterations {
                throw ChatTemplateError.limit("more than \(limits.maxLoopIterations) loop iterations")
            }
            let iteration = Scope(parent: scope)
            try assign(loop.target, items[index], in: iteration)
            iteration.assign("loop", .loop(LoopContext(items: items, index0: index, depth0: 0)))
            if try execute(loop.body, in: iteration) == .breakLoop { break }
        }
    }

    func assign(_ target: AssignTarget, _ value: RuntimeValue, in scope: Scope) throws {
        switch target {
        case .name(let name):
            scope.assign(name, value)
        case .tuple(let names):
            let items = try PythonOperators.iterate(value)
            guard items.count == names.count else {
                throw ChatTemplateError.runtime(items.count < names.count
                    ? "not enough values to unpack (expected \(names.count), got \(items.count))"
                    : "too many values to unpack (expected \(names.count))")
            }
            for (name, item) in zip(names, items) { scope.assign(name, item) }
        case .namespaceAttribute(let name, let attribute):
            guard case .namespace(let namespace) = scope.lookup(name) ?? .undefinedName(name) else {
                throw ChatTemplateError.runtime("cannot assign attribute on non-namespace object")
            }
            namespace.attributes[attribute] = value
        }
    }

    /// Calls a macro: a fresh scope on top of the macro's defining scope, parameters bound Python-style,
    /// extra arguments in `varargs`/`kwargs`, the rendered body as the result.
    func invoke(_ macro: MacroClosure, _ arguments: CallArguments, caller: MacroClosure? = nil) throws -> RuntimeValue {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > limits.maxCallDepth {
            throw ChatTemplateError.limit("macro calls nested deeper than \(limits.maxCallDepth) levels")
        }
        let definition = macro.definition
        let scope = Scope(parent: macro.scope)
        var keywords = RuntimeDict()
        for (name, value) in arguments.keyword { keywords[name] = value }
        for (index, parameter) in definition.parameters.enumerated() {
            if index < arguments.positional.count {
                scope.assign(parameter.name, arguments.positional[index])
            } else if let value = keywords[parameter.name] {
                scope.assign(parameter.name, value)
                keywords[parameter.name] = nil
            } else if let defaultValue = parameter.defaultValue {
                scope.assign(parameter.name, try evaluate(defaultValue, in: scope))
            } else {
                scope.assign(parameter.name, .undefined(hint: "parameter '\(parameter.name)' was not provided"))
            }
        }
        scope.assign("varargs", .array(Array(arguments.positional.dropFirst(definition.parameters.count))))
        scope.assign("kwargs", .dict(keywords))
        if let caller { scope.assign("caller", .callable(.macro(caller))) }
        let text = try capture { _ = try execute(definition.body, in: scope) }
        return .string(text)
    }
}
