@testable import Tokenization

/// Small hand-made vocabularies: ids 0..<256 are the 256 byte characters in byte order (so a lone byte `b` is
/// token `b`), then the given merged words, then the given special tokens.
enum TinyVocabulary {
    /// The GPT-2 byte-level text of `text`'s UTF-8 (a space is `Ġ`, a newline `Ċ`).
    static func byteLevel(_ text: String) -> String {
        ByteLevelEncoding.encode(Array(text.utf8))
    }

    /// A vocabulary of the byte tokens, `words` (byte-level texts) from id 256 on, then `specials`.
    static func make(words: [String] = [], merges: [String] = [], specials: [(String, TokenType)] = [],
                     preTokenizer: String = "gpt-2", bos: Int? = nil, eos: Int? = nil, addBOS: Bool = false,
                     addEOS: Bool = false) -> Vocabulary {
        let bytes = (0..<256).map { String(Unicode.Scalar(ByteLevelEncoding.scalarForByte[$0])!) }
        let tokens = bytes + words + specials.map(\.0)
        let types = Array(repeating: TokenType.normal, count: bytes.count + words.count) + specials.map(\.1)
        return Vocabulary(tokens: tokens, tokenTypes: types, merges: merges, bos: bos, eos: eos,
                          addBOS: addBOS, addEOS: addEOS, preTokenizer: preTokenizer)
    }

    /// The vocabulary most tests use; ids: 256 he, 257 ll, 258 hell, 259 hello, 260 Ġw, 261 or, 262 Ġwor, 263 ld,
    /// 264 Ġworld, 265 ab, 266 bc, 267 aa, 268 `<|im_start|>` (control), 269 `<think>` (user-defined),
    /// 270 `<|im_end|>` (control), 271 `<s>` (control).
    static func standard(preTokenizer: String = "gpt-2", addBOS: Bool = false, addEOS: Bool = false) -> Vocabulary {
        make(words: ["he", "ll", "hell", "hello", "Ġw", "or", "Ġwor", "ld", "Ġworld", "ab", "bc", "aa"],
             merges: ["h e", "l l", "he ll", "hell o", "Ġ w", "o r", "Ġw or", "l d", "Ġwor ld", "b c", "a b", "a a"],
             specials: [("<|im_start|>", .control), ("<think>", .userDefined), ("<|im_end|>", .control),
                        ("<s>", .control)],
             preTokenizer: preTokenizer, bos: 271, eos: 270, addBOS: addBOS, addEOS: addEOS)
    }

    static func tokenizer(_ vocabulary: Vocabulary = standard()) throws -> BPETokenizer {
        try BPETokenizer(vocabulary: vocabulary)
    }
}

/// A deterministic random source (SplitMix64) so randomized tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text mixing ASCII, whitespace runs, digits of several scripts, Latin-1, CJK, emoji (with ZWJ and
/// variation selectors), combining marks and unusual spaces.
enum RandomText {
    static let pools: [[UInt32]] = [
        Array(0x20...0x7E), [0x20, 0x20, 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C], Array(0x30...0x39),
        Array(0xA0...0xFF), Array(0x4E00...0x4E40), [0x1F600, 0x1F389, 0x1F469, 0x200D, 0x2695, 0xFE0F, 0x1F1EB],
        [0x0301, 0x0308, 0x0663, 0x096A, 0x00BD, 0x00B2, 0x2003, 0x3000, 0x0085, 0x2028, 0xFEFF, 0x200B],
        [0x27, 0x73, 0x74, 0x6C, 0x6C, 0x53, 0x52, 0x45],
    ]

    static func make(length: Int, using generator: inout SeededGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            let pool = pools[Int.random(in: 0..<pools.count, using: &generator)]
            scalars.append(Unicode.Scalar(pool[Int.random(in: 0..<pool.count, using: &generator)])!)
        }
        return String(scalars)
    }
}
