import Foundation
import Testing

/// Files of this repository, found from this source file (the test target has no resources).
enum RepoFiles {
    /// The package root (three levels above Tests/ExplorerTests/ExplorerTestSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The path of a parser fixture, e.g. `fixture("huatuo")`.
    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/ReasoningPathsTests/Fixtures/\(name).txt").path
    }

    /// The example case shipped in `Cases/`.
    static let coughCase = root.appendingPathComponent("Cases/cough-medreason8b.txt").path
}

/// Temporary directories removed when the test is done with them.
enum ScratchDirectory {
    /// Runs `body` with a fresh, empty directory and removes it afterwards.
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-explorertests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// The entries of `directory`, hidden ones included, sorted.
    static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// The bytes of the file at `url`.
    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}

/// Every suite that calls into Graphviz (rendering, benchmarks, the machine report) nests in here, so
/// they run one test at a time across files, not just within one suite.
@Suite("Graphviz-backed", .serialized)
enum GraphvizBacked {}
