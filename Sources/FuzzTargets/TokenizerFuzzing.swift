import Tokenization

/// Fuzzing of the byte-level BPE tokenizer: every pre-tokenizer's split rules, the merges, special-token matching
/// and streaming detokenisation, checked by round trip. The first input byte picks the pre-tokenizer, the rest is
/// the text (invalid UTF-8 is repaired the way Swift's `String(decoding:)` does before encoding).
enum TokenizerFuzzing {
    static let target = FuzzTarget(
        name: "tokenizer",
        summary: "encode/decode round trip for every pre-tokenizer, special tokens, streaming detokenizer",
        seedDirectories: ["Tests/ReasoningPathsTests/Fixtures"], maxInputLength: 4096, body: run)

    /// One tokenizer per pre-tokenizer rule set, sharing a vocabulary of the 256 byte tokens, a few merged words
    /// and chat special tokens.
    static let tokenizers: [BPETokenizer] = PreTokenizer.allCases.map { rules in
        let bytes = (0...255).map { ByteLevelEncoding.encode([UInt8($0)]) }
        let eAcute = ByteLevelEncoding.encode(Array("é".utf8))
        let words = ["Ġ-", "Ġ->", "co", "ug", "ugh", "cough", "Ġf", "ev", "er", "Ġfev", "Ġfever", "ĠĠ", "ĊĊ", "12",
                     "123", eAcute]
        let merges = ["Ġ -", "Ġ- >", "c o", "u g", "ug h", "co ugh", "Ġ f", "e v", "e r", "Ġf ev", "Ġfev er", "Ġ Ġ",
                      "Ċ Ċ", "1 2", "12 3", eAcute.map(String.init).joined(separator: " ")]
        let specials = ["<|im_start|>", "<|im_end|>", "<think>", "<s>"]
        let tokens = bytes + words + specials
        let types = Array(repeating: TokenType.normal, count: bytes.count + words.count)
            + [.control, .control, .userDefined, .control]
        let vocabulary = Vocabulary(tokens: tokens, tokenTypes: types, merges: merges, bos: tokens.count - 1,
                                    eos: tokens.count - 3, preTokenizer: rules.rawValue)
        // The vocabulary is fixed and valid; failing to build it is a bug in this file, not an input.
        return try! BPETokenizer(vocabulary: vocabulary)
    }

    static func run(_ input: [UInt8]) throws {
        let name = "tokenizer"
        guard let selector = input.first else { return }
        let tokenizer = tokenizers[Int(selector) % tokenizers.count]
        let text = String(decoding: input.dropFirst(), as: UTF8.self)
        let plain = tokenizer.encode(text, addSpecial: false, parseSpecial: false)
        try FuzzViolation.require(plain.allSatisfy { $0 >= 0 && $0 < tokenizer.vocabulary.count }, name,
                                  "an id outside the vocabulary")
        let decoded = tokenizer.decode(plain)
        try FuzzViolation.require(decoded == text, name,
                                  "round trip without special tokens changed \(text.debugDescription) into \(decoded.debugDescription)")
        let special = tokenizer.encode(text, addSpecial: false, parseSpecial: true)
        let decodedSpecial = tokenizer.decode(special, showSpecial: true)
        try FuzzViolation.require(decodedSpecial == text, name,
                                  "round trip with special tokens changed \(text.debugDescription) into \(decodedSpecial.debugDescription)")
        var stream = StreamingDetokenizer(tokenizer: tokenizer, showSpecial: true)
        var streamed = ""
        for id in special { streamed += stream.append(id) }
        streamed += stream.finish()
        try FuzzViolation.require(streamed == text, name,
                                  "streaming detokenisation gave \(streamed.debugDescription) for \(text.debugDescription)")
    }
}
