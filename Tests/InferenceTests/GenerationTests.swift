import Foundation
import GGUF
import Testing
import Tokenization
@testable import Inference

@Suite("Generation")
struct GenerationTests {
    func model(context: Int? = nil, template: String? = TinyModel.chatML) throws -> GGUFModel {
        let file = try GGUFFile(bytes: TinyModel().bytes(chatTemplate: template), name: "tiny.gguf")
        return try GGUFModel.load(file: file, threads: 2, contextLength: context)
    }

    func request(_ text: String = "the heart", _ parameters: GenerationParameters = .greedy, prefill: String = "") -> GenerationRequest {
        var p = parameters
        if p.maxTokens == GenerationParameters().maxTokens { p.maxTokens = 12 }
        return GenerationRequest(messages: [ChatMessage(role: "user", content: text)], assistantPrefill: prefill, parameters: p)
    }

    @Test func greedyDecodingIsDeterministic() throws {
        let m = try model()
        let a = try m.run(request()), b = try m.run(request())
        #expect(a.tokens == b.tokens)
        #expect(a.tokens.count == 12 || a.stopReason == .endOfGeneration)
        #expect(a.promptTokens.first == m.tokenizer.vocabulary.id(of: "<|im_start|>"))
    }

    @Test func theSameSeedRepeatsASampledRun() throws {
        let m = try model()
        let p = GenerationParameters(temperature: 1.2, topK: 0, topP: 1, repetitionPenalty: 1, maxTokens: 16, seed: 99)
        let a = try m.run(request("x", p)), b = try m.run(request("x", p))
        #expect(a.tokens == b.tokens)
        #expect(a.seed == 99)
        var other = p
        other.seed = 100
        #expect(try m.run(request("x", other)).tokens != a.tokens)
    }

    @Test func eventsStreamTheSameTextTheResultHolds() throws {
        let m = try model()
        var streamed = ""
        var promptEvents = 0
        var finished: GenerationResult?
        let result = try m.run(request("abc", .greedy, prefill: "## Thinking\n")) { event in
            switch event {
            case .promptProcessed: promptEvents += 1
            case .text(let t, _): streamed += t
            case .finished(let r): finished = r
            }
        }
        #expect(promptEvents == 1)
        #expect(streamed == result.text)
        #expect(result.text.hasPrefix("## Thinking\n"))
        #expect(finished == result)
        #expect(result.prompt.hasSuffix("<|im_start|>assistant\n## Thinking\n"))
    }

    @Test func generatedTextDecodesTheGeneratedTokens() throws {
        let m = try model()
        let r = try m.run(request())
        #expect(r.text == m.tokenizer.decode(r.tokens))
    }

    @Test func stopStringsEndGenerationAndAreRemoved() throws {
        let m = try model()
        let free = try m.run(request("q", GenerationParameters(temperature: 0, repetitionPenalty: 1, maxTokens: 24)))
        // Stop at a piece of text the free run produced.
        guard free.text.count >= 4 else { return }
        let stop = String(free.text.dropFirst(2).prefix(2))
        let r = try m.run(request("q", GenerationParameters(temperature: 0, repetitionPenalty: 1, maxTokens: 24, stopStrings: [stop])))
        #expect(r.stopReason == .stopString)
        #expect(!r.text.contains(stop))
        #expect(free.text.hasPrefix(r.text))
    }

    @Test func rawPromptsSkipTheChatTemplate() throws {
        let m = try model()
        let r = try m.run(GenerationRequest(rawPrompt: "the heart", parameters: GenerationParameters(temperature: 0, maxTokens: 3)))
        #expect(r.prompt == "the heart")
        #expect(r.promptTokens == m.tokenizer.encode("the heart", addSpecial: true, parseSpecial: false))
    }

    @Test func aPromptLongerThanTheContextIsAnError() throws {
        let m = try model(context: 16)
        #expect(throws: GenerationError.self) { try m.run(request(String(repeating: "word ", count: 40))) }
    }

    @Test func generationStopsWhenTheContextIsFull() throws {
        let m = try model(context: 40)
        let r = try m.run(request("hi", GenerationParameters(temperature: 0, repetitionPenalty: 1, maxTokens: 500)))
        #expect(r.stopReason == .contextFull || r.stopReason == .endOfGeneration)
        #expect(r.promptTokens.count + r.tokens.count <= 41)
    }

    @Test func chatNeedsATemplate() throws {
        let m = try model(template: nil)
        #expect(throws: GenerationError.self) { try m.run(request()) }
    }

    @Test func theAsyncStreamEndsWithFinished() async throws {
        let m = try model()
        var last: GenerationEvent?
        for try await event in m.generate(request()) { last = event }
        guard case .finished(let r)? = last else { Issue.record("no finished event"); return }
        #expect(r.tokens.count <= 12)
    }

    @Test func stopStringMatcherHoldsBackPossiblePrefixes() {
        var m = StopStringMatcher(stops: ["</end>"])
        #expect(m.append("abc<").release == "abc")
        #expect(m.append("/e").release == "")
        let r = m.append("nd>tail")
        #expect(r.stopped && r.release == "")
        #expect(m.text == "abc")
        var n = StopStringMatcher(stops: ["XY"])
        #expect(n.append("aX").release == "a")
        #expect(n.append("b").release == "Xb")
        #expect(n.flush() == "")
    }
}
