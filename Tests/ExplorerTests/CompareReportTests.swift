import Explorer
import Foundation
import GraphRendering
import Testing
import TestSupport

extension GraphvizBacked {
    /// The `ddx compare` page and exports through `CompareReport`: side by side texts, the merged graph with
    /// provenance, per-side verdicts, divergences and answers; hostile text inert; metadata of both runs everywhere.
    @Suite("Compare report")
    struct CompareReportTests {
        static let templates = RepoFiles.root.appendingPathComponent("Templates").path

        static let textA = """
        ## Thinking

        ### Finding Reasoning Paths:
        1. Cough -> Postnasal drip -> Antihistamines
        2. Cough -> Bacterial infection -> Antibiotics

        ### Conclusion:
        Postnasal drip.

        ## Final Response
        Treat postnasal drip with antihistamines.
        """

        static let textB = """
        ## Thinking

        ### Finding Reasoning Paths:
        1. Cough -> Postnasal drip -> Nasal steroids
        2. <script>alert(1)</script> -> Fever "]; x [label="pwn

        ### Conclusion:
        </script><script>alert(2)</script>

        ## Final Response
        Nasal steroids for postnasal drip.
        """

        static func comparison(ontology: Bool = true) async throws -> ReasoningComparison {
            let loaded = ontology ? try LoadedOntology.loadDefault() : nil
            let explorer = DiagnosisExplorer(configuration: ExplorerConfiguration(ontology: loaded), model: nil)
            let a = try await explorer.explore(.text(ReasoningInput(bytes: Array(textA.utf8), sourceName: "a.txt"), question: "Cough?"))
            let b = try await explorer.explore(.text(ReasoningInput(bytes: Array(textB.utf8), sourceName: "b </script>.txt")))
            return ComparisonBuilder().compare(a, b)
        }

        static func scripts(_ html: String) -> [(tag: String, body: String)] {
            html.matches(of: /(<script[^>]*>)(.*?)<\/script>/.dotMatchesNewlines()).map { (String($0.1), String($0.2)) }
        }

        @Test("the page: both texts, merged graph with sides, divergences, hop verdicts per side, answers; hostile text inert")
        func page() async throws {
            let c = try await Self.comparison()
            let report = try CompareReport(templatesDirectory: Self.templates)
            let html = try report.html(c, sideA: "model <one>", sideB: "seed 2")
            #expect(report.assets.problem(in: html) == nil)
            let scripts = Self.scripts(html)
            #expect(scripts.map(\.tag) == [#"<script type="application/json" id="ddx-data">"#,
                                           #"<script type="application/json" id="ddx-metadata">"#, "<script>"])
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"))
            #expect(html.contains("model &lt;one&gt;") && html.contains(#"id="text-a""#) && html.contains(#"id="text-b""#))
            #expect(html.contains("The final answers differ."))
            // Postnasal drip is in both, antihistamines only in A, nasal steroids only in B.
            #expect(html.contains(#"<g id="node-postnasal-drip" class="node ddx-node role-mechanism"#))
            let data = try #require(try JSONSerialization.jsonObject(with: Data(scripts[0].body.utf8)) as? [String: Any])
            let nodes = try #require(data["nodes"] as? [String: [String: Any]])
            #expect(nodes["node-postnasal-drip"]?["provenance"] as? String == "both")
            #expect(nodes["node-antihistamines"]?["provenance"] as? String == "only-a")
            #expect(nodes["node-nasal-steroids"]?["provenance"] as? String == "only-b")
            #expect((nodes["node-postnasal-drip"]?["linesA"] as? [Int]) == [4] && (nodes["node-postnasal-drip"]?["linesB"] as? [Int]) == [4])
            #expect(html.contains(#"class="node ddx-node role-mechanism kind-"#) && html.contains("prov-both"))
            // Where path 1 of each parts.
            #expect(html.contains("share <em>Cough → Postnasal drip</em>, then A goes to <strong class=\"only-a\">Antihistamines</strong> and B goes to <strong class=\"only-b\">Nasal steroids</strong>"))
            // Each side's verdict in the hop table.
            let shared = try #require(c.hops.first { $0.provenance == .both })
            #expect(shared.verdictA != nil && shared.verdictA == shared.verdictB)
            #expect(html.contains(#"data-edge="edge-cough--postnasal-drip""#))
            // Both runs' metadata.
            let metadata = try #require(try JSONSerialization.jsonObject(with: Data(scripts[1].body.utf8)) as? [String: Any])
            #expect((metadata["a"] as? [String: Any])?["inputName"] as? String == "a.txt")
            #expect((metadata["b"] as? [String: Any])?["inputName"] as? String == "b </script>.txt")
            #expect((metadata["comparison"] as? [String: Any])?["answers"] as? String == "disagree")
            #expect(!scripts[1].body.contains("<"))
        }

