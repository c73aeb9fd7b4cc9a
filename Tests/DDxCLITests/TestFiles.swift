import Foundation
import TestSupport

extension RepoFiles {
    /// A golden file of the CLI tests, in `Tests/DDxCLITests/Golden/`.
    static func golden(_ name: String) -> URL {
        root.appendingPathComponent("Tests/DDxCLITests/Golden/\(name)")
    }
}
