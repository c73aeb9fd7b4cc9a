import Foundation

/// Finds a folder that ships with ddx (`Ontologies/`, `Templates/`) from the working directory or the
/// executable's location upwards, so `swift run`, `.build/release/ddx` and an installed copy all find it.
enum ResourceDirectory {
    /// The first `folder` holding `marker` (a relative path) found upwards, or nil.
    static func find(_ folder: String, containing marker: String) -> String? {
        var starts = [FileManager.default.currentDirectoryPath]
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path {
            starts.append(exe)
        }
        for start in starts {
            var url = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = url.appendingPathComponent(folder)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
                    return candidate.path
                }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }
}