        @Test("exports: SVG and DOT with provenance and both runs' metadata, all written or none")
        func exports() async throws {
            let c = try await Self.comparison()
            let report = try CompareReport(templatesDirectory: Self.templates)
            let svg = String(decoding: try report.export(c, sideA: "A", sideB: "B", as: .svg), as: UTF8.self)
            #expect(svg.contains("prov-only-a") && svg.contains("prov-only-b") && svg.contains("<metadata id=\"ddx-run-metadata\">"))
            #expect(!svg.contains("<script>alert"))
            let dot = String(decoding: try report.export(c, sideA: "A", sideB: "B", as: .dot), as: UTF8.self)
            #expect(dot.contains("#0072B2") && dot.contains("#D55E00"))
            #expect(dot.contains(#""comparison":{"#) && dot.contains(#""inputName":"a.txt""#))
            try ScratchDirectory.with { dir in
                let page = dir.appendingPathComponent("c.html").path
                let written = try report.write(c, sideA: "A", sideB: "B", to: page, exports: [.svg, .dot, .json])
                #expect(written == [".svg", ".dot", ".json"].map { dir.appendingPathComponent("c\($0)").path })
                #expect(try ScratchDirectory.contents(of: dir) == ["c.dot", "c.html", "c.json", "c.svg"])
                #expect(throws: (any Error).self) {
                    try report.write(c, sideA: "A", sideB: "B", to: dir.appendingPathComponent("x.svg").path, exports: [.svg])
                }
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
            }
        }

        @Test("without an ontology nodes still merge by name and the page says hops are not verified")
        func ungrounded() async throws {
            let c = try await Self.comparison(ontology: false)
            #expect(c.node("postnasal-drip")?.provenance == .both)
            let html = try CompareReport(templatesDirectory: Self.templates).html(c, sideA: "A", sideB: "B")
            #expect(html.contains("No ontology loaded: hops are not verified."))
        }
    }
}

@Suite struct ComparisonRunPlanTests {
    @Test func twoSeedsOneModel() throws {
        let plan = try ComparisonRunPlan(models: [], endpoints: [], seeds: [1, 2])
        #expect(plan.a.seed == 1 && plan.b.seed == 2 && plan.a.model == nil && plan.b.model == nil)
        #expect(plan.a.name == "seed 1" && plan.b.name == "seed 2")
    }

    @Test func twoModelsShareOneSeed() throws {
        let plan = try ComparisonRunPlan(models: ["/m/x.gguf", "/m/y.gguf"], endpoints: [], seeds: [], randomSeed: 42)
        #expect(plan.a.seed == 42 && plan.b.seed == 42)
        #expect(plan.a.name == "x.gguf" && plan.b.name == "y.gguf")
        let both = try ComparisonRunPlan(models: ["x.gguf", "y.gguf"], endpoints: [], seeds: [3, 4])
        #expect(both.a.name == "x.gguf · seed 3" && both.b.name == "y.gguf · seed 4")
        let servers = try ComparisonRunPlan(models: ["m"], endpoints: ["http://h1/v1", "http://h2/v1"], seeds: [5])
        #expect(servers.a.name == "m @ http://h1/v1" && servers.b.endpoint == "http://h2/v1")
    }

    @Test func refusals() {
        #expect { try ComparisonRunPlan(models: ["x"], endpoints: [], seeds: [1]) } throws: {
            "\($0)".contains("both sides would be the same run")
        }
        #expect { try ComparisonRunPlan(models: [], endpoints: [], seeds: [1, 2, 3]) } throws: {
            "\($0)" == "--seed was given 3 times; compare takes at most two (one per side)"
        }
        #expect { try ComparisonRunPlan(models: [], endpoints: ["http://h/v1"], seeds: [1, 2]) } throws: {
            "\($0)".contains("--endpoint needs --model NAME for side A")
        }
    }
}
