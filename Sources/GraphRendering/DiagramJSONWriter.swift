#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ReasoningPaths

/// Writes the JSON export: the graph's own Codable form (`nodes`, `edges`, `paths`) plus
/// `disclaimer`, `inputSHA256` and, when given, `source` and `title` — sorted keys, pretty printed,
/// unescaped slashes, trailing newline, so the same input always gives the same bytes.
enum DiagramJSONWriter {
    /// The JSON bytes.
    static func encode(_ graph: ReasoningGraph, annotations: DiagramAnnotations) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var bytes = [UInt8](try encoder.encode(Document(graph: graph, annotations: annotations)))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw GraphRenderingError.encodingFailed(String(describing: error))
        }
    }

    private struct Document: Encodable {
        let graph: ReasoningGraph
        let annotations: DiagramAnnotations

        enum ExtraKeys: String, CodingKey { case disclaimer, inputSHA256, source, title }

        func encode(to encoder: any Encoder) throws {
            try graph.encode(to: encoder)
            var extra = encoder.container(keyedBy: ExtraKeys.self)
            try extra.encode(DiagramAnnotations.disclaimer, forKey: .disclaimer)
            try extra.encode(annotations.inputSHA256, forKey: .inputSHA256)
            try extra.encodeIfPresent(annotations.sourceName, forKey: .source)
            try extra.encodeIfPresent(annotations.title, forKey: .title)
        }
    }
}
