import Foundation
import FuzzTargets
import TestSupport
import Testing

/// Every saved fuzzing input (crash reproducers and hand-made seeds, `Corpus/<target>/`) and every seed file the
/// fuzzing script starts from passes its target: each fixed crash stays fixed.
@Suite struct FuzzCorpusTests {
    static let corpus = RepoFiles.root.appendingPathComponent("Tests/FuzzTargetsTests/Corpus")

    static func files(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func savedInputsPass(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        var inputs = Self.files(in: Self.corpus.appendingPathComponent(name))
        for directory in target.seedDirectories {
            inputs += Self.files(in: RepoFiles.root.appendingPathComponent(directory))
        }
        #expect(!inputs.isEmpty, "no saved inputs or seeds for \(name)")
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: input))
            #expect(throws: Never.self, "\(input.lastPathComponent)") { try target.run(bytes) }
        }
    }

    @Test func everyTargetHasASavedCorpusDirectory() {
        for target in FuzzTarget.all {
            #expect(!Self.files(in: Self.corpus.appendingPathComponent(target.name)).isEmpty,
                    "Corpus/\(target.name) is empty")
        }
    }

    @Test func targetNamesAreUnique() {
        #expect(Set(FuzzTarget.all.map(\.name)).count == FuzzTarget.all.count)
    }
}
