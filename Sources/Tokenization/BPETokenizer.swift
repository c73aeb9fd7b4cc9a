/// Byte-level BPE (GGUF `tokenizer.ggml.model` = `gpt2`) producing llama.cpp's token ids: special tokens are cut
/// out first, the rest is split by the pre-tokenizer, each piece's bytes are written in the GPT-2 byte encoding
/// and merged by rank, and pieces that end as non-tokens fall back to single-character tokens.
/// Algorithm as llama.cpp's `llama_vocab::impl::tokenize` and `llm_tokenizer_bpe_session` (llama-vocab.cpp).
public final class BPETokenizer: Tokenizer {
    /// The vocabulary the tables were built from.
    public let vocabulary: Vocabulary
    /// The split rules, from `vocabulary.preTokenizer`.
    public let preTokenizer: PreTokenizer
    private let merger: BPEMerger
    private let matcher: SpecialTokenMatcher
    /// The token whose text is each ASCII character, or -1 (the fallback for symbols that are not tokens).
    private let asciiTokens: [Int32]
    private let cache = WordCache()

    /// Builds the tables; throws when the vocabulary is inconsistent (type count, malformed merges, special ids
    /// out of range, BOS/EOS requested but missing) or uses a model or pre-tokenizer this type does not cover.
    public init(vocabulary: Vocabulary) throws {
        guard vocabulary.model == "gpt2" else {
            throw TokenizationError("unsupported tokenizer model \"\(vocabulary.model)\" (tokenizer.ggml.model); "
                                    + "only \"gpt2\" (byte-level BPE) is supported")
        }
        guard !vocabulary.tokens.isEmpty else { throw TokenizationError("the vocabulary has no tokens") }
        guard vocabulary.tokenTypes.count == vocabulary.count else {
            throw TokenizationError("\(vocabulary.tokenTypes.count) token types for \(vocabulary.count) tokens")
        }
        if let duplicate = vocabulary.duplicateToken {
            throw TokenizationError("duplicate token in the vocabulary: \(duplicate)")
        }
        let specials: [(String, Int?)] = [("bos", vocabulary.bos), ("eos", vocabulary.eos), ("eot", vocabulary.eot),
                                          ("padding", vocabulary.padding), ("unknown", vocabulary.unknown)]
        for (name, id) in specials {
            if let id, !(0..<vocabulary.count).contains(id) {
                throw TokenizationError("\(name) token id \(id) is outside the vocabulary (\(vocabulary.count) tokens)")
            }
        }
        if vocabulary.addBOS && vocabulary.bos == nil {
            throw TokenizationError("the vocabulary asks to add BOS but has no BOS token id")
        }
        if vocabulary.addEOS && vocabulary.eos == nil {
            throw TokenizationError("the vocabulary asks to add EOS but has no EOS token id")
        }
        self.vocabulary = vocabulary
        preTokenizer = try PreTokenizer(name: vocabulary.preTokenizer)
        merger = BPEMerger(table: try MergeTable(vocabulary: vocabulary))
        matcher = SpecialTokenMatcher(vocabulary: vocabulary)
        asciiTokens = (0..<128).map { byte in
            Int32(vocabulary.id(of: String(Unicode.Scalar(UInt8(byte)))) ?? -1)
        }
    }

    // MARK: Encoding

