import Foundation
import Tokenization

/// Fuzzing of the chat-template engine (the Jinja subset): lexer, parser and evaluator on arbitrary template text,
/// rendered with a conversation that has every field real templates read.
enum ChatTemplateFuzzing {
    static let target = FuzzTarget(
        name: "chat-template",
        summary: "chat-template lexer, parser and renderer on arbitrary template text",
        seedDirectories: ["Tests/TokenizationTests/ChatTemplateFixtures/templates"], maxInputLength: 8192, body: run)

    /// The default depth limits (they guard the stack), smaller loop and size limits so one input stays fast.
    static let limits = ChatTemplateLimits(maxOutputBytes: 1 << 20, maxLoopIterations: 20_000,
                                           maxCollectionSize: 20_000)

    static func run(_ input: [UInt8]) throws {
        let source = String(decoding: input, as: UTF8.self)
        guard let template = try? ChatTemplate(source: source, limits: limits) else { return }
        guard let output = try? render(template) else { return }
        try FuzzViolation.require(output.utf8.count <= limits.maxOutputBytes, "chat-template",
                                  "rendered \(output.utf8.count) bytes, over the limit of \(limits.maxOutputBytes)")
    }

    /// Renders `template` with a fixed clock and a conversation of system, user, assistant (with a tool call)
    /// and tool turns, tools and documents.
    static func render(_ template: ChatTemplate) throws -> String {
        var template = template
        template.clock = { Date(timeIntervalSince1970: 1_790_000_000) }
        template.timeZone = TimeZone(identifier: "UTC")!
        let call = TemplateValue.object(TemplateObject([
            ("type", .string("function")),
            ("function", .object(TemplateObject([("name", .string("lookup")),
                                                 ("arguments", .object(TemplateObject([("term", .string("cough"))])))]))),
        ]))
        let messages: [TemplateValue] = [
            ChatMessage(role: "system", content: "You are a careful clinician.").templateValue,
            ChatMessage(role: "user", content: "Cough <b>&</b> fever {{ x }} {% if %}").templateValue,
            .object(TemplateObject([("role", .string("assistant")), ("content", .string("")),
                                    ("tool_calls", .array([call]))])),
            .object(TemplateObject([("role", .string("tool")), ("name", .string("lookup")),
                                    ("content", .string("{\"id\": \"R05\"}"))])),
            ChatMessage(role: "assistant", content: "## Thinking\nCough -> Pneumonia").templateValue,
        ]
        let tools = TemplateValue.array([.object(TemplateObject([
            ("type", .string("function")),
            ("function", .object(TemplateObject([("name", .string("lookup")), ("description", .string("Find"))]))),
        ]))])
        return try template.render(messageValues: messages, addGenerationPrompt: true, bosToken: "<s>",
                                   eosToken: "</s>", variables: ["tools": tools, "enable_thinking": .bool(true)])
    }
}
