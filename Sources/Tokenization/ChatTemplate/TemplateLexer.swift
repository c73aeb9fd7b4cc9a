/// Splits a template into tokens exactly as jinja2's lexer does with `trim_blocks=True, lstrip_blocks=True`
/// and default delimiters: newlines normalised to `\n`, one trailing newline dropped, `-` and `+` whitespace
/// control, tag ends matched only when brackets inside the tag are balanced.
struct TemplateLexer {
    private let source: [Unicode.Scalar]
    private let newlineOffsets: [Int]
    private var position = 0
    private var tokens: [TemplateToken] = []
    /// Whether the text before the next tag starts at the beginning of a line (jinja2's `line_starting`).
    private var lineStarting = true

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        if scalars.last == "\n" { scalars.removeLast() }
        source = scalars
        newlineOffsets = scalars.indices.filter { scalars[$0] == "\n" }
    }

    static func tokenize(_ text: String) throws -> [TemplateToken] {
        var lexer = TemplateLexer(text)
        return try lexer.run()
    }

    /// 1-based line of `offset`.
    private func line(at offset: Int) -> Int {
        var low = 0
        var high = newlineOffsets.count
        while low < high {
            let mid = (low + high) / 2
            if newlineOffsets[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low + 1
    }

    private func syntaxError(_ message: String, at offset: Int) -> ChatTemplateError {
        ChatTemplateError(.syntax, line: line(at: offset), message)
    }

    private func hasPrefix(_ text: String, at offset: Int) -> Bool {
        var index = offset
        for scalar in text.unicodeScalars {
            guard index < source.count, source[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private func skipWhitespace(from offset: Int) -> Int {
        var index = offset
        while index < source.count, PythonString.isWhitespace(source[index]) { index += 1 }
        return index
    }

    private mutating func emit(_ kind: TemplateToken.Kind, at offset: Int) {
        tokens.append(TemplateToken(kind: kind, line: line(at: offset)))
    }

    private enum TagKind { case block, variable, comment }

    private mutating func run() throws -> [TemplateToken] {
        while position < source.count {
            var opener = position
            var tag: TagKind?
            while opener + 1 < source.count {
                if source[opener] == "{" {
                    switch source[opener + 1] {
                    case "%": tag = .block
                    case "{": tag = .variable
                    case "#": tag = .comment
                    default: break
                    }
                    if tag != nil { break }
                }
                opener += 1
            }
            guard let tag else {
                emit(.data(PythonString.string(source[position...])), at: position)
                break
            }
            var afterOpener = opener + 2
            var sign: Unicode.Scalar?
            if afterOpener < source.count, source[afterOpener] == "-" || source[afterOpener] == "+" {
                sign = source[afterOpener]
                afterOpener += 1
            }
            let rawEnd = tag == .block ? rawBeginEnd(after: afterOpener) : nil
            emitText(from: position, to: opener, sign: sign, lstripAllowed: tag != .variable)
            if let rawEnd {
                lineStarting = source[rawEnd - 1] == "\n"
                position = rawEnd
                try lexRawBody()
                continue
            }
            switch tag {
            case .comment:
                try lexComment(from: afterOpener)
            case .block:
                emit(.blockBegin, at: opener)
                position = afterOpener
                try lexTagBody(block: true)
            case .variable:
                emit(.variableBegin, at: opener)
                position = afterOpener
                try lexTagBody(block: false)
            }
        }
        emit(.eof, at: source.count)
        return tokens
    }

    /// Emits `source[start..<end]` as data after jinja2's `-` stripping or `lstrip_blocks` stripping.
    private mutating func emitText(from start: Int, to end: Int, sign: Unicode.Scalar?, lstripAllowed: Bool) {
        var stop = end
        if sign == "-" {
            while stop > start, PythonString.isWhitespace(source[stop - 1]) { stop -= 1 }
        } else if sign != "+", lstripAllowed {
            var lineStart = end
            while lineStart > start, source[lineStart - 1] != "\n" { lineStart -= 1 }
            if (lineStart > start || lineStarting) && lineStart < end
                && source[lineStart..<end].allSatisfy(PythonString.isWhitespace) {
                stop = lineStart
            }
        }
        if stop > start { emit(.data(PythonString.string(source[start..<stop])), at: start) }
    }

    /// If `{% raw %}` starts here (after `{%` and its sign), the offset just past its closing `%}`.
    private func rawBeginEnd(after offset: Int) -> Int? {
        var index = skipWhitespace(from: offset)
        guard hasPrefix("raw", at: index) else { return nil }
        index = skipWhitespace(from: index + 3)
        if hasPrefix("-%}", at: index) { return skipWhitespace(from: index + 3) }
        if hasPrefix("%}", at: index) { return index + 2 }
        return nil
    }

    private mutating func lexRawBody() throws {
        var index = position
        while index + 1 < source.count {
            if source[index] == "{", source[index + 1] == "%" {
                var cursor = index + 2
                var sign: Unicode.Scalar?
                if cursor < source.count, source[cursor] == "-" || source[cursor] == "+" {
                    sign = source[cursor]
                    cursor += 1
                }
                cursor = skipWhitespace(from: cursor)
                if hasPrefix("endraw", at: cursor) {
                    cursor = skipWhitespace(from: cursor + 6)
                    if let end = blockEnd(at: cursor) {
                        emitText(from: position, to: index, sign: sign, lstripAllowed: true)
                        lineStarting = source[end - 1] == "\n"
                        position = end
                        return
                    }
                }
            }
            index += 1
        }
        throw syntaxError("Missing end of raw directive", at: position)
    }

    /// If a block end (`+%}`, `-%}` and whitespace, `%}` and one newline) starts at `offset`, the offset after it.
    private func blockEnd(at offset: Int) -> Int? {
        if hasPrefix("+%}", at: offset) { return offset + 3 }
        if hasPrefix("-%}", at: offset) { return skipWhitespace(from: offset + 3) }
        if hasPrefix("%}", at: offset) {
            return offset + 2 < source.count && source[offset + 2] == "\n" ? offset + 3 : offset + 2
        }
        return nil
    }

    private mutating func lexComment(from offset: Int) throws {
        var index = offset
        while index < source.count {
            var end: Int?
            if hasPrefix("+#}", at: index) {
                end = index + 3
            } else if hasPrefix("-#}", at: index) {
                end = skipWhitespace(from: index + 3)
            } else if hasPrefix("#}", at: index) {
                end = index + 2 < source.count && source[index + 2] == "\n" ? index + 3 : index + 2
            }
            if let end {
                lineStarting = source[end - 1] == "\n"
                position = end
                return
            }
            index += 1
        }
        throw syntaxError("Missing end of comment tag", at: offset)
    }

    private mutating func lexTagBody(block: Bool) throws {
        var balance: [Unicode.Scalar] = []
        while true {
            if balance.isEmpty {
                var end: Int?
                if block {
                    end = blockEnd(at: position)
                } else if hasPrefix("-}}", at: position) {
                    end = skipWhitespace(from: position + 3)
                } else if hasPrefix("}}", at: position) {
                    end = position + 2
                }
                if let end {
                    emit(block ? .blockEnd : .variableEnd, at: position)
                    lineStarting = source[end - 1] == "\n"
                    position = end
                    return
                }
            }
            guard position < source.count else {
                throw syntaxError("unexpected end of template, expected '\(block ? "end of statement block" : "end of print statement")'",
                                  at: position)
            }
            let scalar = source[position]
            if PythonString.isWhitespace(scalar) {
                position = skipWhitespace(from: position)
                continue
            }
            let start = position
            if let (kind, end) = try TemplateLiteralScanner.number(in: source, at: position, line: line(at: position)) {
                emit(kind, at: start)
                position = end
            } else if PythonString.isIdentifierStart(scalar) {
                var end = position + 1
                while end < source.count, PythonString.isIdentifierContinue(source[end]) { end += 1 }
                emit(.name(PythonString.string(source[position..<end])), at: start)
                position = end
            } else if scalar == "'" || scalar == "\"" {
                guard let (text, end) = try TemplateLiteralScanner.string(in: source, at: position, line: line(at: position)) else {
                    throw syntaxError("unexpected char '\(scalar)' at \(position)", at: position)
                }
                emit(.string(text), at: start)
                position = end
            } else if let op = TemplateLiteralScanner.operatorToken(in: source, at: position) {
                switch op {
                case "(": balance.append(")")
                case "[": balance.append("]")
                case "{": balance.append("}")
                case ")", "]", "}":
                    guard let expected = balance.popLast() else { throw syntaxError("unexpected '\(op)'", at: position) }
                    if String(expected) != op { throw syntaxError("unexpected '\(op)', expected '\(expected)'", at: position) }
                default: break
                }
                emit(.op(op), at: start)
                position += op.unicodeScalars.count
            } else {
                throw syntaxError("unexpected char '\(scalar)' at \(position)", at: position)
            }
        }
    }
}
