import Explorer
import Foundation
import Inference
import TestSupport
import Testing

@Suite struct DiagnosisExplorerTests {
    static let reply = """
    1. Cough -> Postnasal drip -> Antihistamines

    ### Reasoning Process:
    Postnasal drip is a common cause.

    ### Conclusion:
    Treat the drip.

    ## Final Response
    Antihistamines.
    """

    @Test func generatesThenAnalysesWithMetadata() async throws {
        let fake = FakeLanguageModel(text: Self.reply)
        let identity = ModelIdentity(engine: "fake", name: "canned")
        let template = PromptTemplate(name: "medreason", system: "Answer with paths.", prefill: "## Thinking\n\n### Finding Reasoning Paths:\n")
        let explorer = DiagnosisExplorer(
            configuration: ExplorerConfiguration(promptTemplate: template, parameters: GenerationParameters(temperature: 0, seed: 7)),
            model: LoadedLanguageModel(model: fake, identity: identity, loadSeconds: 0.5))
        let c = MedicalCase(id: "cough", title: "Cough", vignette: "A teacher coughs.", question: "How to stop a cough?", answer: "Treat the cause.")
        let e = try await explorer.explore(.medicalCase(c))
        #expect(fake.requests.count == 1)
        #expect(fake.requests[0].messages.map(\.role) == ["system", "user"])
        #expect(fake.requests[0].messages[1].content == "A teacher coughs.\n\nHow to stop a cough?")
        #expect(e.analysis.graph.paths.count == 1)
        #expect(Set(e.analysis.graph.nodes.map(\.label)) == ["Cough", "Postnasal drip", "Antihistamines"])
        #expect(e.metadata.model == identity)
        #expect(e.metadata.caseID == "cough")
        #expect(e.metadata.sampling?.seed == 7)
        #expect(e.metadata.prefill == template.prefill)
        #expect(e.metadata.timings?.generatedTokens ?? 0 > 0)
        #expect(e.metadata.inputSHA256 == e.analysis.input.sha256)
        #expect(e.generation?.text.hasPrefix("## Thinking") == true)
        var questionOnly = explorer.configuration
        questionOnly.casePrompt = .question
        _ = try await DiagnosisExplorer(configuration: questionOnly, model: explorer.model).explore(.medicalCase(c))
        #expect(fake.requests.last?.messages.last?.content == "How to stop a cough?")
        let json = e.metadata.json()
        #expect(json.contains("\"caseID\":\"cough\"") && json.contains("not clinical advice"))
    }

    @Test func analysesATextWithoutAModel() async throws {
        let explorer = DiagnosisExplorer(configuration: ExplorerConfiguration(), model: nil)
        let input = ReasoningInput(bytes: Array(("## Thinking\n\n### Finding Reasoning Paths:\n" + Self.reply).utf8), sourceName: "t.txt")
        let e = try await explorer.explore(.text(input, question: "Why?"))
        #expect(e.generation == nil && e.metadata.model == nil && e.metadata.generatedAt == nil)
        #expect(e.metadata.question == "Why?")
        #expect(e.analysis.graph.edges.count == 2)
        await #expect(throws: InputError.self) { try await explorer.explore(.question("q")) }
    }
}
