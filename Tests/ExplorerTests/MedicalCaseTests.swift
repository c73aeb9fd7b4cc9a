import Explorer
import Foundation
import TestSupport
import Testing

@Suite struct MedicalCaseTests {
    @Test func readsYAMLWithMappedOptions() throws { try ScratchDirectory.with { dir in
        let path = dir.path + "/af.yaml"
        try """
        title: Atrial fibrillation
        vignette: |
          A 70-year-old man has palpitations.
        question: What is the diagnosis and treatment?
        options:
          B: Rate control and anticoagulation
          A: Antibiotics
        answer: Atrial fibrillation; rate control and anticoagulation by stroke risk.
        teaching_points:
          - Check CHA2DS2-VASc.
        tags: [cardiology]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let c = try MedicalCase.load(path: path)
        #expect(c.id == "af")
        #expect(c.vignette == "A 70-year-old man has palpitations.")
        #expect(c.options.map(\.letter) == ["A", "B"])
        #expect(c.teachingPoints == ["Check CHA2DS2-VASc."])
        #expect(c.prompt == "A 70-year-old man has palpitations.\n\nWhat is the diagnosis and treatment?\n\nOptions:\nA. Antibiotics\nB. Rate control and anticoagulation")
    } }

    @Test func readsJSONWithListedOptions() throws { try ScratchDirectory.with { dir in
        let path = dir.path + "/q.json"
        try #"{"question": "Which?", "options": ["x", "y", "z"], "answer": "y"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let c = try MedicalCase.load(path: path)
        #expect(c.title == "Which?")
        #expect(c.options == [.init(letter: "A", text: "x"), .init(letter: "B", text: "y"), .init(letter: "C", text: "z")])
    } }

    @Test func errorsNameFileAndField() throws { try ScratchDirectory.with { dir in
        let missing = dir.path + "/missing.yaml"
        try "title: t\nanswer: a\n".write(toFile: missing, atomically: true, encoding: .utf8)
        #expect { try MedicalCase.load(path: missing) } throws: { "\($0)" == "\(missing): field 'question' is missing" }
        let wrong = dir.path + "/wrong.yaml"
        try "question: q\nanswer: a\nteaching_points: {a: 1}\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        #expect { try MedicalCase.load(path: wrong) } throws: { "\($0)".hasPrefix("\(wrong): field 'teaching_points'") }
        let broken = dir.path + "/broken.yaml"
        try "question: [unclosed\nanswer: a\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect { try MedicalCase.load(path: broken) } throws: { e in
            "\(e)".hasPrefix("\(broken):") && !"\(e)".contains("\n")
        }
        #expect { try CaseLibrary.load(dir.path + "/none.yaml") } throws: { "\($0)".contains("no such case file") }
    } }

    @Test func oversizedAndAliasBombCasesFailFast() throws { try ScratchDirectory.with { dir in
        let big = dir.path + "/big.yaml"
        try ("question: q\nanswer: a\nvignette: " + String(repeating: "x", count: MedicalCase.maxFileBytes) + "\n")
            .write(toFile: big, atomically: true, encoding: .utf8)
        #expect { try MedicalCase.load(path: big) } throws: {
            "\($0)" == "\(big): \(MedicalCase.maxFileBytes + 33) bytes; a case file may hold at most 1048576 bytes (1 MiB)"
        }
        // "Billion laughs" in YAML: nine levels of ten aliases each. It must fail (or load) quickly, never expand.
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        bomb += "question: q\nanswer: a\nteaching_points: *a9\n"
        let bombPath = dir.path + "/bomb.yaml"
        try bomb.write(toFile: bombPath, atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect { try MedicalCase.load(path: bombPath) } throws: { "\($0)".hasPrefix("\(bombPath): field 'teaching_points[0]'") }
        }
        #expect(elapsed < .seconds(5 * Sanitizer.timeFactor))
    } }
}
