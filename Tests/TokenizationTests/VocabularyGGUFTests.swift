import GGUF
import TestSupport
import Testing
@testable import Tokenization

@Suite("Vocabulary from GGUF metadata")
struct VocabularyGGUFTests {
    /// A vocab-only GGUF image of the standard tiny vocabulary.
    static func image(_ edit: (inout GGUFBuilder) -> Void = { _ in }) -> [UInt8] {
        let vocabulary = TinyVocabulary.standard()
        var builder = GGUFBuilder()
        builder.add("general.architecture", "llama")
        builder.add("tokenizer.ggml.model", "gpt2")
        builder.add("tokenizer.ggml.pre", "smollm")
        builder.add("tokenizer.ggml.tokens", vocabulary.tokens)
        builder.add("tokenizer.ggml.token_type", vocabulary.tokenTypes.map(\.rawValue))
        builder.add("tokenizer.ggml.merges", vocabulary.merges)
        builder.add("tokenizer.ggml.bos_token_id", 271)
        builder.add("tokenizer.ggml.eos_token_id", 270)
        builder.add("tokenizer.ggml.padding_token_id", 270)
        builder.add("tokenizer.ggml.add_bos_token", true)
        edit(&builder)
        return builder.bytes()
    }

    @Test func readsEveryTokenizerKey() throws {
        let vocabulary = try Vocabulary(gguf: try GGUFFile(bytes: Self.image()))
        #expect(vocabulary.count == 272)
        #expect(vocabulary.preTokenizer == "smollm" && vocabulary.model == "gpt2")
        #expect(vocabulary.bos == 271 && vocabulary.eos == 270 && vocabulary.padding == 270)
        #expect(vocabulary.eot == nil && vocabulary.unknown == nil)
        #expect(vocabulary.addBOS && !vocabulary.addEOS)
        #expect(vocabulary.type(of: 269) == .userDefined && vocabulary.isControl(268))
        #expect(vocabulary.id(of: "Ġworld") == 264)
        let tokenizer = try BPETokenizer(vocabulary: vocabulary)
        #expect(tokenizer.encode("<|im_start|>hello world", addSpecial: true, parseSpecial: true) == [271, 268, 259, 264])
    }

    @Test func missingOrMistypedKeysAreNamed() throws {
        let withoutMerges = try GGUFFile(bytes: Self.image { $0.add("tokenizer.ggml.merges", GGUFValue.string("x")) })
        let mistyped = #expect(throws: TokenizationError.self) { try Vocabulary(gguf: withoutMerges) }
        #expect(mistyped?.description.contains("tokenizer.ggml.merges") == true)

        var builder = GGUFBuilder()
        builder.add("tokenizer.ggml.model", "gpt2")
        let bare = try GGUFFile(bytes: builder.bytes())
        let missing = #expect(throws: TokenizationError.self) { try Vocabulary(gguf: bare) }
        #expect(missing?.description.contains("tokenizer.ggml.tokens") == true)

        let spm = try GGUFFile(bytes: Self.image { $0.add("tokenizer.ggml.model", "llama") })
        let model = #expect(throws: TokenizationError.self) { try Vocabulary(gguf: spm) }
        #expect(model?.description.contains("tokenizer.ggml.model") == true)

        let badBOS = try GGUFFile(bytes: Self.image { $0.add("tokenizer.ggml.bos_token_id", 5000) })
        let range = #expect(throws: TokenizationError.self) { try Vocabulary(gguf: badBOS) }
        #expect(range?.description.contains("tokenizer.ggml.bos_token_id") == true)

        let shortTypes = try GGUFFile(bytes: Self.image { $0.add("tokenizer.ggml.token_type", [1, 1]) })
        let types = #expect(throws: TokenizationError.self) { try Vocabulary(gguf: shortTypes) }
        #expect(types?.description.contains("tokenizer.ggml.token_type") == true)
    }

    @Test func defaultsFollowLlamaCpp() throws {
        // No pre-tokenizer key: llama.cpp's "default" rules. No add_bos key: true only for the Llama-3 family.
        let noPre = try Vocabulary(gguf: try GGUFFile(bytes: Self.image {
            $0 = Self.rebuild($0, removing: ["tokenizer.ggml.pre", "tokenizer.ggml.add_bos_token"])
        }))
        #expect(noPre.preTokenizer == "default" && !noPre.addBOS)
        let llama3 = try Vocabulary(gguf: try GGUFFile(bytes: Self.image {
            $0 = Self.rebuild($0, removing: ["tokenizer.ggml.add_bos_token"])
            $0.add("tokenizer.ggml.pre", "llama-bpe")
        }))
        #expect(llama3.addBOS)
        // An out-of-range optional id is dropped, as llama.cpp disables it.
        let padding = try Vocabulary(gguf: try GGUFFile(bytes: Self.image { $0.add("tokenizer.ggml.padding_token_id", 9999) }))
        #expect(padding.padding == nil)
    }

    /// `builder` without `keys` (GGUFBuilder can only add or replace).
    static func rebuild(_ builder: GGUFBuilder, removing keys: Set<String>) -> GGUFBuilder {
        let file = try! GGUFFile(bytes: builder.bytes())
        var fresh = GGUFBuilder()
        for key in file.metadataKeys where !keys.contains(key) && key != "general.alignment" {
            fresh.add(key, file.metadata[key]!)
        }
        return fresh
    }
}
