import Foundation
import GraphRendering
import Grounding

extension ReasoningComparison {
    /// What every export of the merged graph carries: each node's and hop's side, the grounding (a node's concept
    /// from the side that has it, A first; a hop's verdict and evidence likewise), both inputs' SHA-256 (`A / B`) and
    /// the combined run metadata (`metadataJSON(sideA:sideB:)`).
    public func annotations(sideA: String = "A", sideB: String = "B", title: String? = nil) -> DiagramAnnotations {
        var result = DiagramAnnotations(
            inputSHA256: a.analysis.input.sha256 + " / " + b.analysis.input.sha256,
            sourceName: "A: \(a.analysis.input.sourceName) · B: \(b.analysis.input.sourceName)",
            title: title, ontology: ontologyAnnotations(),
            metadataJSON: metadataJSON(sideA: sideA, sideB: sideB))
        var edges: [OntologyAnnotations.EdgeKey: ComparisonAnnotations.Hop] = [:]
        for hop in hops {
            edges[.init(from: hop.from, to: hop.to)] = .init(
                provenance: hop.provenance,
                verdictA: hop.verdictA.map { EdgeVerdictAnnotation(verdict: $0.rawValue, evidence: hop.evidenceA) },
                verdictB: hop.verdictB.map { EdgeVerdictAnnotation(verdict: $0.rawValue, evidence: hop.evidenceB) })
        }
        result.comparison = ComparisonAnnotations(sideA: sideA, sideB: sideB,
                                                  nodes: Dictionary(nodes.map { ($0.id, $0.provenance) }, uniquingKeysWith: { x, _ in x }),
                                                  edges: edges, pathsA: a.analysis.graph.paths.count)
        return result
    }

    /// The grounding of the merged graph, or nil when neither side was grounded.
    func ontologyAnnotations() -> OntologyAnnotations? {
        let sources = a.analysis.ontologySources.isEmpty ? b.analysis.ontologySources : a.analysis.ontologySources
        let groundA = a.analysis.grounding.map { GroundingAnnotations.make($0, sources: sources) }
        let groundB = b.analysis.grounding.map { GroundingAnnotations.make($0, sources: sources) }
        guard groundA != nil || groundB != nil else { return nil }
        var result = OntologyAnnotations(sources: sources)
        for node in nodes {
            let fromA = node.provenance == .onlyB ? nil : groundA?.nodes[node.id]
            let fromB = node.provenance == .onlyA ? nil : groundB?.nodes[node.idB ?? node.id]
            result.nodes[node.id] = fromA ?? fromB
        }
        for hop in hops {
            let verdict = hop.verdictA.map { ($0, hop.evidenceA) } ?? hop.verdictB.map { ($0, hop.evidenceB) }
            if let (v, evidence) = verdict {
                result.edges[.init(from: hop.from, to: hop.to)] = EdgeVerdictAnnotation(verdict: v.rawValue, evidence: evidence)
            }
        }
        return result
    }

    /// A short, machine-readable summary of the comparison.
    public struct Summary: Sendable, Codable, Equatable {
        public var sideA: String
        public var sideB: String
        public var nodes: [String: Int]
        public var hops: [String: Int]
        public var pathsA: Int
        public var pathsB: Int
        public var answers: AnswerAgreement
        public var answerOverlap: Double
        public var identicalPaths: Int
        public var divergingPaths: Int
    }

    /// Counts by provenance, path counts and answer agreement.
    public func summary(sideA: String = "A", sideB: String = "B") -> Summary {
        var nodeCounts: [String: Int] = [:], hopCounts: [String: Int] = [:]
        for p in Provenance.allCases {
            let c = count(p)
            nodeCounts[p.rawValue] = c.nodes
            hopCounts[p.rawValue] = c.hops
        }
        return Summary(sideA: sideA, sideB: sideB, nodes: nodeCounts, hops: hopCounts,
                       pathsA: a.analysis.graph.paths.count, pathsB: b.analysis.graph.paths.count,
                       answers: answers, answerOverlap: (answerOverlap * 1000).rounded() / 1000,
                       identicalPaths: divergences.filter(\.identical).count,
                       divergingPaths: divergences.filter { !$0.identical }.count)
    }

    /// One JSON object with sorted keys: `a` and `b` (each side's run metadata) and `comparison` (`summary`).
    public func metadataJSON(sideA: String = "A", sideB: String = "B") -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let comparison = (try? encoder.encode(summary(sideA: sideA, sideB: sideB))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return #"{"a":"# + a.metadata.json() + #","b":"# + b.metadata.json() + #","comparison":"# + comparison + "}"
    }
}
