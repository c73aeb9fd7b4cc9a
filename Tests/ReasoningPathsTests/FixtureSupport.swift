import Foundation
import ReasoningPaths

/// Loads the hand-made fixtures shipped with this test target.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures") else {
            throw FixtureError.missing(name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    static func parse(_ name: String) throws -> ParsedReasoning {
        ReasoningParser().parse(bytes: try bytes(name))
    }

    enum FixtureError: Error { case missing(String) }
}

extension ParsedReasoning {
    /// Step names of each path, for compact assertions.
    var stepNames: [[String]] { paths.map { $0.steps.map(\.name) } }
}
