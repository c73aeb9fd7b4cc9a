import Testing
@testable import Tokenization

@Suite("Byte-level BPE on hand-made vocabularies")
struct BPETokenizerTests {
    @Test func mergesFollowRankOrder() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        // hello: h+e (0), l+l (1), he+ll (2), hell+o (3). " world": Ġ+w (4), o+r (5), Ġw+or (6), l+d (7), Ġwor+ld (8).
        #expect(tokenizer.encode("hello world", addSpecial: false, parseSpecial: false) == [259, 264])
        // b+c (rank 9) beats a+b (rank 10), and "a bc" has no merge.
        #expect(tokenizer.encode("abc", addSpecial: false, parseSpecial: false) == [97, 266])
        // Equal ranks: the leftmost pair first.
        #expect(tokenizer.encode("aaa", addSpecial: false, parseSpecial: false) == [267, 97])
        #expect(tokenizer.encode("aaaa", addSpecial: false, parseSpecial: false) == [267, 267])
        // Unmerged bytes stay byte tokens (id = byte value); a newline is its own word.
        #expect(tokenizer.encode("hi\n", addSpecial: false, parseSpecial: false) == [104, 105, 10])
        #expect(tokenizer.encode("", addSpecial: false, parseSpecial: false) == [])
    }

    @Test func multiByteCharactersStartAsOneSymbolPerByte() throws {
        let vocabulary = TinyVocabulary.make(words: [TinyVocabulary.byteLevel("é")],
                                             merges: ["Ã ©"])   // é is C3 A9: characters Ã and ©
        let tokenizer = try TinyVocabulary.tokenizer(vocabulary)
        #expect(tokenizer.encode("é", addSpecial: false, parseSpecial: false) == [256])
        #expect(tokenizer.encode("è", addSpecial: false, parseSpecial: false) == [0xC3, 0xA8])
    }

    @Test func mergedSymbolsThatAreNotTokensFallBackToASCIICharacters() throws {
        // "x y" merges to "xy", which is not a token: llama.cpp emits the ASCII characters' tokens, and drops the
        // bytes of non-ASCII characters (here the two characters of é).
        let vocabulary = TinyVocabulary.make(merges: ["x y", "Ã ©"])
        let tokenizer = try TinyVocabulary.tokenizer(vocabulary)
        #expect(tokenizer.encode("xy", addSpecial: false, parseSpecial: false) == [120, 121])
        #expect(tokenizer.encode("é", addSpecial: false, parseSpecial: false) == [])
    }

    @Test func llama3TakesWholeWordTokensWithoutMerging() throws {
        let words = ["abc", "bc"]
        let merges = ["b c"]
        let gpt2 = try TinyVocabulary.tokenizer(TinyVocabulary.make(words: words, merges: merges))
        let llama3 = try TinyVocabulary.tokenizer(TinyVocabulary.make(words: words, merges: merges,
                                                                       preTokenizer: "llama-bpe"))
        #expect(gpt2.encode("abc", addSpecial: false, parseSpecial: false) == [97, 257])
        #expect(llama3.encode("abc", addSpecial: false, parseSpecial: false) == [256])
    }

    @Test func bosAndEosFollowTheVocabularyFlags() throws {
        let plain = try TinyVocabulary.tokenizer()
        #expect(plain.encode("hello", addSpecial: true, parseSpecial: false) == [259])
        let withBOS = try TinyVocabulary.tokenizer(TinyVocabulary.standard(addBOS: true))
        #expect(withBOS.encode("hello", addSpecial: true, parseSpecial: false) == [271, 259])
        #expect(withBOS.encode("hello", addSpecial: false, parseSpecial: false) == [259])
        #expect(withBOS.encode("", addSpecial: true, parseSpecial: false) == [271])
        let both = try TinyVocabulary.tokenizer(TinyVocabulary.standard(addBOS: true, addEOS: true))
        #expect(both.encode("hello", addSpecial: true, parseSpecial: false) == [271, 259, 270])
    }

    @Test func flatAndHeapMergesAgree() throws {
        // Random merges over a three-letter alphabet, then random words up to 120 bytes through both strategies.
        var generator = SeededGenerator(seed: 42)
        var symbols = ["a", "b", "c"]
        var merges: [String] = []
        var words: [String] = []
        while merges.count < 60 {
            let left = symbols.randomElement(using: &generator)!, right = symbols.randomElement(using: &generator)!
            let joined = left + right
            guard joined.count <= 6, !symbols.contains(joined) else { continue }
            symbols.append(joined)
            words.append(joined)
            merges.append("\(left) \(right)")
        }
        let vocabulary = TinyVocabulary.make(words: words, merges: merges)
        let merger = BPEMerger(table: try MergeTable(vocabulary: vocabulary))
        for _ in 0..<400 {
            let word = (0..<Int.random(in: 1...120, using: &generator)).map { _ in
                UInt8(ascii: "a") + UInt8.random(in: 0...2, using: &generator)
            }
            word.withUnsafeBufferPointer { buffer in
                #expect(merger.merge(buffer, strategy: .flat) == merger.merge(buffer, strategy: .heap))
            }
        }
    }

    @Test func repeatedEncodingIsStable() throws {
        let tokenizer = try TinyVocabulary.tokenizer()
        let text = "hello world aaaa abc hello world"
        let first = tokenizer.encode(text, addSpecial: false, parseSpecial: false)
        #expect(tokenizer.encode(text, addSpecial: false, parseSpecial: false) == first)
    }

    @Test func inconsistentVocabulariesAreRejected() {
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: TinyVocabulary.make(merges: ["nospace"]))
        }
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: TinyVocabulary.make(bos: nil, addBOS: true))
        }
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: TinyVocabulary.make(bos: 100_000))
        }
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: TinyVocabulary.make(preTokenizer: "no-such-rules"))
        }
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: Vocabulary(tokens: ["a"], merges: [], model: "llama"))
        }
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: Vocabulary(tokens: ["a", "b"], tokenTypes: [.normal], merges: []))
        }
        #expect(throws: TokenizationError.self) {
            try BPETokenizer(vocabulary: Vocabulary(tokens: ["a", "b", "a"], merges: []))
        }
    }
}
