/// The postfix parts of expressions: `.attr` and `[…]` subscripts, call arguments, `| filter` and `is test`.
extension TemplateParser {
    mutating func parseSubscript(_ base: TemplateExpression) throws -> TemplateExpression {
        let token = advance()
        if token.isOp(".") {
            let attribute = advance()
            switch attribute.kind {
            case .name(let name): return try make(.attribute(base, name), token.line)
            case .integer(let value):
                return try make(.item(base, .index(try make(.constant(.int(value)), attribute.line))), token.line)
            default: throw failure("expected name or number", line: attribute.line)
            }
        }
        var subscripts: [TemplateExpression.Subscript] = []
        while !current.isOp("]") {
            if !subscripts.isEmpty { try expectOp(",") }
            subscripts.append(try parseSubscribed())
        }
        try expectOp("]")
        if subscripts.count == 1 { return try make(.item(base, subscripts[0]), token.line) }
        let items = try subscripts.map { part -> TemplateExpression in
            guard case .index(let item) = part else {
                throw ChatTemplateError(.unsupported, line: token.line, "unsupported slice inside a tuple subscript")
            }
            return item
        }
        return try make(.item(base, .index(try make(.tuple(items), token.line))), token.line)
    }

    private mutating func parseSubscribed() throws -> TemplateExpression.Subscript {
        var start: TemplateExpression?
        if !skip(op: ":") {
            let expression = try parseExpression()
            guard skip(op: ":") else { return .index(expression) }
            start = expression
        }
        var stop: TemplateExpression?
        if !current.isOp(":"), !current.isOp("]"), !current.isOp(",") { stop = try parseExpression() }
        var step: TemplateExpression?
        if skip(op: ":"), !current.isOp("]"), !current.isOp(",") { step = try parseExpression() }
        return .slice(start: start, stop: stop, step: step)
    }

    mutating func parseCallArguments() throws -> TemplateExpression.Arguments {
        let open = try expectOp("(")
        var arguments = TemplateExpression.Arguments()
        var requireComma = false
        while !current.isOp(")") {
            if requireComma {
                try expectOp(",")
                if current.isOp(")") { break }
            }
            if current.isOp("*") || current.isOp("**") {
                throw ChatTemplateError(.unsupported, line: current.line, "unsupported '\(current.description)' argument unpacking")
            }
            if case .name(let name) = current.kind, lookahead.isOp("=") {
                advance()
                advance()
                arguments.keyword.append((name, try parseExpression()))
            } else {
                guard arguments.keyword.isEmpty else {
                    throw failure("invalid syntax for function call expression", line: open.line)
                }
                arguments.positional.append(try parseExpression())
            }
            requireComma = true
        }
        try expectOp(")")
        return arguments
    }

    /// `| name(args)` filters, chained; `startInline` parses one filter without a leading `|`.
    mutating func parseFilter(_ base: TemplateExpression?, startInline: Bool = false) throws -> TemplateExpression? {
        var expression = base
        var inline = startInline
        while current.isOp("|") || inline {
            if !inline { advance() }
            var (name, line) = try expectName()
            while skip(op: ".") { name += "." + (try expectName()).0 }
            let arguments = current.isOp("(") ? try parseCallArguments() : TemplateExpression.Arguments()
            expression = try make(.filter(expression, name: name, arguments), line)
            inline = false
        }
        return expression
    }

    mutating func parseTest(_ base: TemplateExpression) throws -> TemplateExpression {
        let line = advance().line
        let negated = skip(name: "not")
        var (name, _) = try expectName()
        while skip(op: ".") { name += "." + (try expectName()).0 }
        var arguments = TemplateExpression.Arguments()
        if current.isOp("(") {
            arguments = try parseCallArguments()
        } else if isTestArgumentStart {
            if current.isName("is") { throw failure("You cannot chain multiple tests with is") }
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        return try make(.test(base, name: name, arguments, negated: negated), line)
    }

    private var isTestArgumentStart: Bool {
        switch current.kind {
        case .name(let name): return !["else", "or", "and"].contains(name)
        case .string, .integer, .float, .op("["), .op("{"): return true
        default: return false
        }
    }
}
