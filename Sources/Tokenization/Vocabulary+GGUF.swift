import GGUF

extension Vocabulary {
    /// GGUF metadata keys the vocabulary is read from.
    enum Key {
        static let model = "tokenizer.ggml.model"
        static let pre = "tokenizer.ggml.pre"
        static let tokens = "tokenizer.ggml.tokens"
        static let tokenTypes = "tokenizer.ggml.token_type"
        static let merges = "tokenizer.ggml.merges"
        static let bos = "tokenizer.ggml.bos_token_id"
        static let eos = "tokenizer.ggml.eos_token_id"
        static let eot = "tokenizer.ggml.eot_token_id"
        static let padding = "tokenizer.ggml.padding_token_id"
        static let unknown = "tokenizer.ggml.unknown_token_id"
        static let addBOS = "tokenizer.ggml.add_bos_token"
        static let addEOS = "tokenizer.ggml.add_eos_token"
    }

    /// The vocabulary in a GGUF file's `tokenizer.ggml.*` metadata. A missing `tokenizer.ggml.pre` means llama.cpp's
    /// `default` rules; a missing `add_bos_token` means llama.cpp's default for the pre-tokenizer (true for the
    /// Llama-3 family). Optional ids (eot, padding, unknown) outside the vocabulary are dropped, as llama.cpp
    /// disables them; throws `TokenizationError` naming the key that is missing, mistyped or out of range.
    public init(gguf file: GGUFFile) throws {
        do {
            guard let model = try file.string(Key.model) else { throw Self.missing(Key.model, file) }
            guard model == "gpt2" else {
                throw TokenizationError("\(file.path): \(Key.model) is \"\(model)\"; only \"gpt2\" (byte-level BPE) is supported")
            }
            let pre = try file.string(Key.pre) ?? "default"
            guard let tokens = try file.strings(Key.tokens) else { throw Self.missing(Key.tokens, file) }
            var types = Array(repeating: TokenType.normal, count: tokens.count)
            if let numbers = try file.integers(Key.tokenTypes) {
                guard numbers.count >= tokens.count else {
                    throw TokenizationError("\(file.path): \(Key.tokenTypes) has \(numbers.count) entries for \(tokens.count) tokens")
                }
                for index in types.indices { types[index] = TokenType(ggufValue: numbers[index]) }
            }
            guard let merges = try file.strings(Key.merges) else { throw Self.missing(Key.merges, file) }
            func id(_ key: String, required: Bool) throws -> Int? {
                guard let value = try file.integer(key) else { return nil }
                guard (0..<tokens.count).contains(value) else {
                    if !required { return nil }
                    throw TokenizationError("\(file.path): \(key) = \(value) is outside the vocabulary (\(tokens.count) tokens)")
                }
                return value
            }
            let addsBOSByDefault = (try? PreTokenizer(name: pre))?.addsBOSByDefault ?? false
            self.init(tokens: tokens, tokenTypes: types, merges: merges,
                      bos: try id(Key.bos, required: true), eos: try id(Key.eos, required: true),
                      eot: try id(Key.eot, required: false), padding: try id(Key.padding, required: false),
                      unknown: try id(Key.unknown, required: false),
                      addBOS: try file.bool(Key.addBOS) ?? addsBOSByDefault, addEOS: try file.bool(Key.addEOS) ?? false,
                      preTokenizer: pre, model: model)
        } catch let error as GGUFError {
            throw TokenizationError(error.description)
        }
    }

    private static func missing(_ key: String, _ file: GGUFFile) -> TokenizationError {
        TokenizationError("\(file.path): missing metadata key \"\(key)\" (the file has no usable tokenizer)")
    }
}
