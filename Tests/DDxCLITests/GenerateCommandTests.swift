import Foundation
import Testing

/// `ddx generate`, `ddx model`, `ddx tokenize` on the real default model when scripts/setup installed it (the tests
/// that need it skip otherwise); bad input without it.
@Suite("ddx generate / model / tokenize")
struct GenerateCommandTests {
    static let modelPath: String? = {
        let env = ProcessInfo.processInfo.environment
        let dir = env["DDX_MODEL_DIR"] ?? ((env["XDG_DATA_HOME"].map { $0 + "/ddx" } ?? NSHomeDirectory() + "/.local/share/ddx") + "/models")
        let path = dir + "/SmolLM2-135M-Instruct.Q4_1.gguf"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    @Test("greedy generation is reproducible and reports tokens and timings as JSON",
          .enabled(if: modelPath != nil, "the default model is not installed (run scripts/setup)"))
    func greedyJSON() throws {
        let args = ["generate", "How to stop a cough?", "--model", Self.modelPath!, "--temperature", "0",
                    "--max-tokens", "24", "--json", "--threads", "1"]
        let a = try DDx.run(args, timeout: 120), b = try DDx.run(args, timeout: 120)
        #expect(a.succeeded, "\(a.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.out.utf8)) as? [String: Any])
        let tokens = try #require(json["tokens"] as? [Int])
        #expect(tokens.count == 24 || json["stop_reason"] as? String == "eos")
        #expect((json["prompt_tokens"] as? [Int])?.first == 1)          // <|im_start|>
        #expect((json["text"] as? String)?.hasPrefix("## Thinking\n\n### Finding Reasoning Paths:\n1.") == true)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(b.out.utf8)) as? [String: Any])
        #expect(again["tokens"] as? [Int] == tokens)
        #expect(again["text"] as? String == json["text"] as? String)
        #expect(a.err.contains("tokens/s"))
    }

    @Test("tokenize prints ids and pieces", .enabled(if: modelPath != nil, "the default model is not installed"))
    func tokenize() throws {
        let r = try DDx.run(["tokenize", "Cough -> Expectorants", "--model", Self.modelPath!, "--format", "json"])
        #expect(r.succeeded, "\(r.err)")
        #expect(r.out.hasPrefix("{\"ids\":[") && r.out.contains("\"pieces\":[\"C"))
    }

    @Test("model info names the architecture and tokenizer", .enabled(if: modelPath != nil, "the default model is not installed"))
    func modelInfo() throws {
        let r = try DDx.run(["model", "info", Self.modelPath!])
        #expect(r.succeeded, "\(r.err)")
        #expect(r.out.contains("architecture:  llama"))
        #expect(r.out.contains("30, embedding 576"))
        #expect(r.out.contains("pre-tokenizer smollm, 49,152 tokens"))
    }

    @Test("a missing or broken model file is one line on stderr and exit 1")
    func badModel() throws {
        let missing = try DDx.run(["generate", "hi", "--model", "/nonexistent/model.gguf"])
        #expect(missing.exitCode == 1)
        #expect(missing.errLines == ["ddx: error: /nonexistent/model.gguf: no such model file"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bogus = dir.appendingPathComponent("bogus.gguf")
        try Data("GGUF\u{3}\0\0\0 not really".utf8).write(to: bogus)
        let broken = try DDx.run(["generate", "hi", "--model", bogus.path, "-o", dir.appendingPathComponent("out.md").path])
        #expect(broken.exitCode == 1)
        #expect(broken.errLines.last?.hasPrefix("ddx: error: \(bogus.path): at byte") == true, "\(broken.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.md").path))
    }

    @Test("sampling options are validated with the option named")
    func badOptions() throws {
        let r = try DDx.run(["generate", "hi", "--top-p", "1.5"])
        #expect(r.exitCode == 2)
        #expect(r.err.contains("top-p must be in (0, 1]"))
    }
}
