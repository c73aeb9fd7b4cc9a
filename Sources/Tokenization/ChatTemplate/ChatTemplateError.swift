/// A chat template that could not be parsed or rendered, with the template line it concerns.
public struct ChatTemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// The template text is not valid Jinja.
        case syntax
        /// Valid Jinja that this renderer does not implement (a filter, test, tag, method, …).
        case unsupported
        /// Rendering failed the way jinja2 would fail (undefined value misused, type error, …).
        case runtime
        /// The template called `raise_exception(message)`; `message` is its argument.
        case raised
        /// A safety limit (output size, nesting, loop iterations, call depth) was exceeded.
        case limit
    }

    /// What went wrong.
    public let kind: Kind
    /// The 1-based template line of the construct concerned.
    public let line: Int
    /// The message, without the line prefix.
    public let message: String

    /// An error of `kind` at `line`.
    public init(_ kind: Kind, line: Int, _ message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    /// `chat template line N: message`.
    public var description: String { "chat template line \(line): \(message)" }
}

extension ChatTemplateError {
    /// A runtime failure whose line the evaluator fills in (line 0 means "not known yet").
    static func runtime(_ message: String) -> ChatTemplateError { ChatTemplateError(.runtime, line: 0, message) }
    /// An unsupported construct whose line the evaluator fills in.
    static func unsupported(_ message: String) -> ChatTemplateError { ChatTemplateError(.unsupported, line: 0, message) }
    /// A limit failure whose line the evaluator fills in.
    static func limit(_ message: String) -> ChatTemplateError { ChatTemplateError(.limit, line: 0, message) }

    /// This error with `line` filled in if it was not known.
    func located(at line: Int) -> ChatTemplateError {
        self.line == 0 ? ChatTemplateError(kind, line: line, message) : self
    }
}
