import Explorer
import Foundation
import ReasoningPaths
import TestSupport
import Testing

/// Shared inputs of the walkthrough tests: a hand-made case and model text whose hops have known verdicts in the
/// shipped ontology.
enum WalkthroughFixtures {
    static let text = """
    ## Thinking

    ### Finding Reasoning Paths:
    1. Cough -> Postnasal drip -> Antihistamines
    2. Cough -> Bacterial infection -> Zorblax flux
    3. Antihistamines -> Spirometry
    4. Cough -> Airway obstruction

    ### Reasoning Process:
    A chronic cough is often caused by postnasal drip, e.g. after a cold. Antihistamines dry the secretions.
    Spirometry measures airflow.
    Nothing here names the invented node.

    ### Conclusion:
    Treat the postnasal drip.

    ## Final Answer
    B. Antihistamines
    """

    static let medicalCase = MedicalCase(
        id: "drip", title: "Postnasal drip", vignette: "A 40-year-old has a cough after a cold.",
        question: "What is the best first treatment?",
        options: [.init(letter: "A", text: "Antibiotics"), .init(letter: "B", text: "Antihistamines")],
        answer: "B. Antihistamines, for teaching.", teachingPoints: ["Postnasal drip is a common cause of cough."],
        source: "test", tags: ["test"])

    /// The shipped ontology, loaded once.
    static let ontology: LoadedOntology? = try? LoadedOntology.load(paths: [RepoFiles.root.appendingPathComponent("Ontologies").path])

    static func exploration(text: String = text, medicalCase: MedicalCase? = medicalCase,
                            ontology: LoadedOntology? = ontology) async throws -> Exploration {
        let explorer = DiagnosisExplorer(configuration: ExplorerConfiguration(ontology: ontology), model: nil)
        let input = ReasoningInput(bytes: Array(text.utf8), sourceName: "drip.txt")
        return try await explorer.explore(.text(input, medicalCase: medicalCase))
    }

    static func walkthrough(text: String = text, medicalCase: MedicalCase? = medicalCase) async throws -> Walkthrough {
        WalkthroughBuilder().build(try await exploration(text: text, medicalCase: medicalCase))
    }
}

