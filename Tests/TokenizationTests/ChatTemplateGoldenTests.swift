import Foundation
import Testing
import Tokenization

/// One real template rendering one conversation; the expected text was produced by jinja2 with transformers'
/// settings (`scripts/dev/render-chat-template.py --goldens ChatTemplateFixtures --now 2025-02-03T14:15:16`).
struct ChatTemplateGoldenCase: Sendable, CustomTestStringConvertible {
    let template: String
    let conversation: String
    /// The golden file: `expected/T__C.txt`, or `expected/T__C.error.txt` when jinja2 raised.
    let goldenFile: String

    var testDescription: String { "\(template) × \(conversation)" }
    var isError: Bool { goldenFile.hasSuffix(".error.txt") }

    static let all: [ChatTemplateGoldenCase] = ChatTemplateFixtureSupport.files(in: "expected").compactMap { file in
        let stem = file.replacingOccurrences(of: ".error.txt", with: "").replacingOccurrences(of: ".txt", with: "")
        let parts = stem.components(separatedBy: "__")
        guard parts.count == 2 else { return nil }
        return ChatTemplateGoldenCase(template: parts[0], conversation: parts[1], goldenFile: file)
    }
}

@Suite("Real chat templates against jinja2 goldens")
struct ChatTemplateGoldenTests {
    static let templates = ["smollm2", "qwen2.5", "llama3.1", "deepseek-r1-distill-qwen"]

    @Test func everyTemplateHasGoldens() {
        for name in Self.templates {
            #expect(ChatTemplateGoldenCase.all.filter { $0.template == name }.count >= 10, "\(name)")
        }
    }

    @Test(arguments: ChatTemplateGoldenCase.all)
    func golden(_ golden: ChatTemplateGoldenCase) throws {
        let template = try ChatTemplateFixtureSupport.template(
            try ChatTemplateFixtureSupport.text("templates/\(golden.template).jinja"), date: ChatTemplateFixtureSupport.goldenDate)
        var settings = try ChatTemplateFixtureSupport.json("templates/\(golden.template).json")
        let conversation = try ChatTemplateFixtureSupport.json("conversations/\(golden.conversation).json")
        if case .object(var merged) = settings, case .object(let given) = conversation {
            for (key, value) in given.entries { merged[key] = value }
            settings = .object(merged)
        }
        guard case .array(let messages)? = settings["messages"] else {
            Issue.record("conversation without messages")
            return
        }
        var variables: [String: TemplateValue] = [:]
        if case .object(let object)? = settings["variables"] {
            for (key, value) in object.entries { variables[key] = value }
        }
        let addGenerationPrompt = settings["add_generation_prompt"] == .bool(true)
        let bos = settings["bos_token"]?.stringValue ?? ""
        let eos = settings["eos_token"]?.stringValue ?? ""
        // Plain role/content conversations go through the ChatMessage API, the others through message values.
        let plain: [ChatMessage]? = messages.allSatisfy({ message in
            guard case .object(let object) = message else { return false }
            return object.keys == ["role", "content"] && object["content"]?.stringValue != nil
        }) ? messages.map { ChatMessage(role: $0["role"]!.stringValue!, content: $0["content"]!.stringValue!) } : nil
        let render = {
            if let plain {
                return try template.render(messages: plain, addGenerationPrompt: addGenerationPrompt, bosToken: bos,
                                           eosToken: eos, variables: variables)
            }
            return try template.render(messageValues: messages, addGenerationPrompt: addGenerationPrompt, bosToken: bos,
                                       eosToken: eos, variables: variables)
        }
        let expected = try ChatTemplateFixtureSupport.text("expected/\(golden.goldenFile)")
        if golden.isError {
            let error = try #require(throws: ChatTemplateError.self) { try render() }
            let jinjaMessage = String(expected.drop(while: { $0 != ":" }).dropFirst(2))
            #expect(error.message == jinjaMessage)
            #expect(error.kind == (expected.hasPrefix("TemplateError:") ? .raised : .runtime))
        } else {
            #expect(try render() == expected)
        }
    }
}
