import Explorer
import Foundation
import GraphRendering
import ReasoningPaths
import Testing
import TestSupport

@Suite("TextAnalysis")
struct TextAnalysisTests {
    @Test("the example case parses into five paths that merge into one graph")
    func coughCase() throws {
        let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.coughCase))
        #expect(analysis.parsed.format == .medreason)
        #expect(analysis.parsed.paths.count == 5)
        #expect(analysis.parsed.paths.map(\.number) == [1, 2, 3, 4, 5])
        #expect(analysis.parsed.warnings.isEmpty)
        let graph = analysis.graph
        #expect(graph.paths.count == 5)
        // 13 distinct step names; every hop is distinct.
        #expect(graph.nodes.count == 13)
        #expect(graph.edges.count == 14)
        #expect(Set(graph.nodes.map(\.id)).count == graph.nodes.count)
        let cough = try #require(graph.nodes.first { $0.label == "Cough" })
        #expect(cough.paths == [1, 2, 3, 4, 5])
        #expect(cough.role == .finding)
        let relief = try #require(graph.nodes.first { $0.label == "Symptom relief" })
        #expect(relief.paths == [1, 3, 5])
        #expect(relief.role == .conclusion)
        for edge in graph.edges {
            #expect(graph.node(id: edge.from) != nil && graph.node(id: edge.to) != nil)
        }
    }

    @Test("a fixture's steps with the same name become one node listing both paths")
    func mergesSharedSteps() throws {
        let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.fixture("medreason_data")))
        #expect(analysis.parsed.paths.map { $0.steps.map(\.name) } == [
            ["Chest pain", "Troponin elevation", "Myocardial infarction"],
            ["Chest pain", "Beta blockers", "Reduced myocardial oxygen demand"],
            ["Dyspnea", "Pulmonary congestion", "Left ventricular failure"],
        ])
        let chestPain = try #require(analysis.graph.nodes.first { $0.label == "Chest pain" })
        #expect(chestPain.paths == [1, 2])
        #expect(chestPain.lines == [3, 4])
        #expect(analysis.graph.nodes.count == 8)
        let beta = try #require(analysis.graph.nodes.first { $0.label == "Beta blockers" })
        #expect(beta.qualifiers == ["e.g., metoprolol, atenolol"])
    }

    @Test("a HuatuoGPT text has sections and an answer but no paths and an empty graph")
    func huatuo() throws {
        let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.fixture("huatuo")))
        #expect(analysis.parsed.format == .huatuo)
        #expect(analysis.parsed.paths.isEmpty)
        #expect(analysis.parsed.finalAnswer != nil)
        #expect(analysis.graph.nodes.isEmpty && analysis.graph.edges.isEmpty && analysis.graph.paths.isEmpty)
    }

    @Test("annotations carry the input's digest and name and the title")
    func annotations() throws {
        let input = ReasoningInput(bytes: Array("1. A -> B\n".utf8), sourceName: "inline.txt")
        let analysis = TextAnalysis(input: input)
        #expect(analysis.annotations() == DiagramAnnotations(inputSHA256: input.sha256, sourceName: "inline.txt"))
        #expect(analysis.annotations(title: "Q").title == "Q")
        #expect(analysis.annotations().footer.contains(input.sha256))
    }

    @Test("parser limits are passed through")
    func limits() throws {
        let text = (1...50).map { "\($0). Finding \($0) -> Mechanism \($0) -> Diagnosis \($0)" }.joined(separator: "\n")
        let input = ReasoningInput(bytes: Array(("Finding reasoning paths:\n" + text + "\n").utf8), sourceName: "many")
        #expect(TextAnalysis(input: input).parsed.paths.count == 50)
        let tight = ParserLimits(maxPaths: 10, maxPlanEdges: 10, maxSections: 10, maxWarnings: 10, maxItemBytes: 4096)
        let limited = TextAnalysis(input: input, limits: tight)
        #expect(limited.parsed.paths.count == 10)
        #expect(limited.graph.paths.count == 10)
    }
}
