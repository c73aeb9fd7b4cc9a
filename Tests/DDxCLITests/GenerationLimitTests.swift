import Foundation
import Testing
import TestSupport

/// Context and token limits of `ddx generate` on a tiny synthetic model (32-token context, one layer; the fuzzing
/// seed `Tests/FuzzTargetsTests/Corpus/gguf/llama-q8_0.gguf`): clear one-line errors, exit 1, nothing written.
@Suite struct GenerationLimitTests {
    static let model = RepoFiles.root.appendingPathComponent("Tests/FuzzTargetsTests/Corpus/gguf/llama-q8_0.gguf").path

    @Test("a prompt longer than the context: one line naming --context, exit 1, no output file")
    func promptTooLong() throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["generate", "How do I stop a cough?", "--model", Self.model, "-o", "out.md"], in: dir)
            #expect(r.exitCode == 1, "\(r.err)")
            #expect(r.errLines.last?.hasPrefix("ddx: error: the prompt is ") == true, "\(r.err)")
            #expect(r.errLines.last?.hasSuffix("tokens but the context window holds 32; shorten the prompt or raise --context") == true)
            #expect(r.errLines.filter { $0.hasPrefix("ddx: error") }.count == 1)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.md").path))
        }
    }

    @Test("--context beyond the model's: one line, exit 1")
    func contextBeyondModel() throws {
        let r = try DDx.run(["generate", "cough", "--model", Self.model, "--raw", "--context", "1000"])
        #expect(r.exitCode == 1)
        #expect(r.errLines.last == "ddx: error: context length 1000 must be between 1 and the model's 32", "\(r.err)")
    }

    @Test("--max-tokens past the context stops at the context and says so")
    func maxTokensPastContext() throws {
        let r = try DDx.run(["generate", "cough", "--model", Self.model, "--raw", "--temperature", "0", "--max-tokens", "100"])
        #expect(r.succeeded, "\(r.err)")
        #expect(r.err.contains("stop: context"), "\(r.err)")
        #expect(r.err.contains("generated 28 tokens") || r.err.contains("generated 29 tokens"), "\(r.err)")
    }
}
