import Explorer
import Foundation
import ReasoningPaths
import Testing
import TestSupport

@Suite("ParseReportFormatter")
struct ParseReportFormatterTests {
    /// A parse result with every kind of content the text listing shows.
    static let handMade = ParsedReasoning(
        format: .medreason,
        sections: [ReasoningSection(kind: .findingPaths, title: "Finding reasoning paths", startLine: 1, endLine: 4)],
        paths: [
            ReasoningPath(number: 1, label: "Path 1", kind: .chain, line: 2,
                          steps: [PathStep(text: "Fever", name: "Fever", qualifier: nil),
                                  PathStep(text: "Sepsis (severe)", name: "Sepsis", qualifier: "severe"),
                                  PathStep(text: "Shock", name: "Shock", qualifier: nil)],
                          relations: ["causes", nil], elided: [false, true], note: "a note on path one"),
            ReasoningPath(number: nil, label: nil, kind: .prose, line: 3,
                          steps: [PathStep(text: "Consider a viral cause", name: "Consider a viral cause", qualifier: nil)]),
        ],
        planEdges: [],
        warnings: [ParseWarning(line: 3, message: "item without arrows kept as prose"),
                   ParseWarning(line: 9, message: "header 'Frobnication' not recognised")],
        finalAnswer: "B. Sepsis\nsecond line", conclusion: "Sepsis is likely.", lineCount: 12)

    @Test("the text listing mentions the source, every section, path step, qualifier, note and warning")
    func textListsEverything() {
        let text = ParseReportFormatter.text(Self.handMade, sourceName: "case.txt")
        #expect(text.hasPrefix("case.txt: format medreason, 12 lines, 2 paths, 2 warnings\n"))
        #expect(text.contains("finding_paths \"Finding reasoning paths\" lines 1-4"))
        #expect(text.contains("P1 1. [Path 1] line 2, chain"))
        #expect(text.contains("P2 - line 3, prose"))
        for path in Self.handMade.paths {
            for step in path.steps { #expect(text.contains(step.name), "missing step \(step.name)") }
        }
        #expect(text.contains("(severe)"))
        #expect(text.contains("→ causes  Sepsis"))
        #expect(text.contains("…→ Shock"))
        #expect(text.contains("note: a note on path one"))
        #expect(text.contains("Conclusion:\n  Sepsis is likely.\n"))
        #expect(text.contains("Final answer:\n  B. Sepsis\n  second line\n"))
        for warning in Self.handMade.warnings {
            #expect(text.contains("line \(warning.line): \(warning.message)"), "missing warning \(warning.message)")
        }
    }

    @Test("the text listing of a fixture names all of its paths and warnings", arguments: [
        "medreason_data", "medreason8b_bold", "labels_and_prose", "truncated", "kg_raw", "medverse", "arrows",
    ])
    func textOfFixture(name: String) throws {
        let parsed = ReasoningParser().parse(bytes: try ReasoningInput.read(path: RepoFiles.fixture(name)).bytes)
        let text = ParseReportFormatter.text(parsed, sourceName: name)
        #expect(text.hasPrefix("\(name): format \(parsed.format.rawValue), \(parsed.lineCount) lines, \(parsed.paths.count) path"))
        for (i, path) in parsed.paths.enumerated() {
            #expect(text.contains("  P\(i + 1) "), "missing P\(i + 1)")
            for step in path.steps { #expect(text.contains(step.name), "missing step \(step.name)") }
        }
        for warning in parsed.warnings { #expect(text.contains(warning.message)) }
        for edge in parsed.planEdges { #expect(text.contains("step \(edge.step): ")) }
    }

    @Test("a singular count reads '1 path, 1 warning'")
    func singular() {
        var one = Self.handMade
        one.paths.removeLast()
        one.warnings.removeLast()
        #expect(ParseReportFormatter.text(one, sourceName: "x").hasPrefix("x: format medreason, 12 lines, 1 path, 1 warning\n"))
    }

    @Test("JSON is pretty, key-sorted, newline-terminated, deterministic and decodes to the same result")
    func json() throws {
        let bytes = try ParseReportFormatter.json(Self.handMade)
        #expect(bytes.last == 0x0A)
        #expect(try ParseReportFormatter.json(Self.handMade) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"conclusion\" : "))
        let keys = ["conclusion", "finalAnswer", "format", "lineCount", "paths", "planEdges", "sections", "warnings"]
        let positions = keys.map { text.range(of: "\n  \"\($0)\" :")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(try JSONDecoder().decode(ParsedReasoning.self, from: Data(bytes)) == Self.handMade)
        // Explicit nulls (second path has neither number nor label).
        #expect(text.contains("\"label\" : null"))
        #expect(text.contains("\"number\" : null"))
    }

    @Test("slashes are not escaped in JSON")
    func slashes() throws {
        let text = String(decoding: try ParseReportFormatter.json(["a/b"]), as: UTF8.self)
        #expect(text.contains("\"a/b\""))
    }
}
