import Foundation

/// Paths of files in this repository, found from this source file (the test target has no resources).
enum Repo {
    /// The package root (three levels above this file: Tests/DDxCLITests/TestFiles.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A parser fixture, e.g. `fixture("medreason_data")` for `Tests/ReasoningPathsTests/Fixtures/medreason_data.txt`.
    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/ReasoningPathsTests/Fixtures/\(name).txt").path
    }

    /// A golden file of this target, in `Tests/DDxCLITests/Golden/`.
    static func golden(_ name: String) -> URL {
        root.appendingPathComponent("Tests/DDxCLITests/Golden/\(name)")
    }

    /// The example case shipped in `Cases/`.
    static let coughCase = root.appendingPathComponent("Cases/cough-medreason8b.txt").path

    /// The bytes of a file.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Temporary directories that are removed when the test is done with them.
enum Scratch {
    /// Runs `body` with a fresh, empty directory and removes it afterwards.
    static func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-clitests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// The names of the entries of `directory`, hidden ones included, sorted.
    static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Names in `directory` that look like AtomicFileWriter's temporary files (`.ddx-PID-N.tmp`).
    static func leftoverTempFiles(in directory: URL) throws -> [String] {
        try contents(of: directory).filter { $0.hasPrefix(".ddx-") && $0.hasSuffix(".tmp") }
    }
}