    /// Token ids of `text`: BOS first when `addSpecial` and the vocabulary adds BOS (EOS likewise last);
    /// control tokens written in the text are matched only when `parseSpecial`, user-defined ones always.
    public func encode(_ text: String, addSpecial: Bool, parseSpecial: Bool) -> [Int] {
        var output: [Int] = []
        output.reserveCapacity(text.utf8.count / 3 + 2)
        if addSpecial, vocabulary.addBOS, let bos = vocabulary.bos { output.append(bos) }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for fragment in matcher.partition(buffer, parseSpecial: parseSpecial) {
                switch fragment {
                case .token(let id): output.append(id)
                case .text(let range): encodeText(UnsafeBufferPointer(rebasing: buffer[range]), into: &output)
                }
            }
        }
        if addSpecial, vocabulary.addEOS, let eos = vocabulary.eos { output.append(eos) }
        return output
    }

    /// Token ids of raw text that holds no special tokens.
    private func encodeText(_ text: UnsafeBufferPointer<UInt8>, into output: inout [Int]) {
        let scalars = ScalarText(text)
        var start = 0
        for end in preTokenizer.split(scalars) {
            let word = text[scalars.byteOffsets[start]..<scalars.byteOffsets[end]]
            encodeWord(UnsafeBufferPointer(rebasing: word), into: &output)
            start = end
        }
    }

    private func encodeWord(_ word: UnsafeBufferPointer<UInt8>, into output: inout [Int]) {
        let cacheable = word.count <= cache.longestWord
        let key = cacheable ? Array(word) : []
        if cacheable, let ids = cache.ids(for: key) {
            for id in ids { output.append(Int(id)) }
            return
        }
        var ids: [Int32] = []
        if preTokenizer.ignoresMerges, let id = vocabulary.id(of: ByteLevelEncoding.encode(word)) {
            ids.append(Int32(id))
        } else {
            for symbol in merger.merge(word) { appendTokens(of: symbol, to: &ids) }
        }
        if cacheable { cache.store(ids, for: key) }
        for id in ids { output.append(Int(id)) }
    }

    /// A merged symbol's token, or for a symbol that is not a token, the tokens of its single ASCII characters
    /// (other bytes are dropped, as llama.cpp drops them).
    private func appendTokens(of symbol: UInt32, to ids: inout [Int32]) {
        let table = merger.table
        if Int(symbol) < table.tokenCount {
            ids.append(Int32(symbol))
            return
        }
        for byte in table.extraTexts[Int(symbol) - table.tokenCount] where byte < 0x80 && asciiTokens[Int(byte)] >= 0 {
            ids.append(asciiTokens[Int(byte)])
        }
    }

    // MARK: Decoding

    /// The text of `ids` with control tokens left out (llama.cpp's `special = false`).
    public func decode(_ ids: [Int]) -> String {
        decode(ids, showSpecial: false)
    }

    /// The bytes of `id` (llama.cpp's `token_to_piece`): normal tokens through the inverse byte table, user-defined
    /// tokens verbatim, control and unknown tokens verbatim only when `showSpecial`, `<0xHH>` byte tokens as
    /// their byte, unused tokens and out-of-range ids as nothing.
    public func piece(_ id: Int, showSpecial: Bool) -> [UInt8] {
        guard let text = vocabulary.text(of: id) else { return [] }
        switch vocabulary.effectiveType(of: id) {
        case .control, .unknown:
            return showSpecial ? Array(text.utf8) : []
        case .userDefined:
            return Array(text.utf8)
        case .normal:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            ByteLevelEncoding.decode(text, into: &bytes)
            return bytes
        case .byte:
            // `<0xHH>`, as llama.cpp's `token_to_byte` reads it.
            let utf8 = Array(text.utf8)
            guard utf8.count >= 5, let byte = UInt8(String(decoding: utf8[3..<5], as: UTF8.self), radix: 16) else {
                return []
            }
            return [byte]
        case .unused:
            return []
        }
    }

    /// Human-readable text of each id, special tokens shown, as llama.cpp's `llama-tokenize` prints pieces:
    /// bytes that are not complete UTF-8 are written `<0xHH>`, out-of-range ids `<invalid id N>`.
    public func pieces(_ ids: [Int]) -> [String] {
        ids.map { id in
            guard vocabulary.text(of: id) != nil else { return "<invalid id \(id)>" }
            let bytes = piece(id, showSpecial: true)
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return bytes.map { "<0x" + ByteLevelEncoding.hex($0).uppercased() + ">" }.joined()
        }
    }
}
