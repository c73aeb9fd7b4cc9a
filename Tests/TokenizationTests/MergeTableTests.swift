import Testing
@testable import Tokenization

@Suite("Merge table construction")
struct MergeTableTests {
    /// The table as a plain byte-keyed reading of the merges: symbols are token ids, or ids past the vocabulary in
    /// first-seen order (byte characters, then each merge's left, right and, for a new pair, its result).
    private struct Reference {
        var byteSymbols: [UInt32] = []
        var extraTexts: [[UInt8]] = []
        var merges: [UInt64: (rank: UInt32, result: UInt32)] = [:]

        init(_ vocabulary: Vocabulary) {
            var ids: [[UInt8]: UInt32] = [:]
            for (id, text) in vocabulary.tokens.enumerated() where !text.isEmpty && ids[Array(text.utf8)] == nil {
                ids[Array(text.utf8)] = UInt32(id)
            }
            var extraTexts: [[UInt8]] = []
            func symbol(_ text: [UInt8]) -> UInt32 {
                if let id = ids[text] { return id }
                let id = UInt32(vocabulary.count + extraTexts.count)
                ids[text] = id
                extraTexts.append(text)
                return id
            }
            byteSymbols = ByteLevelEncoding.utf8ForByte.map(symbol)
            for (rank, merge) in vocabulary.merges.enumerated() {
                let bytes = Array(merge.utf8)
                let separator = bytes.indices.dropFirst().first { bytes[$0] == UInt8(ascii: " ") }!
                let left = Array(bytes[..<separator]), right = Array(bytes[(separator + 1)...])
                let key = UInt64(symbol(left)) << 32 | UInt64(symbol(right))
                if merges[key] == nil { merges[key] = (UInt32(rank), symbol(left + right)) }
            }
            self.extraTexts = extraTexts
        }
    }

    /// Checks `vocabulary`'s table against the reference, pair by pair over every symbol.
    private func expectMatchesReference(_ vocabulary: Vocabulary) throws {
        let table = try MergeTable(vocabulary: vocabulary)
        let reference = Reference(vocabulary)
        #expect(table.byteSymbols == reference.byteSymbols)
        #expect(table.extraTexts == reference.extraTexts)
        #expect(table.count == reference.merges.count)
        let symbols = UInt32(vocabulary.count + reference.extraTexts.count)
        var mismatches: [String] = []
        for left in 0..<symbols {
            for right in 0..<symbols {
                let expected = reference.merges[UInt64(left) << 32 | UInt64(right)]
                let found = table.merge(left, right)
                if found?.rank != expected?.rank || found?.result != expected?.result {
                    mismatches.append("\(left) \(right): \(String(describing: found)), "
                                      + "expected \(String(describing: expected))")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func textsOutsideTheVocabularyGetIdsInFirstSeenOrder() throws {
        // Only a few byte characters are tokens, so the others come first among the extra texts; then "x y" adds
        // xy, the repeated "x y" nothing, "xy z" adds xyz, and "q " its empty right side.
        let vocabulary = Vocabulary(tokens: ["a", "b", "ab", "Ġ", "Ġab"],
                                    merges: ["a b", "x y", "x y", "Ġ ab", "xy z", "a b", "q "])
        let table = try MergeTable(vocabulary: vocabulary)
        // 253 byte characters are not tokens (a, b and Ġ are); x, y, z and q are among them.
        #expect(table.extraTexts.count == 253 + 3)
        let tail = table.extraTexts.suffix(3).map { String(decoding: $0, as: UTF8.self) }
        #expect(tail == ["xy", "xyz", ""])
        #expect(table.merge(0, 1)?.rank == 0 && table.merge(0, 1)?.result == 2)
        #expect(table.merge(3, 2)?.result == 4)
        try expectMatchesReference(vocabulary)
    }

    @Test func resultsOutOfRankOrderAreFoundByLookup() throws {
        // Results listed backwards and interleaved with tokens no merge makes: the "next token" guess mostly fails.
        let words = ["abcd", "cd", "zz", "abc", "ab", "bcd", "bc"]
        let vocabulary = TinyVocabulary.make(words: words,
                                             merges: ["a b", "b c", "ab c", "c d", "abc d", "b cd", "z z", "y y"])
        try expectMatchesReference(vocabulary)
    }

    @Test func repeatedTokenTextsKeepTheFirstId() throws {
        // "ab" is token 256 and again 257. After "a b" gives 256, the next result is guessed to be 257, and "ab "
        // (an empty right side) does join to the text "ab": it must still be 256, the first token with that text.
        let vocabulary = TinyVocabulary.make(words: ["ab", "ab", "abb"], merges: ["a b", "ab ", "ab b", "a b"])
        #expect(vocabulary.duplicateToken == "token 257 repeats the text of token 256: \"ab\"")
        let table = try MergeTable(vocabulary: vocabulary)
        let empty = UInt32(vocabulary.count + table.extraTexts.firstIndex(of: [])!)
        #expect(table.merge(97, 98)?.result == 256)
        #expect(table.merge(256, empty)?.result == 256)
        #expect(table.merge(256, 98)?.result == 258)
        try expectMatchesReference(vocabulary)
    }

    @Test func randomVocabulariesMatchTheReference() throws {
        var generator = SeededGenerator(seed: 11)
        let alphabet = ["a", "b", "Ġ", "é", "e\u{301}", "日"]
        for _ in 0..<8 {
            var words: [String] = [], merges: [String] = []
            for _ in 0..<40 {
                let left = (0..<Int.random(in: 1...2, using: &generator))
                    .map { _ in alphabet.randomElement(using: &generator)! }.joined()
                let right = (0..<Int.random(in: 0...2, using: &generator))
                    .map { _ in alphabet.randomElement(using: &generator)! }.joined()
                merges.append(left + " " + right)
                // Most results are tokens, some in rank order, some not; some halves are tokens too.
                if Bool.random(using: &generator) { words.append(left + right) }
                if Int.random(in: 0..<4, using: &generator) == 0 { words.insert(left, at: 0) }
            }
            var unique: [String] = [], seen = Set<[UInt8]>()
            for word in words where seen.insert(Array(word.utf8)).inserted { unique.append(word) }
            let vocabulary = TinyVocabulary.make(words: unique, merges: merges)
            let table = try MergeTable(vocabulary: vocabulary)
            #expect(table.tokenCount == vocabulary.count)
            try expectMatchesReference(vocabulary)
        }
    }

    @Test func aMergeWithoutASpaceIsRejected() {
        let vocabulary = TinyVocabulary.make(merges: ["a b", " ab"])
        // A leading space does not count: the split looks from the second byte on, as llama.cpp's does.
        let message = "tokenizer.ggml.merges[1] \" ab\" has no space between its two parts"
        #expect(throws: TokenizationError(message)) { try MergeTable(vocabulary: vocabulary) }
    }
}
