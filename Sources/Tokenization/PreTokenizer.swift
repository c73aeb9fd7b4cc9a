/// The split rules applied before BPE, one case per llama.cpp rule set. Pre-tokenizer rules as llama.cpp's
/// `llm_tokenizer_bpe` constructor (llama-vocab.cpp) for LLAMA_VOCAB_PRE_TYPE_GPT2, _SMOLLM, _LLAMA3, _QWEN2 and
/// _DEFAULT; each rule after the first splits the pieces the previous one produced.
public enum PreTokenizer: String, Sendable, CaseIterable {
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    case gpt2
    /// Every number scalar alone (`\p{N}`), then the GPT-2 rule (SmolLM, StarCoder, Command-R).
    case smollm
    /// Llama-3: case-insensitive contractions, `[^\r\n\p{L}\p{N}]?\p{L}+`, numbers in groups of up to three,
    /// punctuation runs with trailing newlines, newline runs, whitespace. Whole-word vocabulary hits skip the merges.
    case llama3
    /// The Llama-3 rule with each number scalar alone (Qwen2, DeepSeek-R1-Distill-Qwen).
    case qwen2
    /// llama.cpp's fallback: punctuation runs, the GPT-2 rule, number runs, ASCII digit triples.
    case `default`

    /// The rule set for a `tokenizer.ggml.pre` name, with llama.cpp's aliases; throws for names it does not cover.
    public init(name: String) throws {
        switch name {
        case "gpt-2", "gpt2", "phi-2", "jina-es", "jina-de", "gigachat", "jina-v2-es", "jina-v2-de", "a.x-4.0",
             "mellum", "modern-bert", "mpt", "olmo", "jais", "trillion", "granite-docling", "exaone4":
            self = .gpt2
        case "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b", "mellum2":
            self = .smollm
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2",
             "jina-v5-nano":
            self = .llama3
        case "qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "stablelm2", "megrez", "hunyuan", "solar-open":
            self = .qwen2
        case "default", "":
            self = .default
        default:
            let known = PreTokenizer.allCases.map(\.rawValue).joined(separator: ", ")
            throw TokenizationError("unsupported pre-tokenizer \"\(name)\" (tokenizer.ggml.pre); supported rule sets: "
                                    + "\(known) and their llama.cpp aliases")
        }
    }

    /// Whether a piece that is itself a vocabulary token is taken whole instead of merged (llama.cpp's
    /// `ignore_merges`, set for the Llama-3 family).
    public var ignoresMerges: Bool { self == .llama3 }

    /// Whether llama.cpp adds BOS for this rule set when the GGUF file has no `tokenizer.ggml.add_bos_token`.
    public var addsBOSByDefault: Bool { self == .llama3 }

    /// The pieces of `text`, in order; their concatenation is `text`.
    public func split(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { buffer in
            let scalars = ScalarText(buffer)
            var pieces: [String] = []
            var start = 0
            for end in split(scalars) {
                let bytes = buffer[scalars.byteOffsets[start]..<scalars.byteOffsets[end]]
                pieces.append(String(decoding: bytes, as: UTF8.self))
                start = end
            }
            return pieces
        }
    }

    /// The end index (in scalars) of each piece of `text`.
    func split(_ text: ScalarText) -> [Int] {
        var ends = text.count > 0 ? [text.count] : []
        for rule in rules {
            var refined: [Int] = []
            refined.reserveCapacity(text.count / 3 + 4)
            var start = 0
            for end in ends {
                rule.split(text, from: start, to: end, into: &refined)
                start = end
            }
            ends = refined
        }
        return ends
    }

    private var rules: [any SplitRule] {
        switch self {
        case .gpt2: return [GPT2Splitter()]
        case .smollm: return [NumberSplitter(mode: .single), GPT2Splitter()]
        case .llama3: return [Llama3Splitter(maximumDigits: 3)]
        case .qwen2: return [Llama3Splitter(maximumDigits: 1)]
        case .default:
            return [PunctuationSplitter(), GPT2Splitter(), NumberSplitter(mode: .runs),
                    NumberSplitter(mode: .asciiTriples)]
        }
    }
}
