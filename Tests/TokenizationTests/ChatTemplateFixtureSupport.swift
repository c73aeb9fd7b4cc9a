import Foundation
import Testing
import Tokenization

/// Fixture files of the chat-template tests, read relative to this source file (the test target declares no
/// resources).
enum ChatTemplateFixtureSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("ChatTemplateFixtures")

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func json(_ relativePath: String) throws -> TemplateValue {
        try TemplateValue(json: try text(relativePath))
    }

    static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(directory).path)) ?? []
        return names.sorted()
    }

    /// 2024-07-26 09:05:03 UTC, the `--now` the construct goldens were rendered with.
    static let fixedDate = Date(timeIntervalSince1970: 1_721_984_703)

    /// 2025-02-03 14:15:16 UTC, the `--now` the real-template goldens were rendered with.
    static let goldenDate = Date(timeIntervalSince1970: 1_738_592_116)

    static func template(_ source: String, date: Date = fixedDate) throws -> ChatTemplate {
        var template = try ChatTemplate(source: source)
        template.clock = { date }
        template.timeZone = TimeZone(identifier: "UTC")!
        return template
    }
}
