import Testing
@testable import Tokenization

@Suite("Round trips")
struct RoundTripTests {
    @Test(arguments: ["gpt-2", "smollm", "llama-bpe", "qwen2", "default"])
    func decodeOfEncodeIsTheInput(preTokenizer: String) throws {
        let tokenizer = try TinyVocabulary.tokenizer(TinyVocabulary.standard(preTokenizer: preTokenizer))
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<300 {
            let text = RandomText.make(length: Int.random(in: 0..<80, using: &generator), using: &generator)
            let ids = tokenizer.encode(text, addSpecial: false, parseSpecial: false)
            #expect(tokenizer.decode(ids) == text)
            #expect(ids.allSatisfy { (0..<tokenizer.vocabulary.count).contains($0) })
        }
    }

    @Test func specialTokensRoundTripWhenShown() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        let text = "<|im_start|>user\nhello world<|im_end|>\n<think>aaa</think>"
        let ids = tokenizer.encode(text, addSpecial: false, parseSpecial: true)
        #expect(tokenizer.decode(ids, showSpecial: true) == text)
    }

    @Test func longWordsWithoutSpacesRoundTrip() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        let text = String(repeating: "中文", count: 3000) + String(repeating: " ", count: 500) + "x"
            + String(repeating: "aab", count: 2000)
        let ids = tokenizer.encode(text, addSpecial: false, parseSpecial: false)
        #expect(tokenizer.decode(ids) == text)
    }
}
