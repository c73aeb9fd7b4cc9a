/// Evaluated call arguments, and Python-style binding of them to parameter names.
struct CallArguments {
    var positional: [RuntimeValue] = []
    var keyword: [(name: String, value: RuntimeValue)] = []

    var isEmpty: Bool { positional.isEmpty && keyword.isEmpty }

    /// Binds to `parameters` in order (positional first, then by name); nil where an argument was not given.
    /// - Throws: for too many positional arguments, unknown or repeated keywords.
    func bind(_ parameters: [String], to callee: String) throws -> [RuntimeValue?] {
        guard positional.count <= parameters.count else {
            throw ChatTemplateError.runtime("\(callee)() takes at most \(parameters.count) argument(s) (\(positional.count) given)")
        }
        var bound: [RuntimeValue?] = positional.map { Optional($0) } + Array(repeating: nil, count: parameters.count - positional.count)
        for (name, value) in keyword {
            guard let index = parameters.firstIndex(of: name) else {
                throw ChatTemplateError.runtime("\(callee)() got an unexpected keyword argument '\(name)'")
            }
            guard bound[index] == nil else {
                throw ChatTemplateError.runtime("\(callee)() got multiple values for argument '\(name)'")
            }
            bound[index] = value
        }
        return bound
    }

    /// Checks that no arguments were given.
    func expectNone(_ callee: String) throws {
        if !isEmpty { throw ChatTemplateError.runtime("\(callee)() takes no arguments") }
    }
}
