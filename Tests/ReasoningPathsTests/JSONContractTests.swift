import Foundation
import Testing
import ReasoningPaths

@Suite("JSON output contract")
struct JSONContractTests {
    func json(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func topLevelKeysAndTypes() throws {
        let obj = try json(try Fixture.parse("medreason_data"))
        for key in ["format", "sections", "paths", "warnings", "finalAnswer"] { #expect(obj[key] != nil, "missing \(key)") }
        #expect(obj["format"] as? String == "medreason")
        let section = try #require((obj["sections"] as? [[String: Any]])?.first)
        #expect(section["kind"] as? String == "finding_paths")
        #expect(section["title"] as? String == "Finding reasoning paths")
        #expect(section["startLine"] as? Int == 1 && section["endLine"] as? Int == 5)
        let path = try #require((obj["paths"] as? [[String: Any]])?[1])
        #expect(path["number"] as? Int == 2)
        #expect(path["label"] is NSNull)
        #expect(path["kind"] as? String == "chain")
        #expect(path["line"] as? Int == 4)
        let steps = try #require(path["steps"] as? [[String: Any]])
        #expect(steps[0]["qualifier"] is NSNull)
        #expect(steps[1]["text"] as? String == "Beta blockers (e.g., metoprolol, atenolol)")
        #expect(steps[1]["name"] as? String == "Beta blockers")
        #expect(steps[1]["qualifier"] as? String == "e.g., metoprolol, atenolol")
    }

    @Test func nullsAreExplicit() throws {
        let obj = try json(ReasoningParser().parse("- A -> B\n"))
        #expect(obj["finalAnswer"] is NSNull)
        let path = try #require((obj["paths"] as? [[String: Any]])?.first)
        #expect(path["number"] is NSNull && path["label"] is NSNull)
    }

    @Test func warningShape() throws {
        let obj = try json(try Fixture.parse("truncated"))
        let w = try #require((obj["warnings"] as? [[String: Any]])?.first)
        #expect(w["line"] as? Int == 5)
        #expect((w["message"] as? String)?.isEmpty == false)
    }

    @Test func sectionKindsAreTheContractNames() {
        #expect(ReasoningSection.Kind.allCases.map(\.rawValue).sorted() ==
                ["conclusion", "execution", "final_answer", "final_response", "finding_paths", "other", "plan", "reasoning_process", "thinking"])
        #expect(ReasoningFormat.allCases.map(\.rawValue).sorted() == ["huatuo", "kg", "medreason", "medverse", "unknown"])
    }

    @Test func roundTrip() throws {
        let p = try Fixture.parse("medverse")
        let data = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(ParsedReasoning.self, from: data) == p)
    }
}
