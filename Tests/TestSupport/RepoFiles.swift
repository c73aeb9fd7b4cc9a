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

    /// The team's shared data folder (`../shared` beside the repository, or `$DDX_SHARED`), when it exists.
    public static var sharedDirectory: URL? {
        let env = ProcessInfo.processInfo.environment["DDX_SHARED"]
        let url = env.map { URL(fileURLWithPath: $0) } ?? root.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
    }

    /// A file under the shared data folder, when that file exists (tests that use it skip otherwise).
    public static func shared(_ relativePath: String) -> String? {
        guard let url = sharedDirectory?.appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url.path
    }

    /// A fixture of the ontology tests, e.g. `ontologyFixture("owl-obo-layout.owl")`.
    public static func ontologyFixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/OntologyTests/Fixtures/\(name)").path
    }
}
