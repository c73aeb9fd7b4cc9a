import Foundation
import GraphRendering
import Grounding

/// Turns grounding results into the plain values the renderer draws.
enum GroundingAnnotations {
    static func make(_ grounded: GroundedGraph, sources: [String]) -> OntologyAnnotations {
        var nodes: [String: NodeConceptAnnotation] = [:]
        for n in grounded.nodes {
            guard let best = n.best else { continue }
            nodes[n.node] = NodeConceptAnnotation(conceptID: best.id, conceptLabel: best.label, type: best.type?.rawValue,
                                                  score: best.score, match: best.match.rawValue, source: best.source)
        }
        var edges: [OntologyAnnotations.EdgeKey: EdgeVerdictAnnotation] = [:]
        for e in grounded.edges {
            edges[OntologyAnnotations.EdgeKey(from: e.from, to: e.to)] = EdgeVerdictAnnotation(
                verdict: e.verification.verdict.rawValue, evidence: evidenceLines(e.verification))
        }
        return OntologyAnnotations(nodes: nodes, edges: edges, sources: sources)
    }

    /// One line per fact: `SUBJECT relation OBJECT (source)`, with the is_a chain for attested-via-is-a.
    static func evidenceLines(_ v: HopVerification) -> [String] {
        if v.verdict == .plausible, let pattern = v.pattern {
            return ["types fit \(pattern.replacingOccurrences(of: "_", with: " ")); no fact in the loaded ontology"]
        }
        return v.evidence.map { e in
            var line = "\(e.subject) \(e.relation) \(e.object) (\(e.source)"
            if let evidence = e.evidence, evidence != "curated" { line += ", \(evidence)" }
            line += ")"
            if !e.chain.isEmpty { line += " via " + e.chain.joined(separator: " → ") }
            return line
        }
    }
}
