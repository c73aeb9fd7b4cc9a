import Foundation
import Testing
import TestSupport

@Suite("Grounded graph and render")
struct GroundedRenderTests {
    let fixture = RepoFiles.ontologyFixture("native-small.xml")

    @Test("graph JSON carries node concepts and hop verdicts")
    func graphGrounding() throws {
        let result = try DDx.run(["graph", RepoFiles.coughCase])
        #expect(result.succeeded, "\(result.err)")
        let object = try Check.jsonObject(result.stdout)
        let grounding = try #require(object["grounding"] as? [String: Any])
        let nodes = try #require(grounding["nodes"] as? [String: [String: Any]])
        #expect(nodes["cough"]?["conceptID"] as? String == "ddx-core:cough")
        #expect(nodes["cough"]?["type"] as? String == "symptom")
        let edges = try #require(grounding["edges"] as? [[String: Any]])
        #expect(edges.count == 14)
        let verdicts = Set(edges.compactMap { $0["verdict"] as? String })
        #expect(verdicts.isSubset(of: ["attested", "attested-via-is-a", "plausible", "unattested", "ungrounded"]))
        #expect(verdicts.contains("attested"))
        #expect((grounding["sources"] as? [String])?.first?.hasPrefix("ddx-core") == true)
    }

    @Test("--no-ontology gives the plain graph")
    func noOntology() throws {
        let object = try Check.jsonObject(try DDx.run(["graph", RepoFiles.coughCase, "--no-ontology"]).stdout)
        #expect(object["grounding"] == nil)
    }

    @Test("SVG shows concept ids, verdict styles and the meaning of attested")
    func svg() throws {
        let result = try DDx.run(["render", RepoFiles.coughCase, "-o", "-", "--format", "svg"])
        #expect(result.succeeded, "\(result.err)")
        let texts = try SVGInspection(result.stdout).texts
        #expect(texts.contains("ddx-core:cough"))
        #expect(texts.contains { $0.contains("not a judgement of correctness") })
    }

    @Test("prose without a path list is mined into chains when an ontology is loaded")
    func minedProse() throws {
        let text = """
        ## Thinking

        The productive cough and fever suggest pneumonia. Pneumonia often leads to dyspnea.

        ## Final Response

        Pneumonia is likely.
        """
        let result = try DDx.run(["render", "-", "-o", "m.json", "--ontology", fixture], stdin: Array(text.utf8))
        #expect(result.succeeded, "\(result.err)")
        #expect(result.err.contains("from 2 mined paths"))
        let graph = try DDx.run(["graph", "-", "--ontology", fixture], stdin: Array(text.utf8))
        let object = try Check.jsonObject(graph.stdout)
        let labels = (object["nodes"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(labels.count == 4)
        #expect(labels.contains("productive cough") && labels.contains("fever") && labels.contains("dyspnea"))
        let paths = object["paths"] as? [[String: Any]] ?? []
        #expect(paths.count == 2)
        #expect(paths.first?["label"] as? String == "mined")
    }
}
