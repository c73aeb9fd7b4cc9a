/// A tokenizer vocabulary as GGUF stores it: token texts and types, BPE merges, special token ids and flags.
public struct Vocabulary: Sendable {
    /// Token texts, indexed by id (normal tokens in the GPT-2 byte-to-character encoding).
    public let tokens: [String]
    /// The type of each token, parallel to `tokens`.
    public let tokenTypes: [TokenType]
    /// BPE merges, `"left right"`; a merge's rank is its index.
    public let merges: [String]
    /// Beginning-of-sequence token (`tokenizer.ggml.bos_token_id`).
    public let bos: Int?
    /// End-of-sequence token (`tokenizer.ggml.eos_token_id`).
    public let eos: Int?
    /// End-of-turn token (`tokenizer.ggml.eot_token_id`), when the file names one.
    public let eot: Int?
    /// Padding token (`tokenizer.ggml.padding_token_id`).
    public let padding: Int?
    /// Unknown token (`tokenizer.ggml.unknown_token_id`).
    public let unknown: Int?
    /// Whether `encode(_:addSpecial: true, ...)` starts with `bos`.
    public let addBOS: Bool
    /// Whether `encode(_:addSpecial: true, ...)` ends with `eos`.
    public let addEOS: Bool
    /// The pre-tokenizer name (`tokenizer.ggml.pre`), e.g. `smollm`, `llama-bpe`, `qwen2`.
    public let preTokenizer: String
    /// The tokenizer model (`tokenizer.ggml.model`); only `gpt2` (byte-level BPE) is supported.
    public let model: String
    /// Ids that end generation: `eos`, `eot` and end-of-turn tokens found by text, as llama.cpp's `is_eog`.
    public let endOfGenerationIDs: Set<Int>

    /// Token ids by their texts' UTF-8 bytes (the first of repeated texts wins; empty texts are absent).
    let textIndex: TokenTextIndex
    /// The first repeated token text, described; `BPETokenizer` refuses such vocabularies as llama.cpp does.
    let duplicateToken: String?
    /// The stored types with llama.cpp's promotions applied: end-of-turn and FIM tokens found by text are control.
    private let effectiveTypes: [TokenType]

    /// A vocabulary from its parts; `tokenTypes` defaults to all normal. Nothing is checked here:
    /// `BPETokenizer.init` validates the whole.
    public init(tokens: [String], tokenTypes: [TokenType]? = nil, merges: [String], bos: Int? = nil,
                eos: Int? = nil, eot: Int? = nil, padding: Int? = nil, unknown: Int? = nil,
                addBOS: Bool = false, addEOS: Bool = false, preTokenizer: String = "default",
                model: String = "gpt2") {
        self.tokens = tokens
        self.tokenTypes = tokenTypes ?? Array(repeating: .normal, count: tokens.count)
        self.merges = merges
        self.bos = bos
        self.eos = eos
        self.eot = eot
        self.padding = padding
        self.unknown = unknown
        self.addBOS = addBOS
        self.addEOS = addEOS
        self.preTokenizer = preTokenizer
        self.model = model
        let index = TokenTextIndex(texts: tokens)
        textIndex = index
        duplicateToken = index.firstRepeat.map { repeated in
            "token \(repeated.id) repeats the text of token \(repeated.first): \(tokens[repeated.id].debugDescription)"
        }
        let special = SpecialTokenRules(index: index, eos: eos, eot: eot)
        var effectiveTypes = self.tokenTypes
        for id in special.forcedControl where effectiveTypes.indices.contains(id) { effectiveTypes[id] = .control }
        self.effectiveTypes = effectiveTypes
        self.endOfGenerationIDs = special.endOfGeneration
    }

    /// The number of tokens.
    public var count: Int { tokens.count }

    /// The id of the token whose text is `token` (byte-encoded for normal tokens), if any. Texts match by their
    /// UTF-8 bytes, as llama.cpp's token map does: canonically equivalent but differently encoded texts differ.
    public func id(of token: String) -> Int? {
        textIndex.id(of: token)
    }

    /// The text of `id`, or nil when it is out of range.
    public func text(of id: Int) -> String? {
        tokens.indices.contains(id) ? tokens[id] : nil
    }

    /// The stored type of `id` (nil when out of range).
    public func type(of id: Int) -> TokenType? {
        tokenTypes.indices.contains(id) ? tokenTypes[id] : nil
    }

    /// Whether `id` is a control token: stored as control, or an end-of-turn/FIM token llama.cpp promotes to control.
    public func isControl(_ id: Int) -> Bool {
        effectiveTypes.indices.contains(id) && effectiveTypes[id] == .control
    }

    /// Whether `id` ends generation.
    public func isEndOfGeneration(_ id: Int) -> Bool {
        endOfGenerationIDs.contains(id)
    }

    /// The behaviour of `id` after llama.cpp's promotions: what encoding and decoding act on.
    func effectiveType(of id: Int) -> TokenType {
        effectiveTypes[id]
    }

    /// Ids matched in raw text before BPE: control, user-defined and unknown tokens.
    var specialTokenIDs: [Int] {
        tokens.indices.filter { id in
            switch effectiveType(of: id) {
            case .control, .userDefined, .unknown: return !tokens[id].isEmpty
            default: return false
            }
        }
    }
}
