import Foundation
import Testing
import Tokenization

@Suite("Chat template API")
struct ChatTemplateAPITests {
    private func realTemplate(_ name: String) throws -> ChatTemplate {
        try ChatTemplate(source: try ChatTemplateFixtureSupport.text("templates/\(name).jinja"))
    }

    @Test func smolLM2InjectsItsDefaultSystemPrompt() throws {
        let template = try realTemplate("smollm2")
        let prompt = try template.render(messages: [ChatMessage(role: "user", content: "Hi")], addGenerationPrompt: true)
        #expect(prompt == """
        <|im_start|>system
        You are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>
        <|im_start|>user
        Hi<|im_end|>
        <|im_start|>assistant

        """)
        let withSystem = try template.render(messages: [ChatMessage(role: "system", content: "Be brief."),
                                                        ChatMessage(role: "user", content: "Hi")],
                                             addGenerationPrompt: false)
        #expect(withSystem == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n")
    }

    @Test func qwenDefaultSystemPromptAndToolsVariable() throws {
        let template = try realTemplate("qwen2.5")
        let messages = [ChatMessage(role: "user", content: "Hi")]
        let plain = try template.render(messages: messages, addGenerationPrompt: true)
        #expect(plain.hasPrefix("<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n"))
        let tool: TemplateValue = ["type": "function", "function": ["name": "f", "parameters": ["type": "object"]]]
        let withTools = try template.render(messages: messages, addGenerationPrompt: true, variables: ["tools": [tool]])
        #expect(withTools.contains("<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {\"type\": \"object\"}}}\n</tools>"))
    }

    @Test func llamaUsesBosTokenAndDateString() throws {
        let template = try realTemplate("llama3.1")
        let prompt = try template.render(messages: [ChatMessage(role: "user", content: "  Hi  ")], addGenerationPrompt: true,
                                         bosToken: "<|begin_of_text|>", variables: ["date_string": "01 Feb 2025"])
        #expect(prompt == """
        <|begin_of_text|><|start_header_id|>system<|end_header_id|>

        Cutting Knowledge Date: December 2023
        Today Date: 01 Feb 2025

        <|eot_id|><|start_header_id|>user<|end_header_id|>

        Hi<|eot_id|><|start_header_id|>assistant<|end_header_id|>


        """)
    }

    @Test func strftimeNowReadsTheInjectedClock() throws {
        var template = try ChatTemplate(source: """
        {%- if strftime_now is defined %}{{ strftime_now("%d %b %Y") }}{% else %}26 Jul 2024{% endif %}
        """)
        template.clock = { Date(timeIntervalSince1970: 1_738_368_000) }  // 2025-02-01 00:00 UTC
        template.timeZone = TimeZone(identifier: "UTC")!
        #expect(try template.render(messages: [], addGenerationPrompt: false) == "01 Feb 2025")
        template.timeZone = TimeZone(identifier: "America/New_York")!
        #expect(try template.render(messages: [], addGenerationPrompt: false) == "31 Jan 2025")
    }

    @Test func contextRenderDefinesOnlyWhatIsGiven() throws {
        let template = try ChatTemplate(source: "{{ bos_token is defined }} {{ tools is defined }} {{ tools is none }}")
        #expect(try template.render(context: [:]) == "False False False")
        #expect(try template.render(messages: [], addGenerationPrompt: false) == "True True True")
        #expect(try template.render(messages: [], addGenerationPrompt: false, variables: ["tools": []]) == "True True False")
        #expect(template.source == "{{ bos_token is defined }} {{ tools is defined }} {{ tools is none }}")
    }

    @Test func messageValuesCarryExtraFields() throws {
        let template = try ChatTemplate(source: "{% for m in messages %}{{ m.role }}:{{ m.tool_calls|length }};{% endfor %}")
        let messages: [TemplateValue] = [
            ChatMessage(role: "user", content: "x").templateValue,
            ["role": "assistant", "content": nil, "tool_calls": [["function": ["name": "f", "arguments": [:]]]]],
        ]
        #expect(try template.render(messageValues: messages, addGenerationPrompt: false) == "user:0;assistant:1;")
    }

    @Test func rendersConcurrently() async throws {
        let template = try realTemplate("deepseek-r1-distill-qwen")
        let messages = (0..<20).map { ChatMessage(role: $0 % 2 == 0 ? "user" : "assistant", content: "turn \($0)") }
        let expected = try template.render(messages: messages, addGenerationPrompt: true, bosToken: "<s>")
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try template.render(messages: messages, addGenerationPrompt: true, bosToken: "<s>") }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func templateValueJSONKeepsKeyOrderAndPythonFormatting() throws {
        let json = #"{"name": "get_weather", "n": 3, "x": 2.5, "big": 1e20, "ok": true, "none": null, "list": [1, "é\n\"", {}], "empty": []}"#
        let value = try TemplateValue(json: json)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["name", "n", "x", "big", "ok", "none", "list", "empty"])
        #expect(value["n"] == .int(3))
        #expect(value["big"] == .double(1e20))
        #expect(value.jsonString() == #"{"name": "get_weather", "n": 3, "x": 2.5, "big": 1e+20, "ok": true, "none": null, "list": [1, "é\n\"", {}], "empty": []}"#)
        #expect(value.jsonString(sortKeys: true) == #"{"big": 1e+20, "empty": [], "list": [1, "é\n\"", {}], "n": 3, "name": "get_weather", "none": null, "ok": true, "x": 2.5}"#)
        #expect(value.jsonString(indent: 2) == """
        {
          "name": "get_weather",
          "n": 3,
          "x": 2.5,
          "big": 1e+20,
          "ok": true,
          "none": null,
          "list": [
            1,
            "é\\n\\"",
            {}
          ],
          "empty": []
        }
        """)
    }

    @Test func templateValueJSONEdgeCases() throws {
        #expect(try TemplateValue(json: #""\ud83d\ude80 \u00e9""#) == "🚀 é")
        #expect(try TemplateValue(json: " [ -0.5e-3 , 12 ] ") == [-0.0005, 12])
        #expect(try TemplateValue(json: "123456789012345678901234") == .double(123456789012345678901234))
        for invalid in ["", "{", "[1,]", "{'a': 1}", "tru", "\"unterminated", "1 2", "{\"a\" 1}", String(repeating: "[", count: 300)] {
            #expect(throws: ChatTemplateError.self, "\(invalid)") { try TemplateValue(json: invalid) }
        }
    }

    @Test func templateObjectIsOrdered() {
        var object: TemplateObject = ["b": 1, "a": 2]
        object["b"] = 3
        object["c"] = 4
        #expect(object.keys == ["b", "a", "c"])
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object["b"] == 3)
        #expect(object != ["c": 4, "b": 3])
        #expect(ChatMessage(role: "user", content: "x").templateValue == ["role": "user", "content": "x"])
    }
}
