import Foundation
import Inference
import Serving
import Testing
import Tokenization

@Suite struct CompletionRequestBodyTests {
    static func json(_ body: CompletionRequestBody) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body.encoded()) as? [String: Any])
    }

    @Test func chatRequestCarriesMessagesSamplingAndStreamOptions() throws {
        let parameters = GenerationParameters(temperature: 0.7, topK: 40, topP: 0.9, minP: 0.05, repetitionPenalty: 1.1,
                                              maxTokens: 300, stopStrings: ["</s>"], seed: 42)
        let request = GenerationRequest(messages: [ChatMessage(role: "system", content: "Be brief."),
                                                   ChatMessage(role: "user", content: "How to stop a cough?")],
                                        parameters: parameters)
        let body = CompletionRequestBody(request: request, model: "medreason")
        let data = try body.encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"temperature\":0.7,"), "Float fields keep their short form: \(text)")
        let j = try Self.json(body)
        #expect(j["model"] as? String == "medreason")
        #expect(j["stream"] as? Bool == true)
        #expect((j["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
        #expect(j["max_tokens"] as? Int == 300)
        #expect(j["top_p"] as? Double == 0.9)
        #expect(j["top_k"] as? Int == 40)
        #expect(j["min_p"] as? Double == 0.05)
        #expect(j["repetition_penalty"] as? Double == 1.1)
        #expect(j["repeat_penalty"] as? Double == 1.1)
        #expect(j["seed"] as? Int == 42)
        #expect(j["stop"] as? [String] == ["</s>"])
        #expect(j["prompt"] == nil)
        #expect(j["continue_final_message"] == nil && j["add_generation_prompt"] == nil)
        let messages = try #require(j["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "Be brief."], ["role": "user", "content": "How to stop a cough?"]])
        #expect(body.promptDescription == #"[{"content":"Be brief.","role":"system"},{"content":"How to stop a cough?","role":"user"}]"#)
        #expect(try body.encoded() == data, "same request, same bytes")
    }

    @Test func neutralExtensionsAndUnsetSeedAreOmitted() throws {
        let request = GenerationRequest(messages: [ChatMessage(role: "user", content: "q")], parameters: .greedy)
        let j = try Self.json(CompletionRequestBody(request: request, model: "m"))
        #expect(j["temperature"] as? Double == 0)
        for key in ["top_k", "min_p", "repetition_penalty", "repeat_penalty", "seed", "stop"] { #expect(j[key] == nil, "\(key)") }
        let plain = GenerationParameters(topK: 40, repetitionPenalty: 1.3)
        let k = try Self.json(CompletionRequestBody(request: GenerationRequest(messages: request.messages, parameters: plain),
                                                    model: "m", samplingExtensions: false))
        #expect(k["top_k"] == nil && k["repetition_penalty"] == nil)
        #expect(k["top_p"] as? Double == 0.9)
    }

    @Test func prefillIsAFinalAssistantMessageToContinue() throws {
        let request = GenerationRequest(messages: [ChatMessage(role: "user", content: "q")], assistantPrefill: "## Thinking\n",
                                        parameters: .greedy)
        let j = try Self.json(CompletionRequestBody(request: request, model: "m"))
        let messages = try #require(j["messages"] as? [[String: String]])
        #expect(messages.last == ["role": "assistant", "content": "## Thinking\n"])
        #expect(j["continue_final_message"] as? Bool == true)
        #expect(j["add_generation_prompt"] as? Bool == false)
    }

    @Test func rawPromptIsACompletionWithThePrefillAppended() throws {
        let request = GenerationRequest(rawPrompt: "Q: cough?\nA:", assistantPrefill: " Well", parameters: .greedy)
        let body = CompletionRequestBody(request: request, model: "m", stream: false)
        #expect(!body.isChat)
        let j = try Self.json(body)
        #expect(j["prompt"] as? String == "Q: cough?\nA: Well")
        #expect(j["messages"] == nil)
        #expect(j["stream"] as? Bool == false)
        #expect(j["stream_options"] == nil)
        #expect(body.promptDescription == "Q: cough?\nA: Well")
    }
}
