#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ReasoningPaths

/// Writes the JSON export: the graph's own Codable form (`nodes`, `edges`, `paths`) plus
/// `disclaimer`, `inputSHA256` and, when given, `source`, `title`, `grounding` and `metadata` (the run metadata
/// object) — sorted keys, pretty
/// printed, unescaped slashes, trailing newline, so the same input always gives the same bytes.
///
/// `grounding` (only with ontology annotations) is
/// `{"nodes": {id: {conceptID, conceptLabel, type, score, match, source}}, "edges": [{from, to, verdict,
/// evidence}], "sources": [...]}`: `type` is `null` when unknown, edges are sorted by `from` then `to`,
/// scores that are not finite are written as 0. Values are the annotations' own strings (JSON escaping
/// makes them inert). `comparison` (only for a merged `ddx compare` graph) is `{"sideA", "sideB", "pathsA",
/// "nodes": {id: "only-a"|"only-b"|"both"}, "edges": [{from, to, provenance, verdictA, verdictB}]}`.
enum DiagramJSONWriter {
    /// The JSON bytes.
    static func encode(_ graph: ReasoningGraph, annotations: DiagramAnnotations) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let metadata = try annotations.metadataJSON.map(EmbeddedJSON.parse)
        do {
            var bytes = [UInt8](try encoder.encode(Document(graph: graph, annotations: annotations, metadata: metadata)))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw GraphRenderingError.encodingFailed(String(describing: error))
        }
    }

    private struct Document: Encodable {
        let graph: ReasoningGraph
        let annotations: DiagramAnnotations
        let metadata: EmbeddedJSON?

        enum ExtraKeys: String, CodingKey { case disclaimer, inputSHA256, source, title, grounding, metadata, comparison }

        func encode(to encoder: any Encoder) throws {
            try graph.encode(to: encoder)
            var extra = encoder.container(keyedBy: ExtraKeys.self)
            try extra.encode(DiagramAnnotations.disclaimer, forKey: .disclaimer)
            try extra.encode(annotations.inputSHA256, forKey: .inputSHA256)
            try extra.encodeIfPresent(annotations.sourceName, forKey: .source)
            try extra.encodeIfPresent(annotations.title, forKey: .title)
            try extra.encodeIfPresent(annotations.ontology.map(Grounding.init), forKey: .grounding)
            try extra.encodeIfPresent(metadata, forKey: .metadata)
            try extra.encodeIfPresent(annotations.comparison.map(Comparison.init), forKey: .comparison)
        }
    }

    private struct Comparison: Encodable {
        struct Hop: Encodable {
            let from: String
            let to: String
            let provenance: Provenance
            let verdictA: String?
            let verdictB: String?
        }

        let sideA: String
        let sideB: String
        let pathsA: Int
        let nodes: [String: Provenance]
        let edges: [Hop]

        init(_ c: ComparisonAnnotations) {
            sideA = c.sideA
            sideB = c.sideB
            pathsA = c.pathsA
            nodes = c.nodes
            edges = c.edges.map { Hop(from: $0.key.from, to: $0.key.to, provenance: $0.value.provenance,
                                      verdictA: $0.value.verdictA?.verdict, verdictB: $0.value.verdictB?.verdict) }
                .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        }
    }

    private struct Grounding: Encodable {
        let nodes: [String: Concept]
        let edges: [Hop]
        let sources: [String]

        init(_ ontology: OntologyAnnotations) {
            nodes = ontology.nodes.mapValues(Concept.init)
            edges = ontology.edges.map { Hop(from: $0.key.from, to: $0.key.to, verdict: $0.value.verdict,
                                             evidence: $0.value.evidence) }
                .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
            sources = ontology.sources
        }
    }

    private struct Concept: Encodable {
        let annotation: NodeConceptAnnotation

        init(_ annotation: NodeConceptAnnotation) { self.annotation = annotation }

        enum Keys: String, CodingKey { case conceptID, conceptLabel, type, score, match, source }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(annotation.conceptID, forKey: .conceptID)
            try container.encode(annotation.conceptLabel, forKey: .conceptLabel)
            try container.encode(annotation.type, forKey: .type)  // null when unknown
            try container.encode(annotation.score.isFinite ? annotation.score : 0, forKey: .score)
            try container.encode(annotation.match, forKey: .match)
            try container.encode(annotation.source, forKey: .source)
        }
    }

    private struct Hop: Encodable {
        let from: String
        let to: String
        let verdict: String
        let evidence: [String]
    }
}
