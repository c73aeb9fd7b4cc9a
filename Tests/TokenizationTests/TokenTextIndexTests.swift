import Testing
@testable import Tokenization

@Suite("Token ids by the UTF-8 bytes of their texts")
struct TokenTextIndexTests {
    /// `body` with the UTF-8 of `text` as a buffer.
    private func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The id of `first` followed by `second`, looked up without joining them.
    private func id(_ index: TokenTextIndex, _ first: String, _ second: String) -> Int? {
        withBytes(first) { first in withBytes(second) { second in index.id(of: first, followedBy: second) } }
    }

    @Test func findsTextsAndOnlyThose() {
        let texts = ["a", "Ġthe", "é", "日本", "<|im_start|>", "ĠĠĠĠ"]
        let index = TokenTextIndex(texts: texts)
        for (id, text) in texts.enumerated() {
            #expect(index.id(of: text) == id)
            #expect(withBytes(text) { index.id(of: $0) } == id)
        }
        for missing in ["b", "Ġth", "Ġthem", "the", "日", "本", "A", "ĠĠĠ", "<|im_start|", " "] {
            #expect(index.id(of: missing) == nil, "\(missing.debugDescription)")
        }
        #expect(index.firstRepeat == nil)
    }

    @Test func findsConcatenationsOfTwoRanges() {
        let texts = ["Ġ", "the", "Ġthe", "Ġt", "he", "日本語"]
        let index = TokenTextIndex(texts: texts)
        #expect(id(index, "Ġ", "the") == 2)
        #expect(id(index, "Ġt", "he") == 2)
        #expect(id(index, "t", "he") == 1)
        #expect(id(index, "日", "本語") == 5)
        #expect(id(index, "日本", "語") == 5)
        #expect(id(index, "Ġthe", "") == 2)
        #expect(id(index, "", "Ġthe") == 2)
        #expect(id(index, "Ġ", "he") == nil)
        #expect(id(index, "the", "Ġ") == nil)
        #expect(id(index, "", "") == nil)
        // Every split point of every text, including splits inside a multi-byte character.
        for (id, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            for cut in 0...bytes.count {
                let found = bytes[..<cut].withUnsafeBufferPointer { first in
                    bytes[cut...].withUnsafeBufferPointer { second in index.id(of: first, followedBy: second) }
                }
                #expect(found == id, "\(text) cut at \(cut)")
            }
        }
    }

    @Test func theFirstOfRepeatedTextsWins() {
        let index = TokenTextIndex(texts: ["x", "y", "x", "z", "y", "x"])
        #expect(index.id(of: "x") == 0)
        #expect(index.id(of: "y") == 1)
        #expect(index.id(of: "z") == 3)
        #expect(index.firstRepeat?.id == 2)
        #expect(index.firstRepeat?.first == 0)
    }

    @Test func emptyTextsAreNotIndexed() {
        let index = TokenTextIndex(texts: ["", "a", "", "b"])
        #expect(index.id(of: "") == nil)
        #expect(index.id(of: "a") == 1)
        #expect(index.id(of: "b") == 3)
        #expect(index.firstRepeat == nil)    // repeated empty texts are not repeats
        #expect(TokenTextIndex(texts: []).id(of: "a") == nil)
        #expect(TokenTextIndex(texts: [""]).id(of: "") == nil)
    }

    @Test func canonicallyEquivalentTextsWithDifferentBytesAreDistinct() {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        #expect(composed == decomposed)    // `String` equality would merge them
        let index = TokenTextIndex(texts: [composed, decomposed, "e"])
        #expect(index.id(of: composed) == 0)
        #expect(index.id(of: decomposed) == 1)
        #expect(id(index, "e", "\u{301}") == 1)
        #expect(index.firstRepeat == nil)
        // Through the vocabulary: no duplicate, and each spelling keeps its own id.
        let vocabulary = Vocabulary(tokens: ["a", composed, decomposed], merges: [])
        #expect(vocabulary.duplicateToken == nil)
        #expect(vocabulary.id(of: composed) == 1)
        #expect(vocabulary.id(of: decomposed) == 2)
    }

    @Test func vocabularyDescribesTheFirstRepeatedText() {
        let vocabulary = Vocabulary(tokens: ["a", "Ġb", "c", "Ġb", "a"], merges: [])
        #expect(vocabulary.duplicateToken == "token 3 repeats the text of token 1: \"Ġb\"")
        #expect(vocabulary.id(of: "Ġb") == 1)
        #expect(vocabulary.id(of: "a") == 0)
    }

    @Test func manyTextsWithCollidingSlots() {
        // 20,000 short texts over a small alphabet share prefixes and crowd the probe sequences.
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abĠé日\u{301}".unicodeScalars)
        var seen = Set<[UInt8]>()
        var texts: [String] = []
        while texts.count < 20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...7, using: &generator) {
                scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            let text = String(scalars)
            if seen.insert(Array(text.utf8)).inserted { texts.append(text) }
        }
        let index = TokenTextIndex(texts: texts)
        #expect(index.firstRepeat == nil)
        for (id, text) in texts.enumerated() {
            #expect(index.id(of: text) == id)
            let bytes = Array(text.utf8), cut = bytes.count / 2
            let split = bytes[..<cut].withUnsafeBufferPointer { first in
                bytes[cut...].withUnsafeBufferPointer { second in index.id(of: first, followedBy: second) }
            }
            #expect(split == id)
        }
        var misses = 0
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                UInt8.random(in: 0x61...0x63, using: &generator)
            }
            let found = bytes.withUnsafeBufferPointer { index.id(of: $0) }
            if seen.contains(bytes) {
                #expect(found.map { Array(texts[$0].utf8) } == bytes)
            } else {
                #expect(found == nil)
                misses += 1
            }
        }
        #expect(misses > 0)
    }

    @Test func guessedIdsAreConfirmedOnlyWhenTheLookupAgrees() {
        let unique = TokenTextIndex(texts: ["ab", "a", "b", ""])
        withBytes("a") { a in
            withBytes("b") { b in
                #expect(unique.maps(a, followedBy: b, to: 0))
                #expect(!unique.maps(a, followedBy: b, to: 1))
                #expect(!unique.maps(b, followedBy: a, to: 0))
                #expect(!unique.maps(a, followedBy: b, to: -1))
                #expect(!unique.maps(a, followedBy: b, to: 4))
                let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                #expect(!unique.maps(none, followedBy: none, to: 3))
            }
        }
        // With repeated texts, only the first of them is what the lookup finds.
        let repeated = TokenTextIndex(texts: ["ab", "ab", "a", "b"])
        withBytes("a") { a in
            withBytes("b") { b in
                #expect(repeated.maps(a, followedBy: b, to: 0))
                #expect(!repeated.maps(a, followedBy: b, to: 1))
            }
        }
    }
}
