import Testing
import ReasoningPaths

@Suite("MedVerse blocks and plan edges")
struct MedVerseTests {
    @Test func blocksBecomeSections() throws {
        let p = try Fixture.parse("medverse")
        #expect(p.format == .medverse)
        #expect(p.sections.map(\.kind) == [.thinking, .findingPaths, .plan, .execution, .conclusion])
        #expect(p.sections[1].endLine == 5)  // `---` and the lone `###` end the list
        #expect(p.paths.map(\.label) == ["Path 1", "Path 2"])
        #expect(p.finalAnswer == "D. Propranolol")
        #expect(p.conclusion?.hasPrefix("Explanation: Both paths converge") == true)
        #expect(p.warnings.isEmpty)
    }

    @Test func outlineEdgesMergedSourcesAndDependencies() throws {
        let p = try Fixture.parse("medverse")
        let byStep = Dictionary(grouping: p.planEdges, by: \.step)
        #expect(byStep[1]?.first?.from.map(\.name) == ["Tremor"])
        #expect(byStep[1]?.first?.to?.name == "Essential tremor")
        #expect(byStep[1]?.first?.labels == ["Path 1"])
        let merged = try #require(byStep[3]?.first)
        #expect(merged.from.map(\.name) == ["Essential tremor", "Alcohol-related tremor"])
        #expect(merged.to?.text == "Propranolol")
        #expect(merged.dependencies == [1, 2])
        #expect(merged.source == "outline")
        let prose = try #require(byStep[4]?.first)
        #expect(prose.kind == .prose && prose.to == nil && prose.text == "Review the answer options")
        // <Step> 1 repeats outline step 1 and is not duplicated; <Step> 5 has no outline entry and is added.
        #expect(p.planEdges.filter { $0.step == 1 }.count == 1)
        #expect(byStep[5]?.first?.source == "step")
        // Plan edges are separate from the path list.
        #expect(p.paths.count == 2)
    }

    @Test func tagGluedToTextIsSplitAndReported() {
        let text = "<Think>\nFinding Reasoning Path:\n1: A->B\n2: Glyox<Plan>\n<Plan>\n<Outline> Transient Step 1: A -> B; Dependency: [] </Outline>\n</Plan>\n</Think>\n"
        let p = ReasoningParser().parse(text)
        #expect(p.paths.count == 2)
        #expect(p.paths[1].steps.map(\.text) == ["Glyox"])
        #expect(p.planEdges.count == 1)
        #expect(p.sections.filter { $0.kind == .plan }.count == 1)
        #expect(p.warnings.contains { $0.line == 4 && $0.message.contains("<Plan>") })
    }

    @Test func strayBoldInOutline() {
        let p = ReasoningParser().parse("<Plan>\n<Outline> Transient Step 1: **Chest pain -> Acute coronary syndrome; Dependency: [] </Outline>\n</Plan>\n")
        #expect(p.planEdges.first?.from.map(\.name) == ["Chest pain"])
        #expect(p.planEdges.first?.to?.name == "Acute coronary syndrome")
    }

    @Test func listPhraseIsNotSplitIntoSources() {
        let p = ReasoningParser().parse("<Plan>\n<Outline> Transient Step 2: Arteries, veins, and capillaries -> Circulation; Dependency: [1] </Outline>\n</Plan>\n")
        #expect(p.planEdges.first?.from.map(\.name) == ["Arteries, veins, and capillaries"])
    }

    @Test func unclosedBlockIsReported() {
        let p = ReasoningParser().parse("<Think>\n<Plan>\n<Outline> Transient Step 1: A -> B; Dependency: [] </Outline>\n")
        #expect(p.warnings.contains { $0.message.contains("<Plan> opened here is never closed") && $0.line == 2 })
        #expect(p.warnings.contains { $0.message.contains("<Think> opened here is never closed") })
    }

    @Test func unreadableOutlineIsReported() {
        let p = ReasoningParser().parse("<Plan>\n<Outline> do something </Outline>\n</Plan>\n")
        #expect(p.planEdges.isEmpty)
        #expect(p.warnings.contains { $0.line == 2 && $0.message.contains("do something") })
    }
}