@Suite("Walkthrough steps")
struct WalkthroughBuilderTests {
    @Test("steps: the case, every hop in path order, the conclusion, the reference")
    func stepOrder() async throws {
        let w = try await WalkthroughFixtures.walkthrough()
        #expect(w.steps.map(\.kind) == [.caseStem, .hop, .hop, .hop, .hop, .hop, .hop, .conclusion, .reference])
        #expect(w.steps.map(\.number) == Array(1...9))
        #expect(w.sectionStarts == [1: 1, 2: 2, 3: 8, 4: 9])
        let hops = w.steps.compactMap(\.hop)
        #expect(hops.map(\.arrowText) == ["Cough → Postnasal drip", "Postnasal drip → Antihistamines",
                                          "Cough → Bacterial infection", "Bacterial infection → Zorblax flux",
                                          "Antihistamines → Spirometry", "Cough → Airway obstruction"])
        #expect(hops.map(\.path) == [1, 1, 2, 2, 3, 4])
        #expect(hops.map(\.position) == [1, 2, 1, 2, 1, 1])
        #expect(hops.map(\.count) == [2, 2, 2, 2, 1, 1])
        #expect(w.steps[1].title == "Path 1 · hop 1 of 2")
        #expect(hops[0].chain == ["Cough", "Postnasal drip", "Antihistamines"])
        #expect(w.pathCount == 4 && w.omittedPaths == 0)
    }

    @Test("each hop carries its verdict (from the shipped ontology), evidence and linked concepts")
    func verdicts() async throws {
        let w = try await WalkthroughFixtures.walkthrough()
        let hops = w.steps.compactMap(\.hop)
        #expect(hops.map(\.verdict) == ["attested", "attested", "attested-via-is-a", "ungrounded", "unattested", "plausible"])
        #expect(hops[0].evidence.contains { $0.contains("ddx-core:postnasal-drip causes ddx-core:cough") })
        #expect(hops[2].evidence.first?.contains(" via ") == true)
        #expect(hops[3].evidence.isEmpty && hops[3].to?.concepts.isEmpty == true)
        #expect(hops[5].evidence.first?.hasPrefix("types fit") == true)
        #expect(hops[0].from.concepts.first?.id == "ddx-core:cough")
        #expect(hops[0].from.concepts.first?.type == "symptom")
        #expect(hops[0].verdictMeaning.contains("does not mean the step is correct"))
        #expect(hops[3].verdictMeaning.contains("not linked"))
    }

    @Test("the graph is revealed hop by hop; the conclusion and reference show all of it")
    func reveal() async throws {
        let w = try await WalkthroughFixtures.walkthrough()
        #expect(w.steps[0].revealedNodes.isEmpty && w.steps[0].revealedEdges.isEmpty)
        #expect(w.steps[1].revealedEdges == [.init(from: "cough", to: "postnasal-drip")])
        #expect(w.steps[1].currentEdges == [.init(from: "cough", to: "postnasal-drip")])
        #expect(w.steps[1].currentNodes == ["cough", "postnasal-drip"])
        #expect(w.steps[2].revealedNodes == ["antihistamines", "cough", "postnasal-drip"])
        #expect(w.steps[2].revealedEdges.count == 2)
        for i in 1..<7 { #expect(w.steps[i].revealedEdges.count == i) }
        let graph = w.exploration.analysis.graph
        #expect(w.steps[7].revealedNodes == graph.nodes.map(\.id).sorted())
        #expect(w.steps[7].revealedEdges.count == graph.edges.count && w.steps[7].currentEdges.isEmpty)
        #expect(w.steps[8].revealedEdges == w.steps[7].revealedEdges)
    }

    @Test("each hop shows the sentences of the model's reasoning that name its ends, or none")
    func reasoning() async throws {
        let w = try await WalkthroughFixtures.walkthrough()
        let hops = w.steps.compactMap(\.hop)
        let first = try #require(hops[0].reasoning.first)
        #expect(first.line == 10)
        #expect(first.text == "A chronic cough is often caused by postnasal drip, e.g. after a cold.")
        #expect(first.mentionsBoth && first.mentions == ["Cough", "Postnasal drip"])
        // Sentences naming the hop's target come before those naming only its source.
        #expect(hops[1].reasoning.map(\.text) == ["Antihistamines dry the secretions.",
                                                  "A chronic cough is often caused by postnasal drip, e.g. after a cold."])
        #expect(hops[4].reasoning.map(\.text) == ["Spirometry measures airflow.", "Antihistamines dry the secretions."])
        // Path-list lines and the conclusion never count as reasoning.
        for hop in hops { #expect(hop.reasoning.allSatisfy { $0.line >= 10 && $0.line <= 12 }) }
        let zorblax = try #require(hops.first { $0.to?.label == "Zorblax flux" })
        #expect(zorblax.reasoning.allSatisfy { !$0.mentions.contains("Zorblax flux") })
        let w2 = try await WalkthroughFixtures.walkthrough(text: "### Finding Reasoning Paths:\n1. Alpha thing -> Beta thing\n\n## Final Answer\nnone\n")
        #expect(w2.steps.compactMap(\.hop).first?.reasoning.isEmpty == true)
        #expect(w2.steps[1].caption.contains("Model's reasoning: no matching sentence"))
    }

    @Test("the conclusion, final answer and option check come from the text and the case")
    func conclusionAndReference() async throws {
        let w = try await WalkthroughFixtures.walkthrough()
        #expect(w.conclusion == "Treat the postnasal drip.")
        #expect(w.finalAnswer == "B. Antihistamines")
        #expect(w.referenceAnswer == "B. Antihistamines, for teaching.")
        let check = try #require(w.optionCheck)
        #expect(check.agrees && check.referenceLetter == "B" && check.modelLetter == "B")
        #expect(check.summary.contains("names the reference, option B (Antihistamines)"))

        let wrong = try await WalkthroughFixtures.walkthrough(text: WalkthroughFixtures.text.replacingOccurrences(of: "B. Antihistamines", with: "A. Antibiotics"))
        #expect(wrong.optionCheck?.agrees == false)
        #expect(wrong.optionCheck?.summary.contains("names option A, not the reference, option B") == true)
        let noOptions = try await WalkthroughFixtures.walkthrough(medicalCase: nil)
        #expect(noOptions.optionCheck == nil && noOptions.referenceAnswer.isEmpty && noOptions.caseID == "question")
    }

    @Test("captions are plain text lines headed by the step title")
    func captions() async throws {
        let w = try await WalkthroughFixtures.walkthrough()
        #expect(w.steps[0].caption.first == "Case: Postnasal drip")
        #expect(w.steps[0].caption.contains("B. Antihistamines"))
        #expect(w.steps[1].caption[0] == "Path 1 · hop 1 of 2: Cough → Postnasal drip")
        #expect(w.steps[1].caption[1].hasPrefix("Ontology: attested — Found in the loaded ontology"))
        #expect(w.steps[1].caption.contains { $0.hasPrefix("Model's reasoning (line 10): A chronic cough") })
        #expect(w.steps[8].caption.contains("• Postnasal drip is a common cause of cough."))
    }

    @Test("single-statement paths and a text without paths still give a walkthrough")
    func statementsAndEmpty() async throws {
        let prose = "## Thinking\n\n### Finding Reasoning Paths:\n1. Cough is common after colds.\n\n### Reasoning Process:\nA cough is common.\n\n## Final Response\nRest.\n"
        let w = try await WalkthroughFixtures.walkthrough(text: prose)
        let hop = try #require(w.steps.first { $0.kind == .hop }?.hop)
        #expect(hop.to == nil && hop.verdict == nil && hop.count == 1)
        let empty = try await WalkthroughFixtures.walkthrough(text: "No structure at all.")
        #expect(empty.steps.map(\.kind) == [.caseStem, .conclusion, .reference])
        #expect(empty.pathCount == 0)
    }

    @Test("the builder's limits cap paths and hops")
    func limits() async throws {
        let e = try await WalkthroughFixtures.exploration()
        let w = WalkthroughBuilder(maxPaths: 2, maxHopsPerPath: 1).build(e)
        #expect(w.steps.filter { $0.kind == .hop }.count == 2)
        #expect(w.omittedPaths == 2)
        #expect(w.steps.last?.revealedEdges.count == e.analysis.graph.edges.count)
    }
}

