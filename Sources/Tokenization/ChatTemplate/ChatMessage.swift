/// One turn of a chat conversation, as a chat template sees it: a dict with `role` and `content`.
public struct ChatMessage: Sendable, Equatable {
    /// The speaker: `system`, `user`, `assistant`, `tool`, …
    public var role: String
    /// The text of the turn.
    public var content: String

    /// A message with `role` and `content`.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// The message as the template sees it: `{"role": role, "content": content}`.
    public var templateValue: TemplateValue {
        .object(TemplateObject([("role", .string(role)), ("content", .string(content))]))
    }
}
