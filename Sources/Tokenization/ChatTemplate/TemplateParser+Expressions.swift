/// Expression grammar, precedence lowest first: conditional, `or`, `and`, `not`, comparisons, `+ -`, `~`,
/// `* / // %`, `**`, unary `- +`, then primaries with `.attr`, `[…]`, calls, `| filter` and `is test`.
extension TemplateParser {
    func make(_ kind: TemplateExpression.Kind, _ line: Int) throws -> TemplateExpression {
        let expression = TemplateExpression(kind, line: line)
        if expression.depth > 2 * limits.maxNestingDepth {
            throw ChatTemplateError(.limit, line: line, "expression nested deeper than \(2 * limits.maxNestingDepth) levels")
        }
        return expression
    }

    func isTupleEnd(_ extraEndNames: [String]) -> Bool {
        switch current.kind {
        case .variableEnd, .blockEnd: return true
        case .op(")"): return true
        case .name(let name): return extraEndNames.contains(name)
        default: return false
        }
    }

    /// Comma-separated expressions; a single one without a comma is returned as it is.
    mutating func parseTuple(withCondexpr: Bool = true, extraEndNames: [String] = [],
                             explicitParentheses: Bool = false) throws -> TemplateExpression {
        let line = current.line
        var items: [TemplateExpression] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expectOp(",") }
            if isTupleEnd(extraEndNames) { break }
            items.append(withCondexpr ? try parseExpression() : try parseOr())
            if current.isOp(",") { isTuple = true } else { break }
        }
        if !isTuple {
            if let first = items.first { return first }
            if !explicitParentheses { throw failure("expected an expression, got '\(current.description)'") }
        }
        return try make(.tuple(items), line)
    }

    mutating func parseExpression() throws -> TemplateExpression {
        let line = current.line
        var expression = try parseOr()
        while skip(name: "if") {
            let test = try parseOr()
            let otherwise = skip(name: "else") ? try parseExpression() : nil
            expression = try make(.conditional(test: test, then: expression, otherwise: otherwise), line)
        }
        return expression
    }

    private mutating func parseOr() throws -> TemplateExpression {
        let line = current.line
        var left = try parseAnd()
        while skip(name: "or") { left = try make(.or(left, try parseAnd()), line) }
        return left
    }

    private mutating func parseAnd() throws -> TemplateExpression {
        let line = current.line
        var left = try parseNot()
        while skip(name: "and") { left = try make(.and(left, try parseNot()), line) }
        return left
    }

    private mutating func parseNot() throws -> TemplateExpression {
        guard current.isName("not") else { return try parseCompare() }
        let line = advance().line
        try enterNesting()
        defer { nesting -= 1 }
        return try make(.unary(.not, try parseNot()), line)
    }

    private mutating func parseCompare() throws -> TemplateExpression {
        let line = current.line
        let first = try parseMath1()
        var operations: [(op: TemplateExpression.CompareOperator, operand: TemplateExpression)] = []
        while true {
            if case .op(let op) = current.kind, let comparison = TemplateExpression.CompareOperator(rawValue: op),
               comparison != .isIn, comparison != .notIn {
                advance()
                operations.append((comparison, try parseMath1()))
            } else if skip(name: "in") {
                operations.append((.isIn, try parseMath1()))
            } else if current.isName("not"), lookahead.isName("in") {
                advance()
                advance()
                operations.append((.notIn, try parseMath1()))
            } else {
                break
            }
        }
        return operations.isEmpty ? first : try make(.compare(first, operations), line)
    }

    private mutating func parseMath1() throws -> TemplateExpression {
        let line = current.line
        var left = try parseConcat()
        while case .op(let op) = current.kind, op == "+" || op == "-" {
            advance()
            left = try make(.binary(op == "+" ? .add : .subtract, left, try parseConcat()), line)
        }
        return left
    }

    private mutating func parseConcat() throws -> TemplateExpression {
        let line = current.line
        var items = [try parseMath2()]
        while skip(op: "~") { items.append(try parseMath2()) }
        return items.count == 1 ? items[0] : try make(.concat(items), line)
    }

    private mutating func parseMath2() throws -> TemplateExpression {
        let line = current.line
        var left = try parsePower()
        while case .op(let op) = current.kind, ["*", "/", "//", "%"].contains(op) {
            advance()
            left = try make(.binary(TemplateExpression.BinaryOperator(rawValue: op)!, left, try parsePower()), line)
        }
        return left
    }

    private mutating func parsePower() throws -> TemplateExpression {
        let line = current.line
        var left = try parseUnary()
        while skip(op: "**") { left = try make(.binary(.power, left, try parseUnary()), line) }
        return left
    }

    private mutating func parseUnary(withFilter: Bool = true) throws -> TemplateExpression {
        try enterNesting()
        defer { nesting -= 1 }
        let line = current.line
        var expression: TemplateExpression
        if skip(op: "-") {
            expression = try make(.unary(.negate, try parseUnary(withFilter: false)), line)
        } else if skip(op: "+") {
            expression = try make(.unary(.plus, try parseUnary(withFilter: false)), line)
        } else {
            expression = try parsePrimary()
        }
        expression = try parsePostfix(expression)
        if withFilter { expression = try parseFilterExpression(expression) }
        return expression
    }

    mutating func parsePrimary() throws -> TemplateExpression {
        let token = current
        switch token.kind {
        case .name(let name):
            advance()
            switch name {
            case "true", "True": return try make(.constant(.bool(true)), token.line)
            case "false", "False": return try make(.constant(.bool(false)), token.line)
            case "none", "None": return try make(.constant(.none), token.line)
            default: return try make(.name(name), token.line)
            }
        case .string(var text):
            advance()
            while case .string(let more) = current.kind {
                text += more
                advance()
            }
            return try make(.constant(.string(text)), token.line)
        case .integer(let value):
            advance()
            return try make(.constant(.int(value)), token.line)
        case .float(let value):
            advance()
            return try make(.constant(.double(value)), token.line)
        case .op("("):
            advance()
            let expression = try parseTuple(explicitParentheses: true)
            try expectOp(")")
            return expression
        case .op("["):
            advance()
            var items: [TemplateExpression] = []
            while !current.isOp("]") {
                if !items.isEmpty { try expectOp(",") }
                if current.isOp("]") { break }
                items.append(try parseExpression())
            }
            try expectOp("]")
            return try make(.list(items), token.line)
        case .op("{"):
            advance()
            var pairs: [(key: TemplateExpression, value: TemplateExpression)] = []
            while !current.isOp("}") {
                if !pairs.isEmpty { try expectOp(",") }
                if current.isOp("}") { break }
                let key = try parseExpression()
                try expectOp(":")
                pairs.append((key, try parseExpression()))
            }
            try expectOp("}")
            return try make(.dict(pairs), token.line)
        default:
            throw failure("unexpected '\(token.description)'")
        }
    }

    mutating func parsePostfix(_ base: TemplateExpression) throws -> TemplateExpression {
        var expression = base
        while true {
            if current.isOp(".") || current.isOp("[") {
                expression = try parseSubscript(expression)
            } else if current.isOp("(") {
                let line = current.line
                expression = try make(.call(expression, try parseCallArguments()), line)
            } else {
                return expression
            }
        }
    }

    mutating func parseFilterExpression(_ base: TemplateExpression) throws -> TemplateExpression {
        var expression = base
        while true {
            if current.isOp("|") {
                expression = try parseFilter(expression)!
            } else if current.isName("is") {
                expression = try parseTest(expression)
            } else if current.isOp("(") {
                let line = current.line
                expression = try make(.call(expression, try parseCallArguments()), line)
            } else {
                return expression
            }
        }
    }
}
