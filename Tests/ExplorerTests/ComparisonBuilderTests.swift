import Explorer
import Foundation
import TestSupport
import Testing

@Suite struct ComparisonBuilderTests {
    static func text(_ paths: [String], answer: String) -> ReasoningInput {
        let body = "## Thinking\n\n### Finding Reasoning Paths:\n"
            + paths.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            + "\n\n### Conclusion:\n\(answer)\n\n## Final Response\n\(answer)\n"
        return ReasoningInput(bytes: Array(body.utf8), sourceName: "t")
    }

    static func explore(_ input: ReasoningInput, ontology: LoadedOntology? = nil) async throws -> Exploration {
        try await DiagnosisExplorer(configuration: ExplorerConfiguration(ontology: ontology), model: nil).explore(.text(input))
    }

    @Test func provenanceDivergenceAndAgreement() async throws {
        let a = try await Self.explore(Self.text(["Cough -> Postnasal drip -> Antihistamines",
                                                   "Fever -> Infection -> Antibiotics"], answer: "Antihistamines"))
        let b = try await Self.explore(Self.text(["Cough -> Postnasal drip -> Nasal steroids",
                                                   "Wheeze -> Asthma -> Bronchodilators"], answer: "Nasal steroids"))
        let c = ComparisonBuilder().compare(a, b)
        let labels = Dictionary(uniqueKeysWithValues: c.nodes.map { ($0.label, $0.provenance) })
        #expect(labels["Cough"] == .both && labels["Postnasal drip"] == .both)
        #expect(labels["Antihistamines"] == .onlyA && labels["Nasal steroids"] == .onlyB && labels["Asthma"] == .onlyB)
        #expect(c.count(.both) == (2, 1))
        #expect(c.graph.paths.count == 4 && c.graph.paths.map(\.index) == [1, 2, 3, 4])
        let d = try #require(c.divergences.first { $0.pathA == 1 })
        #expect(d.pathB == 1 && d.shared.count == 2 && !d.identical)
        #expect(c.node(d.nextA!)?.label == "Antihistamines" && c.node(d.nextB!)?.label == "Nasal steroids")
        #expect(c.unmatchedPathsA == [2] && c.unmatchedPathsB == [2])
        #expect(c.answers == .disagree)
        let same = ComparisonBuilder().compare(a, a)
        #expect(same.answers == .agree && same.answerOverlap == 1)
        #expect(same.divergences.allSatisfy(\.identical) && same.nodes.allSatisfy { $0.provenance == .both })
    }

    @Test func differentWordingsOfOneConceptMerge() async throws {
        let ontology = try LoadedOntology.loadDefault()
        let a = try await Self.explore(Self.text(["Cough -> Antitussives -> Relief"], answer: "x"), ontology: ontology)
        let b = try await Self.explore(Self.text(["Cough -> Cough suppressants -> Relief"], answer: "x"), ontology: ontology)
        let c = ComparisonBuilder().compare(a, b)
        let merged = try #require(c.nodes.first { $0.label == "Antitussives" })
        #expect(merged.provenance == .both && merged.labelB == "Cough suppressants")
        #expect(c.divergences.first?.identical == true)
        #expect(c.hops.allSatisfy { $0.provenance == .both })
    }
}
