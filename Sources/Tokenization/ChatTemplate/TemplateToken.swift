/// A token of a template: literal text, tag delimiters, and the words, literals and operators inside tags.
struct TemplateToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case data(String)
        case variableBegin, variableEnd, blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case op(String)
        case eof
    }

    let kind: Kind
    let line: Int

    /// How jinja2 names the token in "unexpected …" messages.
    var description: String {
        switch kind {
        case .data: return "template data"
        case .variableBegin: return "begin of print statement"
        case .variableEnd: return "end of print statement"
        case .blockBegin: return "begin of statement block"
        case .blockEnd: return "end of statement block"
        case .name(let name): return name
        case .string(let text): return "'\(text)'"
        case .integer(let value): return String(value)
        case .float(let value): return PythonFormatter.floatRepr(value)
        case .op(let op): return op
        case .eof: return "end of template"
        }
    }

    func isName(_ name: String) -> Bool {
        if case .name(name) = kind { return true }
        return false
    }

    func isOp(_ op: String) -> Bool {
        if case .op(op) = kind { return true }
        return false
    }
}
