import Foundation

/// A Hugging Face chat template (`tokenizer.chat_template`): the Jinja subset such templates use, rendered the
/// way transformers renders it — jinja2's `ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)`
/// with the loop-controls extension, the `raise_exception` and `strftime_now` globals and a `tojson` filter that
/// is `json.dumps(ensure_ascii=False)`.
///
/// Undefined names and missing keys behave as jinja2's default `Undefined`: they print as nothing, are falsy,
/// iterate as empty, have length 0 and are replaced by `|default`; attribute or item access on them, calling
/// them, arithmetic and ordering comparisons raise (a ``ChatTemplateError`` of kind `.runtime` with jinja2's
/// message, e.g. `'dict object' has no attribute 'content'`).
///
/// Parse once with ``init(source:)``; render any number of times, from any thread.
public struct ChatTemplate: Sendable {
    /// The template text as given.
    public let source: String
    /// Safety bounds used when parsing (already applied) and rendering.
    public let limits: ChatTemplateLimits
    /// The clock `strftime_now` reads; replace it for reproducible output.
    public var clock: @Sendable () -> Date = { Date() }
    /// The time zone `strftime_now` formats in (Python's `datetime.now()` is local time).
    public var timeZone: TimeZone = .current

    private let body: [TemplateStatement]

    /// Parses `source`.
    /// - Throws: ``ChatTemplateError`` naming the line and the construct that is malformed or unsupported.
    public init(source: String, limits: ChatTemplateLimits = ChatTemplateLimits()) throws {
        self.source = source
        self.limits = limits
        body = try TemplateParser.parse(source, limits: limits)
    }

    /// Renders a conversation the way `tokenizer.apply_chat_template(messages, tokenize=False, …)` does.
    ///
    /// The template sees `messages` (dicts with `role` and `content`), `add_generation_prompt`, `bos_token`,
    /// `eos_token`, `tools` and `documents` (None unless given in `variables`), and every entry of `variables`
    /// (for example `tools`, `date_string`, `enable_thinking`).
    /// - Throws: ``ChatTemplateError``; kind `.raised` when the template calls `raise_exception(message)`.
    public func render(messages: [ChatMessage], addGenerationPrompt: Bool, bosToken: String = "", eosToken: String = "",
                       variables: [String: TemplateValue] = [:]) throws -> String {
        try render(messageValues: messages.map(\.templateValue), addGenerationPrompt: addGenerationPrompt,
                   bosToken: bosToken, eosToken: eosToken, variables: variables)
    }

    /// Like ``render(messages:addGenerationPrompt:bosToken:eosToken:variables:)`` with messages given as values,
    /// for messages with more than `role` and `content` (`tool_calls`, `name`, structured content).
    public func render(messageValues: [TemplateValue], addGenerationPrompt: Bool, bosToken: String = "",
                       eosToken: String = "", variables: [String: TemplateValue] = [:]) throws -> String {
        var context: [String: TemplateValue] = ["tools": .none, "documents": .none]
        context.merge(variables) { _, given in given }
        context["messages"] = .array(messageValues)
        context["add_generation_prompt"] = .bool(addGenerationPrompt)
        context["bos_token"] = .string(bosToken)
        context["eos_token"] = .string(eosToken)
        return try render(context: context)
    }

    /// Renders with exactly the variables in `context` and nothing else defined.
    public func render(context: [String: TemplateValue]) throws -> String {
        let evaluator = TemplateEvaluator(limits: limits, clock: clock, timeZone: timeZone)
        return try evaluator.render(body, context: context.mapValues(RuntimeValue.init))
    }
}
