import Explorer
import Foundation
import TestSupport
import Testing

/// Every teaching case shipped in `Cases/` loads and has the content a walkthrough needs.
@Suite("Shipped teaching cases")
struct ShippedCasesTests {
    static let directory = RepoFiles.root.appendingPathComponent("Cases").path
    static let required = ["cough", "low-back-pain", "pregnancy-due-date", "chest-pain", "atrial-fibrillation",
                           "type2-diabetes-risk", "thunderclap-headache", "hypertension", "copd-ex-smoker"]
    static let source = "ddx seed question; answer written for teaching"

    static func loadAll() throws -> [MedicalCase] {
        try CaseLibrary.list(directory: directory).map { try MedicalCase.load(path: $0) }
    }

    @Test("every case file in Cases/ loads, and the seed cases are all there")
    func allLoad() throws {
        let files = CaseLibrary.list(directory: Self.directory)
        #expect(files.count >= Self.required.count)
        let cases = try Self.loadAll()
        let ids = Set(cases.map(\.id))
        for name in Self.required { #expect(ids.contains(name), "missing Cases/\(name).yaml") }
        for name in Self.required { #expect(try CaseLibrary.load(name, directory: Self.directory).id == name) }
    }

    @Test("each case has a question, a reference answer written for teaching, 3–5 teaching points, tags and the source")
    func requiredContent() throws {
        for c in try Self.loadAll() {
            #expect(!c.title.isEmpty && c.title != c.question, "\(c.id): title")
            #expect(c.question.count >= 10 && c.question.hasSuffix("?"), "\(c.id): question")
            #expect(c.answer.count >= 200, "\(c.id): answer too short")
            #expect(c.answer.contains("for teaching"), "\(c.id): the answer must say it is written for teaching")
            #expect((3...5).contains(c.teachingPoints.count), "\(c.id): \(c.teachingPoints.count) teaching points")
            #expect(c.teachingPoints.allSatisfy { $0.count >= 20 }, "\(c.id): empty-looking teaching point")
            #expect(!c.tags.isEmpty, "\(c.id): tags")
            #expect(c.source == Self.source, "\(c.id): source")
            #expect(!c.vignette.isEmpty, "\(c.id): vignette")
            #expect(!c.prompt.contains("\n\n\n"), "\(c.id): prompt layout")
        }
    }

    @Test("the seed questions are the cases' questions")
    func seedQuestions() throws {
        let cases = Dictionary(uniqueKeysWithValues: try Self.loadAll().map { ($0.id, $0) })
        #expect(cases["cough"]?.question == "How to stop a cough?")
        #expect(cases["chest-pain"]?.question.lowercased().contains("causes of chest pain") == true)
        #expect(cases["low-back-pain"]?.question.lowercased().contains("lower back pain") == true)
        #expect(cases["pregnancy-due-date"]?.question.lowercased().contains("due date") == true)
        #expect(cases["atrial-fibrillation"]?.question.lowercased().contains("diagnosed and treated") == true)
        #expect(cases["type2-diabetes-risk"]?.question.lowercased().contains("risk factors") == true)
        #expect(cases["thunderclap-headache"]?.question.lowercased().contains("sudden severe") == true)
        #expect(cases["hypertension"]?.question.lowercased().contains("managed") == true)
        #expect(cases["copd-ex-smoker"]?.vignette.contains("55-year-old") == true)
    }

    @Test("cases with lettered options start their answer with the reference letter, which names an option")
    func letteredOptions() throws {
        let withOptions = try Self.loadAll().filter { !$0.options.isEmpty }
        #expect(withOptions.count >= 2)
        #expect(Set(withOptions.map(\.id)).isSuperset(of: ["copd-ex-smoker", "thunderclap-headache"]))
        for c in withOptions {
            #expect(c.options.map(\.letter) == Array("ABCDE".prefix(c.options.count)).map(String.init), "\(c.id)")
            let letter = try #require(c.answer.first.map(String.init), "\(c.id)")
            #expect(c.answer.dropFirst().hasPrefix(". "), "\(c.id): answer must start with `X. `")
            let option = try #require(c.options.first { $0.letter == letter }, "\(c.id): \(letter) is not an option")
            #expect(c.answer.dropFirst(3).hasPrefix(option.text), "\(c.id): the answer should restate option \(letter)")
        }
        let copd = try #require(withOptions.first { $0.id == "copd-ex-smoker" })
        #expect(copd.answer.hasPrefix("B. Chronic obstructive pulmonary disease"))
        let headache = try #require(withOptions.first { $0.id == "thunderclap-headache" })
        #expect(headache.answer.hasPrefix("A. Non-contrast CT"))
    }

    @Test("no reference answer gives a drug dose")
    func noDoses() throws {
        let dose = try Regex(#"\b\d+(\.\d+)?\s?(mg|mcg|µg|g|ml|mL|units?/kg|IU)\b"#)
        for c in try Self.loadAll() {
            let text = ([c.answer, c.vignette] + c.teachingPoints).joined(separator: " ")
            #expect(text.firstMatch(of: dose) == nil, "\(c.id) mentions a dose")
        }
    }
}
