import Foundation
import GGUF
import Kernels
import TestSupport
@testable import Inference

/// A tiny random llama/qwen2 model written as a real GGUF file: hidden 64, 2 layers, 4 heads (2 KV heads),
/// feed-forward 96, a byte-level vocabulary of 256 bytes + 4 merges + ChatML specials, fixed seed.
struct TinyModel {
    var architecture = "llama"
    var layers = 2
    var embedding = 64
    var feedForward = 96
    var heads = 4
    var kvHeads = 2
    var context = 128
    var matrixFormat: QuantFormat = .f32
    var embeddingFormat: QuantFormat = .f32
    var tiedOutput = false
    var ropeFactors: [Float]? = nil
    var seed: UInt64 = 1

    /// Byte tokens in GPT-2's byte-to-unicode order, then merges, then specials.
    static let merges = ["Ġ t", "h e", "Ġt he", "i n"]
    static let specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]

    static var tokens: [String] {
        var bytes: [String] = []
        // GPT-2 bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards.
        var n = 0
        for b in 0..<256 {
            let printable = (33...126).contains(b) || (161...172).contains(b) || (174...255).contains(b)
            if printable { bytes.append(String(UnicodeScalar(UInt8(b)))) } else { bytes.append(String(UnicodeScalar(256 + n)!)); n += 1 }
        }
        return bytes + merges.map { $0.replacingOccurrences(of: " ", with: "") } + specials
    }

    var vocabularySize: Int { Self.tokens.count }

    /// The tensors by name with their values (row-major, rows × columns) before quantisation.
    func tensors() -> [(name: String, rows: Int, columns: Int, values: [Float], format: QuantFormat)] {
        var rng = SeededRandom(seed: seed)
        func random(_ count: Int, scale: Float) -> [Float] {
            (0..<count).map { _ in (rng.nextUnitFloat() * 2 - 1) * scale }
        }
        let hd = embedding / heads
        var out: [(String, Int, Int, [Float], QuantFormat)] = []
        out.append(("token_embd.weight", vocabularySize, embedding, random(vocabularySize * embedding, scale: 1), embeddingFormat))
        for l in 0..<layers {
            let p = "blk.\(l)."
            out.append((p + "attn_norm.weight", 1, embedding, random(embedding, scale: 0.2).map { 1 + $0 }, .f32))
            out.append((p + "attn_q.weight", heads * hd, embedding, random(heads * hd * embedding, scale: 0.25), matrixFormat))
            out.append((p + "attn_k.weight", kvHeads * hd, embedding, random(kvHeads * hd * embedding, scale: 0.25), matrixFormat))
            out.append((p + "attn_v.weight", kvHeads * hd, embedding, random(kvHeads * hd * embedding, scale: 0.25), matrixFormat))
            if architecture == "qwen2" {
                out.append((p + "attn_q.bias", 1, heads * hd, random(heads * hd, scale: 0.5), .f32))
                out.append((p + "attn_k.bias", 1, kvHeads * hd, random(kvHeads * hd, scale: 0.5), .f32))
                out.append((p + "attn_v.bias", 1, kvHeads * hd, random(kvHeads * hd, scale: 0.5), .f32))
            }
            out.append((p + "attn_output.weight", embedding, heads * hd, random(embedding * heads * hd, scale: 0.2), matrixFormat))
            out.append((p + "ffn_norm.weight", 1, embedding, random(embedding, scale: 0.2).map { 1 + $0 }, .f32))
            out.append((p + "ffn_gate.weight", feedForward, embedding, random(feedForward * embedding, scale: 0.25), matrixFormat))
            out.append((p + "ffn_up.weight", feedForward, embedding, random(feedForward * embedding, scale: 0.25), matrixFormat))
            out.append((p + "ffn_down.weight", embedding, feedForward, random(embedding * feedForward, scale: 0.2), matrixFormat))
        }
        out.append(("output_norm.weight", 1, embedding, random(embedding, scale: 0.2).map { 1 + $0 }, .f32))
        if !tiedOutput {
            out.append(("output.weight", vocabularySize, embedding, random(vocabularySize * embedding, scale: 0.3), matrixFormat))
        }
        if let f = ropeFactors { out.append(("rope_freqs.weight", 1, f.count, f, .f32)) }
        return out.map { (name: $0.0, rows: $0.1, columns: $0.2, values: $0.3, format: $0.4) }
    }

    func ggmlType(_ f: QuantFormat) -> GGUFTensorType {
        switch f {
        case .f32: return .f32
        case .f16: return .f16
        case .bf16: return .bf16
        case .q8_0: return .q8_0
        case .q4_0: return .q4_0
        case .q4_1: return .q4_1
        case .q5_0: return .q5_0
        case .q5_1: return .q5_1
        case .q4_K: return .q4_K
        case .q5_K: return .q5_K
        case .q6_K: return .q6_K
        }
    }

    /// The GGUF image.
    func bytes(chatTemplate: String? = TinyModel.chatML) -> [UInt8] {
        var b = GGUFBuilder()
        let a = architecture
        b.add("general.architecture", .string(a))
        b.add("general.name", .string("tiny-\(a)"))
        b.add("\(a).block_count", .uint32(UInt32(layers)))
        b.add("\(a).context_length", .uint32(UInt32(context)))
        b.add("\(a).embedding_length", .uint32(UInt32(embedding)))
        b.add("\(a).feed_forward_length", .uint32(UInt32(feedForward)))
        b.add("\(a).attention.head_count", .uint32(UInt32(heads)))
        b.add("\(a).attention.head_count_kv", .uint32(UInt32(kvHeads)))
        b.add("\(a).attention.layer_norm_rms_epsilon", .float32(1e-5))
        b.add("\(a).rope.freq_base", .float32(10_000))
        b.add("tokenizer.ggml.model", .string("gpt2"))
        b.add("tokenizer.ggml.pre", .string(a == "qwen2" ? "qwen2" : "smollm"))
        let tokens = Self.tokens
        b.add("tokenizer.ggml.tokens", .array(.string(tokens)))
        b.add("tokenizer.ggml.token_type", .array(.int32(tokens.indices.map { $0 >= tokens.count - Self.specials.count ? 3 : 1 })))
        b.add("tokenizer.ggml.merges", .array(.string(Self.merges)))
        b.add("tokenizer.ggml.bos_token_id", .uint32(UInt32(tokens.count - 3)))
        b.add("tokenizer.ggml.eos_token_id", .uint32(UInt32(tokens.count - 1)))
        b.add("tokenizer.ggml.add_bos_token", .bool(false))
        if let chatTemplate { b.add("tokenizer.chat_template", .string(chatTemplate)) }
        for t in tensors() {
            let data = Quantizer.quantize(t.values, format: t.format)
            let dims = t.rows == 1 && !t.name.hasSuffix("embd.weight") && !t.name.hasPrefix("output.") ? [t.columns] : [t.columns, t.rows]
            b.addTensor(name: t.name, dimensions: dims, type: ggmlType(t.format), data: data)
        }
        return b.bytes()
    }

    static let chatML = """
    {% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}
    """
}
