import Foundation
import Testing
import ReasoningPaths

/// Checks every real model output in `../shared/corpus` against the paths a careful reader extracts
/// (reviewed by hand into `CorpusExpectations/corpus-paths.txt`). Skips when the corpus is absent.
@Suite("Real corpus")
struct CorpusTests {
    static let corpus: URL? = {
        let env = ProcessInfo.processInfo.environment["DDX_SHARED"].map { URL(fileURLWithPath: $0) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = env ?? repo.deletingLastPathComponent().appendingPathComponent("shared")
        let dir = shared.appendingPathComponent("corpus")
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }()

    static func summary(_ name: String, _ p: ParsedReasoning) -> String {
        var out = "== \(name) format=\(p.format.rawValue) paths=\(p.paths.count) plan=\(p.planEdges.count) final=\(p.finalAnswer == nil ? "no" : "yes")\n"
        for path in p.paths {
            out += "\(path.number.map(String.init) ?? "-")|\(path.label ?? "-")|\(path.kind.rawValue)|" + path.steps.map(\.name).joined(separator: " -> ") + "\n"
        }
        for e in p.planEdges {
            out += "step \(e.step)|\(e.kind.rawValue)|" + e.from.map(\.name).joined(separator: " + ") + " -> " + (e.to?.name ?? "-") + "\n"
        }
        return out
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpus is not present"))
    func corpusMatchesReviewedExpectations() throws {
        let dir = try #require(Self.corpus)
        let url = try #require(Bundle.module.url(forResource: "corpus-paths", withExtension: "txt", subdirectory: "CorpusExpectations"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        var blocks: [String: String] = [:]
        for block in expected.components(separatedBy: "== ").dropFirst() {
            let name = String(block.prefix { $0 != " " })
            blocks[name] = "== " + block
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 40)
        for file in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            let parsed = ReasoningParser().parse(bytes: [UInt8](data))
            let actual = Self.summary(file, parsed)
            #expect(blocks[file] == actual, "\(file) parses differently from the reviewed expectation")
            #expect(parsed.format != .unknown, "\(file)")
            let known = ["medreason", "huatuo", "other"]
            #expect(known.contains { file.hasPrefix($0) })
            if file.hasPrefix("other") { #expect(parsed.format == .medverse, "\(file)") }
            if file.hasPrefix("huatuo") { #expect(parsed.format == .huatuo && parsed.paths.isEmpty, "\(file)") }
            if file.hasPrefix("medreason") { #expect(parsed.format == .medreason && !parsed.paths.isEmpty, "\(file)") }
        }
    }
}
