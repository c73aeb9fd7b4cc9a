/// Builds the statement tree from tokens, following jinja2's parser (statements here; expressions in
/// `TemplateParser+Expressions.swift`).
struct TemplateParser {
    private let tokens: [TemplateToken]
    private var index = 0
    let limits: ChatTemplateLimits
    /// Current nesting of blocks and sub-expressions, bounded by `limits.maxNestingDepth`.
    var nesting = 0
    private var loopDepth = 0

    static func parse(_ source: String, limits: ChatTemplateLimits) throws -> [TemplateStatement] {
        var parser = TemplateParser(tokens: try TemplateLexer.tokenize(source), limits: limits)
        return try parser.subparse(until: nil).body
    }

    private init(tokens: [TemplateToken], limits: ChatTemplateLimits) {
        self.tokens = tokens
        self.limits = limits
    }

    // MARK: Token stream

    var current: TemplateToken { tokens[index] }
    var lookahead: TemplateToken { tokens[min(index + 1, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> TemplateToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func failure(_ message: String, line: Int? = nil) -> ChatTemplateError {
        ChatTemplateError(.syntax, line: line ?? current.line, message)
    }

    func unexpected(expected: String) -> ChatTemplateError {
        failure("expected \(expected), got '\(current.description)'")
    }

    @discardableResult
    mutating func expectOp(_ op: String) throws -> TemplateToken {
        guard current.isOp(op) else { throw unexpected(expected: "'\(op)'") }
        return advance()
    }

    mutating func expectName() throws -> (String, Int) {
        guard case .name(let name) = current.kind else { throw unexpected(expected: "a name") }
        let line = current.line
        advance()
        return (name, line)
    }

    mutating func expect(_ kind: TemplateToken.Kind) throws {
        guard current.kind == kind else {
            throw unexpected(expected: "'\(TemplateToken(kind: kind, line: 0).description)'")
        }
        advance()
    }

    mutating func skip(op: String) -> Bool {
        guard current.isOp(op) else { return false }
        advance()
        return true
    }

    mutating func skip(name: String) -> Bool {
        guard current.isName(name) else { return false }
        advance()
        return true
    }

    mutating func enterNesting() throws {
        nesting += 1
        if nesting > limits.maxNestingDepth {
            throw ChatTemplateError(.limit, line: current.line, "template nested deeper than \(limits.maxNestingDepth) levels")
        }
    }

    // MARK: Statements

    /// Parses until one of `endTags` opens a block (left as the current token) or the template ends.
    private mutating func subparse(until endTags: [String]?) throws -> (body: [TemplateStatement], reachedEnd: Bool) {
        var body: [TemplateStatement] = []
        while true {
            let token = current
            switch token.kind {
            case .data(let text):
                body.append(TemplateStatement(kind: .text(text), line: token.line))
                advance()
            case .variableBegin:
                advance()
                let expression = try parseTuple()
                try expect(.variableEnd)
                body.append(TemplateStatement(kind: .output(expression), line: expression.line))
            case .blockBegin:
                advance()
                if let endTags, case .name(let name) = current.kind, endTags.contains(name) { return (body, false) }
                body += try parseStatement()
                try expect(.blockEnd)
            case .eof:
                return (body, true)
            default:
                throw failure("unexpected '\(token.description)'")
            }
        }
    }

    /// The body of a block up to one of `endTags`; with `dropEnd` the end tag's name is consumed.
    private mutating func parseBody(_ endTags: [String], opener: String, line: Int, dropEnd: Bool = false) throws
        -> [TemplateStatement] {
        _ = skip(op: ":")
        try expect(.blockEnd)
        try enterNesting()
        defer { nesting -= 1 }
        let (body, reachedEnd) = try subparse(until: endTags)
        if reachedEnd {
            let expected = endTags.map { "'\($0)'" }.joined(separator: " or ")
            throw failure("unexpected end of template, expected \(expected) to close '\(opener)' from line \(line)")
        }
        if dropEnd { advance() }
        return body
    }

    private mutating func parseStatement() throws -> [TemplateStatement] {
        guard case .name(let tag) = current.kind else { throw failure("tag name expected") }
        let line = current.line
        func statement(_ kind: TemplateStatement.Kind) -> [TemplateStatement] { [TemplateStatement(kind: kind, line: line)] }
        switch tag {
        case "for": return statement(.loop(try parseFor()))
        case "if": return statement(try parseIf())
        case "set": return statement(try parseSet())
        case "macro": return statement(.macro(try parseMacro()))
        case "call": return statement(try parseCallBlock())
        case "filter":
            advance()
            let filter = try parseFilter(nil, startInline: true)
            return statement(.filterBlock(filter: filter!, body: try parseBody(["endfilter"], opener: tag, line: line, dropEnd: true)))
        case "with": return statement(try parseWith())
        case "print":
            advance()
            var outputs: [TemplateStatement] = []
            while current.kind != .blockEnd {
                if !outputs.isEmpty { try expectOp(",") }
                outputs.append(TemplateStatement(kind: .output(try parseExpression()), line: line))
            }
            return outputs
        case "break", "continue":
            advance()
            guard loopDepth > 0 else { throw failure("'\(tag)' outside of a loop", line: line) }
            return statement(tag == "break" ? .loopBreak : .loopContinue)
        case "generation":
            advance()
            return statement(.generation(try parseBody(["endgeneration"], opener: tag, line: line, dropEnd: true)))
        case "block", "extends", "include", "import", "from", "autoescape", "do", "trans", "pluralize":
            throw ChatTemplateError(.unsupported, line: line, "unsupported tag '\(tag)'")
        default:
            if tag.hasPrefix("end") || tag == "elif" || tag == "else" {
                throw failure("unexpected tag '\(tag)'", line: line)
            }
            throw failure("unknown tag '\(tag)'", line: line)
        }
    }

    private mutating func parseFor() throws -> TemplateStatement.ForLoop {
        let (_, line) = try expectName()
        let target = try parseAssignTarget(extraEndNames: ["in"], withNamespace: false)
        guard skip(name: "in") else { throw unexpected(expected: "'in'") }
        let iterable = try parseTuple(withCondexpr: false, extraEndNames: ["recursive"])
        let filter = skip(name: "if") ? try parseExpression() : nil
        let recursive = skip(name: "recursive")
        if recursive { throw ChatTemplateError(.unsupported, line: line, "unsupported recursive for loop") }
        loopDepth += 1
        let body = try parseBody(["endfor", "else"], opener: "for", line: line)
        loopDepth -= 1
        var otherwise: [TemplateStatement] = []
        if advance().isName("else") {
            otherwise = try parseBody(["endfor"], opener: "for", line: line, dropEnd: true)
        }
        return .init(target: target, iterable: iterable, filter: filter, recursive: recursive, body: body,
                     otherwise: otherwise)
    }

    private mutating func parseIf() throws -> TemplateStatement.Kind {
        let (_, line) = try expectName()
        var branches: [(test: TemplateExpression, body: [TemplateStatement])] = []
        var otherwise: [TemplateStatement] = []
        while true {
            let test = try parseTuple(withCondexpr: false)
            let body = try parseBody(["elif", "else", "endif"], opener: "if", line: line)
            branches.append((test, body))
            let token = advance()
            if token.isName("elif") { continue }
            if token.isName("else") { otherwise = try parseBody(["endif"], opener: "if", line: line, dropEnd: true) }
            break
        }
        return .conditional(branches: branches, otherwise: otherwise)
    }

    private mutating func parseSet() throws -> TemplateStatement.Kind {
        let (_, line) = try expectName()
        let target = try parseAssignTarget(extraEndNames: [], withNamespace: true)
        if skip(op: "=") { return .assign(target, try parseTuple()) }
        let filter = try parseFilter(nil)
        return .assignBlock(target, filter: filter, body: try parseBody(["endset"], opener: "set", line: line, dropEnd: true))
    }

    /// Names (or `ns.attr`) separated by commas, as jinja2's `parse_assign_target`.
    private mutating func parseAssignTarget(extraEndNames: [String], withNamespace: Bool) throws -> AssignTarget {
        var names: [String] = []
        var namespaceTarget: AssignTarget?
        var isTuple = false
        while true {
            if !names.isEmpty || namespaceTarget != nil { try expectOp(",") }
            if isTupleEnd(extraEndNames) { break }
            guard case .name(let name) = current.kind,
                  !["true", "false", "True", "False", "none", "None"].contains(name) else {
                throw failure("can't assign to '\(current.description)'")
            }
            advance()
            if withNamespace, current.isOp(".") {
                advance()
                let (attribute, _) = try expectName()
                namespaceTarget = .namespaceAttribute(name, attribute)
            } else {
                names.append(name)
            }
            if current.isOp(",") { isTuple = true } else { break }
        }
        if let namespaceTarget {
            guard !isTuple else { throw ChatTemplateError(.unsupported, line: current.line, "unsupported namespace attribute in a tuple assignment") }
            return namespaceTarget
        }
        guard !names.isEmpty else { throw failure("expected an assignment target") }
        return isTuple ? .tuple(names) : .name(names[0])
    }

    private mutating func parseSignature() throws -> [(name: String, defaultValue: TemplateExpression?)] {
        try expectOp("(")
        var parameters: [(name: String, defaultValue: TemplateExpression?)] = []
        while !current.isOp(")") {
            if !parameters.isEmpty { try expectOp(",") }
            let (name, _) = try expectName()
            if skip(op: "=") {
                parameters.append((name, try parseExpression()))
            } else {
                if parameters.contains(where: { $0.defaultValue != nil }) {
                    throw failure("non-default argument follows default argument")
                }
                parameters.append((name, nil))
            }
        }
        try expectOp(")")
        return parameters
    }

    private mutating func parseMacro() throws -> MacroDefinition {
        let (_, line) = try expectName()
        let (name, _) = try expectName()
        let parameters = try parseSignature()
        let savedLoopDepth = loopDepth
        loopDepth = 0
        defer { loopDepth = savedLoopDepth }
        let body = try parseBody(["endmacro"], opener: "macro", line: line, dropEnd: true)
        return MacroDefinition(name: name, parameters: parameters, body: body, line: line)
    }

    private mutating func parseCallBlock() throws -> TemplateStatement.Kind {
        let (_, line) = try expectName()
        let parameters = current.isOp("(") ? try parseSignature() : []
        let call = try parseExpression()
        guard case .call = call.kind else { throw failure("expected call", line: line) }
        let body = try parseBody(["endcall"], opener: "call", line: line, dropEnd: true)
        return .callBlock(call: call, caller: MacroDefinition(name: "caller", parameters: parameters, body: body, line: line))
    }

    private mutating func parseWith() throws -> TemplateStatement.Kind {
        let (_, line) = try expectName()
        var bindings: [(name: String, value: TemplateExpression)] = []
        while current.kind != .blockEnd {
            if !bindings.isEmpty { try expectOp(",") }
            let (name, _) = try expectName()
            try expectOp("=")
            bindings.append((name, try parseExpression()))
        }
        return .with(bindings: bindings, body: try parseBody(["endwith"], opener: "with", line: line, dropEnd: true))
    }
}
