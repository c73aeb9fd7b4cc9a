import Testing
import ReasoningPaths

@Suite("Path items")
struct PathItemTests {
    @Test func everyArrowSpelling() throws {
        let p = try Fixture.parse("arrows")
        for i in 0..<5 { #expect(p.stepNames[i] == ["A\(i + 1)", "B\(i + 1)"]) }
        #expect(p.paths[5].number == 6)
        #expect(p.stepNames[5] == ["a6", "b6", "c6"])
    }

    @Test func boldPerStepAndQualifiers() throws {
        let p = try Fixture.parse("arrows")
        let path = p.paths[6]
        #expect(path.steps.map(\.text) == ["Chest pain and ST-segment elevation", "Myocardial infarction (MI)", "Cholesterol embolism (CES)"])
        #expect(path.steps.map(\.name) == ["Chest pain and ST-segment elevation", "Myocardial infarction", "Cholesterol embolism"])
        #expect(path.steps.map(\.qualifier) == [nil, "MI", "CES"])
    }

    @Test func relationLabelledPath() throws {
        let p = try Fixture.parse("arrows")
        #expect(p.stepNames[7] == ["Difficulty walking", "Ataxia", "Medulloblastoma"])
        #expect(p.paths[7].relations == ["phenotype present", "parent-child"])
        #expect(p.paths[7].kind == .chain)
    }

    @Test func elisionAndUnmatchedBold() throws {
        let p = try Fixture.parse("arrows")
        #expect(p.stepNames[8] == ["Cough", "Pneumonia"])
        #expect(p.paths[8].elided == [true])
        #expect(p.stepNames[9] == ["Uterus", "Intramural leiomyomas"])
    }

    @Test func numbersPastNineDuplicatesAndParentheticalCommas() throws {
        let p = try Fixture.parse("arrows")
        #expect(p.paths.map(\.number) == Array(1...14))
        #expect(p.paths[10].steps == p.paths[11].steps)  // duplicates kept
        let drug = p.paths[10].steps[1]
        #expect(drug.text == "Treatment with medications (e.g., ACE inhibitors, ARBs)")
        #expect(drug.name == "Treatment with medications")
        #expect(drug.qualifier == "e.g., ACE inhibitors, ARBs")
        #expect(p.paths[10].steps[2].text == "Abdominal pain or pancreatitis")  // one final period stripped
        #expect(p.paths[12].steps[0].qualifier == "disease")
        #expect(p.paths[12].steps[2].text == "Teratogenicity etc.")  // an abbreviation keeps its period
        #expect(p.paths[13].steps[0].name == "Elevated CO₂ levels")
    }

    @Test func labelsAndProseItems() throws {
        let p = try Fixture.parse("labels_and_prose")
        #expect(p.paths.map(\.label) == ["Path 1", "Path 2", "Path 3", "Fair vs. Unfair Strategies", nil])
        #expect(p.paths.map(\.kind) == [.chain, .prose, .chain, .prose, .prose])
        #expect(p.stepNames[0] == ["Persistent headache", "Raised intracranial pressure", "Papilledema"])
        #expect(p.paths[1].steps.count == 1)
        #expect(p.paths[1].steps[0].text == "Consider tension-type headache, which is common and benign")
        #expect(p.paths[2].steps[1].name == "Migraine" && p.paths[2].steps[1].qualifier == "with aura")
        #expect(p.paths[4].steps[0].text == "Morning headaches are typical of raised pressure")
    }

    @Test func wholeItemBoldWithTrailingSpaces() throws {
        let p = try Fixture.parse("medreason8b_bold")
        #expect(p.stepNames[0] == ["Fever", "Antipyretics", "Symptom relief"])
        #expect(p.paths[0].steps[1].qualifier == "e.g., paracetamol, ibuprofen")
        #expect(p.paths[1].steps.map(\.text) == ["Fever", "Blood cultures", "Bacteremia", "Targeted antibiotics"])
    }

    @Test func continuationLines() throws {
        let p = try Fixture.parse("continuation")
        #expect(p.paths.count == 4)
        #expect(p.stepNames[0] == ["Headache", "Neuralgia", "Trigeminal neuralgia"])
        #expect(p.paths[0].note == "(Stabbing pain in the eye region suggests trigeminal neuralgia.)")
        #expect(p.stepNames[1] == ["Herpes zoster", "Postherpetic neuralgia", "Trigeminal neuralgia"])  // wrapped chain
        #expect(p.paths[2].note == "(Explanation in parentheses right below the item.)")
        #expect(p.paths[3].label == "Path 4")
        #expect(p.stepNames[3] == ["Rash", "Vasculitis", "Purpura"])  // label line, path below it
        #expect(p.paths.map(\.line) == [2, 5, 7, 9])
        #expect(p.warnings.isEmpty)
    }

    @Test(arguments: [
        ("1. A -> B", 1), ("1: A -> B", 1), ("12. A -> B", 12), ("3:a->b", 3), ("7) A -> B", 7), ("- A -> B", nil), ("* A -> B", nil), ("A -> B", nil),
    ] as [(String, Int?)])
    func numberingStyles(line: String, number: Int?) {
        let p = ReasoningParser().parse("Finding reasoning paths:\n\(line)\n")
        #expect(p.paths.count == 1, "\(line)")
        #expect(p.paths.first?.number == number, "\(line)")
        #expect(p.stepNames.first?.map { $0.lowercased() } == ["a", "b"], "\(line)")
    }

    @Test func arrowsInsideParenthesesDoNotSplit() {
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. Shock (low BP -> hypoperfusion) -> Lactic acidosis\n")
        #expect(p.stepNames == [["Shock", "Lactic acidosis"]])
        #expect(p.paths[0].steps[0].qualifier == "low BP -> hypoperfusion")
    }

    @Test func unclosedParenthesisStillSplits() {
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. Shock (low BP -> Lactic acidosis -> Death\n")
        #expect(p.paths[0].steps.count == 3)
    }

    @Test func emptyStepsAreReported() {
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. A -> -> B\n2. C ->\n3.\n")
        #expect(p.stepNames[0] == ["A", "B"])
        #expect(p.warnings.contains { $0.line == 2 && $0.message.contains("empty step") })
        #expect(p.warnings.contains { $0.line == 3 && $0.message.contains("only one step") })
        #expect(p.warnings.contains { $0.line == 4 && $0.message.contains("no text") })
    }

    @Test func introductionProseIsNotAPath() {
        let p = ReasoningParser().parse("Finding reasoning paths:\nHere are some paths.\n1. A -> B\n")
        #expect(p.paths.count == 1)
    }
}