@Suite("Step reasoning matcher")
struct StepReasoningMatcherTests {
    @Test("normalisation folds case, accents, punctuation, British spellings and plurals")
    func normalize() {
        #expect(StepReasoningMatcher.normalize("Haemorrhages!") == StepReasoningMatcher.normalize("hemorrhage"))
        #expect(StepReasoningMatcher.normalize("Oesophageal TUMOURS") == "esophageal tumor")
        #expect(StepReasoningMatcher.normalize("Ménière's disease") == "meniere s disease")
        #expect(StepReasoningMatcher.normalize("mucus / analysis / glass") == "mucus analysis glass")
    }

    @Test("sentences split at sentence ends but not after e.g., i.e. or initials; markup and list numbers go")
    func sentences() {
        let m = StepReasoningMatcher(text: "1. **Type:** Drip, e.g. after a cold. Next one? Yes! Dr. Who said i.e. this.", sections: [])
        #expect(m.sentences.map(\.text) == ["Type: Drip, e.g. after a cold.", "Next one?", "Yes!", "Dr. Who said i.e. this."])
        #expect(m.sentences.allSatisfy { $0.line == 1 })
    }

    @Test("a node is mentioned by its label, its examples, its concept, or all words of a short label")
    func terms() {
        let node = GraphNode(id: "cs", label: "Cough suppressants", role: .mechanism, paths: [1], lines: [1],
                             qualifiers: ["e.g., dextromethorphan or codeine"])
        let terms = StepReasoningMatcher.terms(for: node)
        let m = StepReasoningMatcher(text: "Dextromethorphan helps.\nSuppressants act on the cough reflex.\nCodeine too.\nNothing.", sections: [])
        let texts = m.matches(from: terms, to: nil, limit: 10).map(\.text)
        #expect(texts == ["Dextromethorphan helps.", "Suppressants act on the cough reflex.", "Codeine too."])
        #expect(m.matches(from: terms, to: nil, limit: 1).count == 1)
    }

    @Test("only reasoning prose counts when the text has sections: not path lists, conclusions or final answers")
    func sections() throws {
        let text = "## Thinking\n\n### Finding Reasoning Paths:\n1. Cough -> Drip\n\n### Reasoning Process:\nDrip causes cough.\n\n### Conclusion:\nCough from drip.\n\n## Final Response\nDrip.\n"
        let analysis = TextAnalysis(input: ReasoningInput(bytes: Array(text.utf8), sourceName: "t"))
        let m = StepReasoningMatcher(analysis: analysis)
        #expect(m.sentences.map(\.text) == ["Drip causes cough."])
        #expect(m.sentences.first?.line == 7)
    }
}
