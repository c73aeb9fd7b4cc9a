import Foundation
import Testing
import TestSupport

@Suite("ddx graph")
struct GraphCommandTests {
    @Test("JSON has nodes, edges, paths, the disclaimer and the input's SHA-256")
    func keys() throws {
        let result = try DDx.run(["graph", RepoFiles.coughCase])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.stderr.isEmpty)
        let object = try Check.jsonObject(result.stdout)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let edges = try #require(object["edges"] as? [[String: Any]])
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(object["disclaimer"] as? String == "Model-generated reasoning, not clinical advice")
        #expect(object["source"] as? String == RepoFiles.coughCase)
        let digest = try #require(object["inputSHA256"] as? String)
        #expect(Check.isLowerHexSHA256(digest), "\(digest)")
        #expect(nodes.count == 13 && edges.count == 14 && paths.count == 5)
        let ids = nodes.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == nodes.count)
        for edge in edges {
            #expect(ids.contains(edge["from"] as? String ?? "") && ids.contains(edge["to"] as? String ?? ""))
        }
        for path in paths {
            #expect((path["nodes"] as? [String] ?? []).allSatisfy(ids.contains))
        }
        // "Symptom relief" ends paths 1, 3 and 5: one node listing all three.
        let relief = try #require(nodes.first { $0["label"] as? String == "Symptom relief" })
        #expect(relief["paths"] as? [Int] == [1, 3, 5])
        #expect(relief["role"] as? String == "conclusion")
    }

    @Test("the SHA-256 is the file's, and the same whether the bytes come from the file or stdin")
    func digest() throws {
        let path = RepoFiles.fixture("medreason_data")
        let fromFile = try Check.jsonObject(try DDx.run(["graph", path]).stdout)
        let fromStdin = try Check.jsonObject(try DDx.run(["graph", "-"], stdin: try RepoFiles.bytes(path)).stdout)
        let digest = try #require(fromFile["inputSHA256"] as? String)
        #expect(Check.isLowerHexSHA256(digest))
        #expect(fromStdin["inputSHA256"] as? String == digest)
        #expect(fromStdin["source"] as? String == "stdin")
        // Different bytes, different digest.
        let other = try Check.jsonObject(try DDx.run(["graph", "-"], stdin: try RepoFiles.bytes(path) + [0x0A]).stdout)
        #expect(other["inputSHA256"] as? String != digest)
        if let expected = try Check.sha256sum(path) {
            #expect(digest == expected)
        }
    }

    @Test("the output is byte-identical across runs (stable node ids)", arguments: ["medreason_data", "medverse", "kg_raw"])
    func deterministic(fixture: String) throws {
        let first = try DDx.run(["graph", RepoFiles.fixture(fixture)])
        let second = try DDx.run(["graph", RepoFiles.fixture(fixture)])
        #expect(first.succeeded && second.succeeded)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test("the same JSON as render -o FILE.json")
    func sameAsRenderJSON() throws {
        try ScratchDirectory.with { dir throws in
            let graph = try DDx.run(["graph", RepoFiles.coughCase, "-o", "graph.json"], in: dir)
            let render = try DDx.run(["render", RepoFiles.coughCase, "-o", "render.json"], in: dir)
            #expect(graph.succeeded && render.succeeded)
            #expect(graph.stdout.isEmpty)
            let a = try RepoFiles.bytes(dir.appendingPathComponent("graph.json").path)
            #expect(!a.isEmpty)
            #expect(a == (try RepoFiles.bytes(dir.appendingPathComponent("render.json").path)))
        }
    }

    @Test("a text without paths gives an empty graph, not an error")
    func emptyGraph() throws {
        let result = try DDx.run(["graph", RepoFiles.fixture("huatuo")])
        #expect(result.succeeded)
        let object = try Check.jsonObject(result.stdout)
        #expect((object["nodes"] as? [Any])?.isEmpty == true)
        #expect((object["edges"] as? [Any])?.isEmpty == true)
    }
}
