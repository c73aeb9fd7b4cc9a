import Testing
import ReasoningPaths

@Suite("Sections and formats")
struct SectionTests {
    @Test func medReasonDataSections() throws {
        let p = try Fixture.parse("medreason_data")
        #expect(p.format == .medreason)
        #expect(p.sections.map(\.kind) == [.findingPaths, .reasoningProcess, .conclusion, .finalAnswer])
        #expect(p.sections[0].startLine == 1 && p.sections[0].endLine == 5)
        #expect(p.sections[1].startLine == 7 && p.sections[1].endLine == 10)
        #expect(p.conclusion == "The most likely diagnosis is myocardial infarction.")
        #expect(p.finalAnswer == "B. Myocardial infarction. Explanation: ans-B")
        #expect(p.warnings.isEmpty)
    }

    @Test func markdownHeadersSeparatorsAndNesting() throws {
        let p = try Fixture.parse("medreason8b_bold")
        #expect(p.sections.map(\.kind) == [.thinking, .findingPaths, .reasoningProcess, .conclusion, .finalResponse])
        #expect(p.sections.map(\.depth) == [0, 1, 1, 1, 0])
        // `---` ends the path list: its range stops at the last item.
        #expect(p.sections[1].startLine == 3 && p.sections[1].endLine == 6)
        #expect(p.sections[1].title == "Finding Reasoning Paths")
        #expect(p.finalAnswer == "Treat the symptom and look for the cause.")
        #expect(p.paths.count == 3)
    }

    @Test func boldItalicAndInlineHeaders() throws {
        let bold = try Fixture.parse("labels_and_prose")
        #expect(bold.sections.contains { $0.kind == .findingPaths && $0.title == "Finding reasoning paths" })
        let inline = try Fixture.parse("inline_header")
        #expect(inline.sections.map(\.kind) == [.findingPaths, .reasoningProcess, .conclusion])
        #expect(inline.stepNames == [["Jaundice", "Hemolysis", "Anemia"], ["Jaundice", "Biliary obstruction", "Pale stools"],
                                     ["Weight loss, fatigue", "Malignancy"]])
        #expect(inline.paths.map(\.number) == [1, 2, 3])
        #expect(inline.conclusion == "Obstruction is more likely.")
        let italic = try Fixture.parse("italic_singular")
        #expect(italic.sections.first?.kind == .findingPaths)
        #expect(italic.paths.count == 2)
    }

    @Test(arguments: [
        "Finding reasoning paths:", "finding reasoning paths:", "**Finding reasoning paths:**", "**Finding Reasoning Paths**:",
        "### Finding Reasoning Paths:", "### Finding Reasoning Paths", "*Finding Reasoning Paths:*", "Finding Reasoning Path:",
        "## FINDING REASONING PATHS", "__Finding reasoning paths:__",
    ])
    func headerSpellings(header: String) {
        let p = ReasoningParser().parse("\(header)\n1. Fever -> Infection\n")
        #expect(p.sections.first?.kind == .findingPaths, "header \(header)")
        #expect(p.stepNames == [["Fever", "Infection"]], "header \(header)")
    }

    @Test func headerWordsInsideProseAreNotHeaders() {
        let p = ReasoningParser().parse("## Thinking\n\nConclusion reached early is risky.\nThe reasoning process matters.\n**Conclusion** drawn: none\n")
        #expect(p.sections.map(\.kind) == [.thinking])
    }

    @Test func huatuoWithPreambleAndNoPaths() throws {
        let p = try Fixture.parse("huatuo")
        #expect(p.format == .huatuo)
        #expect(p.sections.map(\.kind) == [.other, .thinking, .finalResponse])
        #expect(p.sections[0].title == "Preamble" && p.sections[0].startLine == 1 && p.sections[0].endLine == 1)
        #expect(p.paths.isEmpty)
        #expect(p.finalAnswer == "The symptoms could be related to blood pressure; please see a clinician.")
        #expect(p.warnings.isEmpty)
    }

    @Test func finalAnswerHeaderVariants() {
        let a = ReasoningParser().parse("## Thinking\nx\n## Final Answer\nThe final decision is: yes.\n")
        #expect(a.sections.last?.kind == .finalAnswer)
        #expect(a.finalAnswer == "The final decision is: yes.")
        let r = ReasoningParser().parse("## Thinking\nx\n\n## Final Response\n\nThe answer is A.\n")
        #expect(r.sections.last?.kind == .finalResponse)
        #expect(r.finalAnswer == "The answer is A.")
    }

    @Test func loneHashLineIsASeparator() {
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. A -> B\n\n###\nSome trailing prose -> not a path\n")
        #expect(p.paths.count == 1)
        #expect(p.sections[0].endLine == 2)
    }

    @Test func kgStringsWithoutHeader() throws {
        let p = try Fixture.parse("kg_raw")
        #expect(p.format == .kg)
        #expect(p.sections.isEmpty)
        #expect(p.stepNames == [["difficulty walking", "ataxia", "medulloblastoma"],
                                ["bilateral optic disc swelling", "papilledema", "medulloblastoma"],
                                ["difficulty walking", "ataxia", "medulloblastoma"]])
        #expect(p.paths.map(\.line) == [1, 2, 3])
    }

    @Test func unknownFormat() {
        let p = ReasoningParser().parse("Just a sentence about nothing in particular.\n")
        #expect(p.format == .unknown)
        #expect(p.paths.isEmpty && p.sections.isEmpty)
    }
}
