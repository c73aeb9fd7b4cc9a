import Testing
@testable import Tokenization

@Suite("Streaming detokenizer")
struct StreamingDetokenizerTests {
    @Test func splitCharactersAreHeldBackUntilComplete() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        var stream = StreamingDetokenizer(tokenizer: tokenizer)
        // Byte tokens: id = byte value.
        let outputs = Array("aé😀中".utf8).map { stream.append(Int($0)) }
        #expect(outputs == ["a", "", "é", "", "", "", "😀", "", "", "中"])
        #expect(stream.finish() == "")
    }

    @Test func concatenationEqualsDecodingEverything() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<200 {
            // Random bytes (often invalid UTF-8) and merged tokens.
            let ids = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in
                Bool.random(using: &generator) ? Int.random(in: 0x80...0xFF, using: &generator)
                    : Int.random(in: 0..<272, using: &generator)
            }
            var stream = StreamingDetokenizer(tokenizer: tokenizer, showSpecial: true)
            var text = ""
            for id in ids { text += stream.append(id) }
            text += stream.finish()
            #expect(text == tokenizer.decode(ids, showSpecial: true))
        }
    }

    @Test func invalidAndDanglingBytesBecomeReplacementCharacters() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        var stream = StreamingDetokenizer(tokenizer: tokenizer)
        #expect(stream.append(0xE4) == "")
        #expect(stream.append(0x41) == "\u{FFFD}A")
        #expect(stream.append(0xF0) == "")
        #expect(stream.append(0x9F) == "")
        #expect(stream.hasPendingBytes)
        #expect(stream.finish() == "\u{FFFD}")
        #expect(!stream.hasPendingBytes)
        #expect(stream.append(0xC0) == "\u{FFFD}")          // never valid: not held back
        #expect(stream.append(0xED) == "")
        #expect(stream.append(0xA0) == "\u{FFFD}\u{FFFD}")  // a surrogate prefix is invalid at once
    }

    @Test func controlTokensAndBadIdsAddNothing() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        var stream = StreamingDetokenizer(tokenizer: tokenizer)
        #expect(stream.append(268) == "")
        #expect(stream.append(-3) == "")
        #expect(stream.append(259) == "hello")
        var shown = StreamingDetokenizer(tokenizer: tokenizer, showSpecial: true)
        #expect(shown.append(270) == "<|im_end|>")
    }
}
