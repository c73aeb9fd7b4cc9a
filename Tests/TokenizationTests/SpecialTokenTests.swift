import Testing
@testable import Tokenization

@Suite("Special tokens")
struct SpecialTokenTests {
    @Test func controlTokensAreMatchedOnlyWithParseSpecial() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        #expect(tokenizer.encode("<|im_start|>hello<think>", addSpecial: false, parseSpecial: true) == [268, 259, 269])
        // Without parseSpecial the control token is plain text; the user-defined <think> is still matched.
        let bytes: [Int] = "<|im_start|>".utf8.map(Int.init)
        #expect(tokenizer.encode("<|im_start|>hello<think>", addSpecial: false, parseSpecial: false)
            == bytes + [259, 269])
    }

    @Test func textAroundSpecialTokensIsTokenizedSeparately() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        // " world" would merge to one token; after <|im_end|> the space still starts the next fragment.
        #expect(tokenizer.encode("hello<|im_end|> world<|im_end|><|im_end|>", addSpecial: false, parseSpecial: true)
            == [259, 270, 264, 270, 270])
    }

    @Test func longerSpecialTokensWin() throws {
        let vocabulary = TinyVocabulary.make(specials: [("<a>", .control), ("<a><b>", .control), ("<b>", .control)])
        let tokenizer = try TinyVocabulary.tokenizer(vocabulary)
        #expect(tokenizer.encode("<a><b><b>", addSpecial: false, parseSpecial: true) == [257, 258])
    }

    @Test func controlTokensDecodeOnlyWhenAsked() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        #expect(tokenizer.decode([268, 259, 264, 270]) == "hello world")
        #expect(tokenizer.decode([268, 259, 264, 270], showSpecial: true) == "<|im_start|>hello world<|im_end|>")
        #expect(tokenizer.decode([269]) == "<think>")
        #expect(tokenizer.pieces([268, 259, 264]) == ["<|im_start|>", "hello", " world"])
    }

    @Test func endOfGenerationIncludesEndOfTurnTokensFoundByText() {
        let vocabulary = TinyVocabulary.make(specials: [("<|endoftext|>", .control), ("<|im_end|>", .normal),
                                                        ("<reponame>", .control), ("<|im_start|>", .control)],
                                             eos: 256)
        #expect(vocabulary.endOfGenerationIDs == [256, 257, 258])
        // llama.cpp promotes end-of-turn texts to control tokens whatever their stored type.
        #expect(vocabulary.isControl(257))
        #expect(!vocabulary.isEndOfGeneration(259))
    }

    @Test func outOfRangeIdsRenderAsNothing() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        #expect(tokenizer.decode([-1, 259, 1_000_000, Int.max, Int.min]) == "hello")
        #expect(tokenizer.piece(-7).isEmpty)
        #expect(tokenizer.pieces([-1, 1_000_000]) == ["<invalid id -1>", "<invalid id 1000000>"])
    }

    @Test func byteTokensDecodeToTheirByte() throws {
        let vocabulary = TinyVocabulary.make(specials: [("<0x41>", .byte), ("<0xZZ>", .byte), ("[PAD1]", .unused)])
        let tokenizer = try TinyVocabulary.tokenizer(vocabulary)
        #expect(tokenizer.piece(256) == [0x41])
        #expect(tokenizer.piece(257).isEmpty)
        #expect(tokenizer.piece(258, showSpecial: true).isEmpty)
    }
}
