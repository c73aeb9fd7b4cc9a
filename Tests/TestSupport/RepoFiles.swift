import Foundation

/// Files of this repository, found from this source file (test targets read fixtures by path).
public enum RepoFiles {
    /// The package root (three levels above Tests/TestSupport/RepoFiles.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A parser fixture, e.g. `fixture("medreason_data")` for `Tests/ReasoningPathsTests/Fixtures/medreason_data.txt`.
    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/ReasoningPathsTests/Fixtures/\(name).txt").path
    }

    /// The example case shipped in `Cases/`.
    public static let coughCase = root.appendingPathComponent("Cases/cough-medreason8b.txt").path

    /// The bytes of the file at `path`.
    public static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
