/// An expression node of a parsed template, with the line it starts on and its nesting depth.
struct TemplateExpression: Sendable {
    let kind: Kind
    let line: Int
    /// Height of the expression tree; the parser refuses trees deeper than the nesting limit so that evaluation
    /// recursion stays bounded.
    let depth: Int

    init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
        depth = 1 + (kind.children.map(\.depth).max() ?? 0)
    }

    enum Constant: Sendable {
        case none, bool(Bool), int(Int), double(Double), string(String)
    }

    enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    }

    enum CompareOperator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case isIn = "in", notIn = "not in"
    }

    enum UnaryOperator: String, Sendable { case negate = "-", plus = "+", not }

    /// What follows `[` in a subscript.
    enum Subscript: Sendable {
        case index(TemplateExpression)
        case slice(start: TemplateExpression?, stop: TemplateExpression?, step: TemplateExpression?)
    }

    /// Call arguments: positional ones, then `name=value` ones.
    struct Arguments: Sendable {
        var positional: [TemplateExpression] = []
        var keyword: [(name: String, value: TemplateExpression)] = []
        var all: [TemplateExpression] { positional + keyword.map(\.value) }
    }

    indirect enum Kind: Sendable {
        case constant(Constant)
        case name(String)
        case list([TemplateExpression])
        case tuple([TemplateExpression])
        case dict([(key: TemplateExpression, value: TemplateExpression)])
        case attribute(TemplateExpression, String)
        case item(TemplateExpression, Subscript)
        case call(TemplateExpression, Arguments)
        /// `base | name(args)`; base is nil for the filters of `{% filter %}` and `{% set x | f %}` blocks.
        case filter(TemplateExpression?, name: String, Arguments)
        case test(TemplateExpression, name: String, Arguments, negated: Bool)
        case unary(UnaryOperator, TemplateExpression)
        case binary(BinaryOperator, TemplateExpression, TemplateExpression)
        case concat([TemplateExpression])
        case compare(TemplateExpression, [(op: CompareOperator, operand: TemplateExpression)])
        case and(TemplateExpression, TemplateExpression)
        case or(TemplateExpression, TemplateExpression)
        case conditional(test: TemplateExpression, then: TemplateExpression, otherwise: TemplateExpression?)

        var children: [TemplateExpression] {
            switch self {
            case .constant, .name: return []
            case .list(let items), .tuple(let items), .concat(let items): return items
            case .dict(let pairs): return pairs.flatMap { [$0.key, $0.value] }
            case .attribute(let base, _): return [base]
            case .item(let base, .index(let index)): return [base, index]
            case .item(let base, .slice(let start, let stop, let step)): return [base] + [start, stop, step].compactMap { $0 }
            case .call(let callee, let arguments): return [callee] + arguments.all
            case .filter(let base, _, let arguments): return (base.map { [$0] } ?? []) + arguments.all
            case .test(let base, _, let arguments, _): return [base] + arguments.all
            case .unary(_, let operand): return [operand]
            case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right): return [left, right]
            case .compare(let first, let rest): return [first] + rest.map(\.operand)
            case .conditional(let test, let then, let otherwise): return [test, then] + (otherwise.map { [$0] } ?? [])
            }
        }
    }
}
