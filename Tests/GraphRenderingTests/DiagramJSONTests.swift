import Foundation
import GraphRendering
import ReasoningPaths
import Testing

@Suite("JSON export")
struct DiagramJSONTests {
    let renderer = GraphRenderer()

    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("graph keys exactly as ReasoningGraph encodes them, plus disclaimer, fingerprint, source, title")
    func keys() throws {
        let graph = GraphFixtures.hostile()
        let bytes = try renderer.render(graph, as: .json, annotations: GraphFixtures.annotations)
        let json = try object(bytes)
        #expect(Set(json.keys) == ["nodes", "edges", "paths", "disclaimer", "inputSHA256", "source", "title"])
        #expect(json["disclaimer"] as? String == DiagramAnnotations.disclaimer)
        #expect(json["inputSHA256"] as? String == GraphFixtures.sha)
        #expect(json["source"] as? String == "case-01.txt")

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let alone = try object([UInt8](encoder.encode(graph)))
        for key in ["nodes", "edges", "paths"] {
            let expected = try JSONSerialization.data(withJSONObject: try #require(alone[key]), options: [.sortedKeys])
            let actual = try JSONSerialization.data(withJSONObject: try #require(json[key]), options: [.sortedKeys])
            #expect(expected == actual, "\(key) differs from ReasoningGraph's encoding")
        }
        #expect(try JSONDecoder().decode(ReasoningGraph.self, from: Data(bytes)) == graph)
    }

    @Test("pretty printed, sorted, unescaped slashes, trailing newline, byte-identical; no source/title when absent")
    func format() throws {
        let graph = GraphFixtures.sample()
        let plain = DiagramAnnotations(inputSHA256: GraphFixtures.sha)
        let bytes = try renderer.render(graph, as: .json, annotations: plain)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"disclaimer\""))
        #expect(text.hasSuffix("}\n"))
        #expect(try Set(object(bytes).keys) == ["nodes", "edges", "paths", "disclaimer", "inputSHA256"])
        #expect(try renderer.render(graph, as: .json, annotations: plain) == bytes)
        var slashed = graph
        slashed.nodes[0].label = "a/b"
        let slashedText = String(decoding: try renderer.render(slashed, as: .json, annotations: plain), as: UTF8.self)
        #expect(slashedText.contains(#""a/b""#))
    }
}
