import Foundation
import GGUF
import TestSupport
import Testing
@testable import Tokenization

/// Token ids llama.cpp (llama-cpp-python) produced for varied strings, written by `scripts/dev/check-tokenizer.py
/// --write`, compared with this tokenizer on the real vocabulary when that model file is present.
struct GoldenCases: Decodable {
    struct Case: Decodable {
        let text: String
        let add_special: Bool
        let parse_special: Bool
        let ids: [Int]
        /// llama.cpp's pieces (special tokens shown) joined, when they form valid UTF-8.
        let decoded: String?
    }

    let model: String
    let reference: String
    let vocabulary_size: Int
    let cases: [Case]

    static func load(_ name: String) throws -> GoldenCases {
        let url = RepoFiles.root.appendingPathComponent("Tests/TokenizationTests/Golden/\(name).json")
        return try JSONDecoder().decode(GoldenCases.self, from: Data(contentsOf: url))
    }

    /// The model file for golden set `name`: a path in `$DDX_TOKENIZER_GGUF` (colon-separated) or the model folder
    /// `scripts/setup` fills (`$DDX_MODEL_DIR`, else `$XDG_DATA_HOME/ddx/models`, else `~/.local/share/ddx/models`)
    /// holding a file of the golden's name whose vocabulary has the golden's size. Nil when absent.
    static func modelPath(for name: String) -> String? {
        guard let golden = try? load(name) else { return nil }
        let environment = ProcessInfo.processInfo.environment
        var candidates = (environment["DDX_TOKENIZER_GGUF"] ?? "").split(separator: ":").map(String.init)
        let data = environment["XDG_DATA_HOME"] ?? (NSHomeDirectory() + "/.local/share")
        let folder = environment["DDX_MODEL_DIR"] ?? (data + "/ddx/models")
        candidates.append(folder + "/" + golden.model)
        return candidates.first { path in
            guard FileManager.default.fileExists(atPath: path), let file = try? GGUFFile.open(path: path),
                  let tokens = try? file.strings("tokenizer.ggml.tokens") else { return false }
            return tokens.count == golden.vocabulary_size
        }
    }
}

@Suite("Agreement with llama.cpp on real vocabularies")
struct GoldenTokenizationTests {
    @Test(.enabled(if: GoldenCases.modelPath(for: "smollm2") != nil, "SmolLM2 GGUF not found (scripts/setup)"))
    func smolLM2MatchesLlamaCpp() throws {
        try check("smollm2")
    }

    @Test(.enabled(if: GoldenCases.modelPath(for: "deepseek-r1-qwen") != nil,
                   "DeepSeek-R1-Distill-Qwen GGUF not found (set DDX_TOKENIZER_GGUF)"))
    func deepSeekQwenMatchesLlamaCpp() throws {
        try check("deepseek-r1-qwen")
    }

    @Test func goldenFilesAreReadable() throws {
        for name in ["smollm2", "deepseek-r1-qwen"] {
            let golden = try GoldenCases.load(name)
            #expect(golden.cases.count >= 40)
        }
    }

    private func check(_ name: String) throws {
        let golden = try GoldenCases.load(name)
        let path = try #require(GoldenCases.modelPath(for: name))
        let tokenizer = try BPETokenizer(vocabulary: Vocabulary(gguf: GGUFFile.open(path: path)))
        var mismatches = 0
        for item in golden.cases {
            let ids = tokenizer.encode(item.text, addSpecial: item.add_special, parseSpecial: item.parse_special)
            if ids != item.ids { mismatches += 1 }
            #expect(ids == item.ids, "\(name): \(item.text.debugDescription) (addSpecial \(item.add_special), parseSpecial \(item.parse_special))")
            if let decoded = item.decoded {
                #expect(tokenizer.decode(item.ids, showSpecial: true) == decoded, "\(name): decode of \(item.text.debugDescription)")
            }
        }
        #expect(mismatches == 0, "\(name): \(mismatches) of \(golden.cases.count) strings differ from \(golden.reference)")
    }
}
