import Testing
@testable import Tokenization

@Suite("Pre-tokenizer split rules")
struct PreTokenizerTests {
    @Test func gpt2KeepsOneLeadingSpaceAndSplitsCaseSensitiveContractions() {
        #expect(PreTokenizer.gpt2.split("Hello world's 123  test\n\nok")
            == ["Hello", " world", "'s", " 123", " ", " test", "\n", "\n", "ok"])
        #expect(PreTokenizer.gpt2.split("I'M he'll") == ["I", "'", "M", " he", "'ll"])
        #expect(PreTokenizer.gpt2.split("(hello)!!") == ["(", "hello", ")!!"])
        #expect(PreTokenizer.gpt2.split("a   ") == ["a", "   "])
        #expect(PreTokenizer.gpt2.split("a \t\n b") == ["a", " \t\n", " b"])
    }

    @Test func smollmIsolatesEveryDigitBeforeTheGPT2Rule() {
        #expect(PreTokenizer.smollm.split("abc 123") == ["abc", " ", "1", "2", "3"])
        #expect(PreTokenizer.smollm.split("x²+½=٣") == ["x", "²", "+", "½", "=", "٣"])
        #expect(PreTokenizer.smollm.split("v1.2") == ["v", "1", ".", "2"])
    }

    @Test func llama3GroupsDigitsByThreeAndAttachesPunctuationToLetters() {
        #expect(PreTokenizer.llama3.split("Hello world's 12345  test\n\nok")
            == ["Hello", " world", "'s", " ", "123", "45", " ", " test", "\n\n", "ok"])
        #expect(PreTokenizer.llama3.split("I'M (hello") == ["I", "'M", " (", "hello"])
        #expect(PreTokenizer.llama3.split("x(hello") == ["x", "(hello"])
        #expect(PreTokenizer.llama3.split("x!!\n\ny") == ["x", "!!\n\n", "y"])
        #expect(PreTokenizer.llama3.split("a \t\n b") == ["a", " \t\n", " b"])
        #expect(PreTokenizer.llama3.split("  \n  hi") == ["  \n", " ", " hi"])
    }

    @Test func qwen2IsLlama3WithSingleDigits() {
        #expect(PreTokenizer.qwen2.split("Hello world's 12345  test\n\nok")
            == ["Hello", " world", "'s", " ", "1", "2", "3", "4", "5", " ", " test", "\n\n", "ok"])
        #expect(PreTokenizer.qwen2.split("'S'RE'll") == ["'S", "'RE", "'ll"])
    }

    @Test func cjkAndEmojiStayTogether() {
        for rules in [PreTokenizer.gpt2, .llama3, .qwen2] {
            #expect(rules.split("中文 文本") == ["中文", " 文本"])
            #expect(rules.split("hi 😀😃!") == ["hi", " 😀😃!"])
        }
    }

    @Test func defaultRulesSplitPunctuationThenNumbersThenDigitTriples() {
        #expect(PreTokenizer.default.split("Hello, world! 12345 $5")
            == ["Hello", ",", " world", "!", " ", "123", "45", " ", "$", "5"])
    }

    @Test func unicodeWhitespaceCountsAsWhitespace() {
        // NBSP, em space and ideographic space are White_Space; only an ASCII space joins the next word in GPT-2.
        #expect(PreTokenizer.gpt2.split("a\u{A0}\u{2003}b") == ["a", "\u{A0}", "\u{2003}", "b"])
        #expect(PreTokenizer.llama3.split("a\u{3000}b") == ["a", "\u{3000}b"])
    }

    @Test func piecesAlwaysConcatenateToTheInput() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let text = RandomText.make(length: Int.random(in: 0..<60, using: &generator), using: &generator)
            for rules in PreTokenizer.allCases {
                let pieces = rules.split(text)
                #expect(pieces.joined() == text)
                #expect(!pieces.contains(""))
            }
        }
    }

    @Test func namesFollowLlamaCppAliases() throws {
        #expect(try PreTokenizer(name: "smollm") == .smollm)
        #expect(try PreTokenizer(name: "deepseek-r1-qwen") == .qwen2)
        #expect(try PreTokenizer(name: "llama-bpe") == .llama3)
        #expect(try PreTokenizer(name: "gpt-2") == .gpt2)
        #expect(try PreTokenizer(name: "") == .default)
        #expect(PreTokenizer.llama3.ignoresMerges && !PreTokenizer.qwen2.ignoresMerges)
        let error = #expect(throws: TokenizationError.self) { try PreTokenizer(name: "tekken") }
        #expect(error?.description.contains("\"tekken\"") == true)
    }
}
