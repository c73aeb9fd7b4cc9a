import Explorer
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphRendering
import Inference
import Testing
import TestSupport

extension GraphvizBacked {
    /// The HTML report and the exports of `ddx explore`, through `ExploreReport` (Graphviz renders the graph).
    @Suite("Explore report")
    struct ExploreReportTests {
        static let reportDirectory = RepoFiles.root.appendingPathComponent("Templates/report").path
        static let ontologyPath = RepoFiles.root.appendingPathComponent("Ontologies").path

        /// Model text written to break out of every output.
        static let hostileText = """
        ## Thinking

        ### Finding Reasoning Paths:
        1. <script>alert(1)</script> -> Diagnosis "]; x [label="pwn -> javascript:alert(2)
        2. </script><img src=x onerror=alert(3)> -> {{title}} {{{svg}}} -> Cough
        3. Cough -> Fever

        ### Conclusion:
        <a href="javascript:alert(4)">click</a> **</style>** %% }}%% */

        ## Final Response
        </script><script>alert(5)</script>
        """

        static func exploration(_ text: String = hostileText, question: String? = "Q <script>alert(6)</script> */",
                                ontology: Bool = false) throws -> Exploration {
            let input = ReasoningInput(bytes: Array(text.utf8), sourceName: "hostile </script>.txt")
            var metadata = RunMetadata(inputName: input.sourceName, inputSHA256: input.sha256)
            metadata.question = question
            let index = ontology ? try LoadedOntology.load(paths: [ontologyPath]).index : nil
            return Exploration(analysis: TextAnalysis(input: input, ontology: index), generation: nil, metadata: metadata,
                               question: question, medicalCase: nil)
        }

        static func report() throws -> ExploreReport { try ExploreReport(reportDirectory: reportDirectory) }

        /// The bodies of the page's `<script>` elements, with their start tags.
        static func scripts(_ html: String) -> [(tag: String, body: String)] {
            html.matches(of: /(<script[^>]*>)(.*?)<\/script>/.dotMatchesNewlines()).map { (String($0.1), String($0.2)) }
        }

        /// Base64 of the SHA-256 of `text` (from ddx's hex digest, so the test needs no crypto library of its own).
        static func sha256Base64(_ text: String) -> String {
            let hex = Array(ReasoningInput.hexDigest(Array(text.utf8)))
            let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(hex[$0...($0 + 1)]), radix: 16)! }
            return Data(bytes).base64EncodedString()
        }

        @Test("hostile model text stays text in the HTML: three scripts only, no handlers, no URLs, JSON blocks inert")
        func hostileHTML() throws {
            let e = try Self.exploration(ontology: true)
            let html = try Self.report().html(e)
            let scripts = Self.scripts(html)
            #expect(scripts.map(\.tag) == [#"<script type="application/json" id="ddx-data">"#,
                                           #"<script type="application/json" id="ddx-metadata">"#, "<script>"])
            #expect(html.components(separatedBy: "<script").count == 4)
            #expect(html.components(separatedBy: "<style").count == 2)
            // No tag has a link, a source or an event handler (attribute values, where escaped model text may sit, aside).
            for tag in html.matches(of: /<[a-zA-Z][^>]*>/) {
                let names = String(tag.0).replacing(/"[^"]*"/, with: "\"\"")
                #expect(names.firstMatch(of: /\s(href|src|on[a-z]+|style)\s*=/.ignoresCase()) == nil, "\(tag.0)")
            }
            #expect(!html.contains("<img") && !html.contains("<iframe"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("{{title}} {{{svg}}}"), "template syntax in model text is shown, not expanded")
            #expect(html.contains("Q &lt;script&gt;alert(6)&lt;/script&gt; */"))
            // The JSON blocks parse back to the original text.
            let data = try #require(try JSONSerialization.jsonObject(with: Data(scripts[0].body.utf8)) as? [String: Any])
            let labels = ((data["nodes"] as? [String: [String: Any]]) ?? [:]).values.compactMap { $0["label"] as? String }
            #expect(labels.contains("<script>alert(1)</script>"))
            #expect(labels.contains("</script><img src=x onerror=alert(3)>"))
            #expect(!scripts[0].body.contains("<") && !scripts[1].body.contains("<"))
            let metadata = try #require(try JSONSerialization.jsonObject(with: Data(scripts[1].body.utf8)) as? [String: Any])
            #expect(metadata["question"] as? String == "Q <script>alert(6)</script> */")
            #expect(metadata["inputName"] as? String == "hostile </script>.txt")
            // The inline SVG has the node ids the script addresses.
            for id in (data["nodes"] as? [String: Any] ?? [:]).keys { #expect(html.contains("<g id=\"\(id)\"")) }
        }

        @Test("the Content-Security-Policy allows exactly the inline style and script by their SHA-256")
        func contentSecurityPolicy() throws {
            let html = try Self.report().html(try Self.exploration())
            let csp = try #require(html.firstMatch(of: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)).1
            let policy = String(csp).replacingOccurrences(of: "&#39;", with: "'")
            #expect(policy.hasPrefix("default-src 'none'; "))
            #expect(policy.contains("img-src data:"))
            let style = try #require(html.firstMatch(of: /<style>(.*?)<\/style>/.dotMatchesNewlines())).1
            let script = try #require(Self.scripts(html).last).body
            #expect(policy.contains("style-src 'sha256-\(Self.sha256Base64(String(style)))'"))
            #expect(policy.contains("script-src 'sha256-\(Self.sha256Base64(script))'"))
            #expect(!policy.contains("unsafe"))
            #expect(html.firstRange(of: "Content-Security-Policy")!.lowerBound < html.firstRange(of: "<style>")!.lowerBound)
            #expect(html.contains(RunMetadata.disclaimer.replacingOccurrences(of: "\"", with: "&quot;")))
        }

        @Test("a template folder whose page adds a script or drops the policy is refused")
        func badTemplates() throws { try ScratchDirectory.with { dir in
            for name in ["report.css", "report.js", "summary.mustache", "case.mustache", "block.mustache",
                         "block-body.mustache", "metadata.mustache"] {
                try FileManager.default.copyItem(atPath: Self.reportDirectory + "/" + name, toPath: dir.path + "/" + name)
            }
            let page = try String(contentsOfFile: Self.reportDirectory + "/report.mustache", encoding: .utf8)
            try page.replacingOccurrences(of: "</body>", with: "<script>alert(1)</script></body>")
                .write(toFile: dir.path + "/report.mustache", atomically: true, encoding: .utf8)
            let e = try Self.exploration()
            #expect { try ExploreReport(reportDirectory: dir.path).html(e) } throws: { "\($0)".contains("report.js exactly once") }
            try page.replacingOccurrences(of: "http-equiv=\"Content-Security-Policy\"", with: "name=\"x\"")
                .write(toFile: dir.path + "/report.mustache", atomically: true, encoding: .utf8)
            #expect { try ExploreReport(reportDirectory: dir.path).html(e) } throws: { "\($0)".contains("Content-Security-Policy") }
            try "body{}</style><script>x</script>".write(toFile: dir.path + "/report.css", atomically: true, encoding: .utf8)
            #expect { try ExploreReport(reportDirectory: dir.path) } throws: { "\($0)".contains("report.css: contains </style") }
            try FileManager.default.removeItem(atPath: dir.path + "/report.js")
            #expect(throws: InputError.self) { try ExploreReport(reportDirectory: dir.path) }
        } }

        @Test("every export carries the run metadata, and hostile text stays inert in each")
        func exports() throws {
            let e = try Self.exploration(ontology: true)
            let report = try Self.report()
            let inert = RunMetadataEmbedding.inertJSON(e.metadata.json())

            let svg = try report.export(e, as: .svg)
            let inspected = try SVGInspection(svg)
            let svgText = String(decoding: svg, as: UTF8.self)
            #expect(!svgText.contains("<script") && !svgText.contains("href"))
            #expect(inspected.texts.contains { $0.contains("<script>alert(1)</script>") } || inspected.tooltips.contains { $0.contains("<script>alert(1)</script>") })
            let document = try XMLDocument(data: Data(svg), options: [.nodeLoadExternalEntitiesNever])
            #expect(try document.nodes(forXPath: "//*[local-name()='metadata']").first?.stringValue == inert)

            let dot = String(decoding: try report.export(e, as: .dot), as: UTF8.self)
            #expect(dot.contains("/* ddx run metadata (JSON): \(inert) */\n"))
            // The comment closes only at its end (a `*/` in the title sits inside a quoted DOT string).
            let commentLine = try #require(dot.split(separator: "\n").first { $0.hasPrefix("/* ddx run metadata") })
            #expect(commentLine.components(separatedBy: "*/").count == 2 && commentLine.hasSuffix(" */"))
            #expect(dot.contains(#"label="Diagnosis \"]; x [label=\"pwn""#) || dot.contains(#"Diagnosis \"]; x [label=\"pwn"#))

            let mermaid = String(decoding: try report.export(e, as: .mmd), as: UTF8.self)
            #expect(mermaid.contains("%% ddx run metadata (JSON): \(inert)\n"))
            #expect(!mermaid.lowercased().contains("<script"))

            let json = try #require(try JSONSerialization.jsonObject(with: Data(try report.export(e, as: .json))) as? [String: Any])
            #expect((json["metadata"] as? [String: Any])?["question"] as? String == e.metadata.question)

            let png = try report.export(e, as: .png)
            #expect(String(decoding: png, as: UTF8.self).contains("ddx-run-metadata"))
            let pdf = String(decoding: try report.export(e, as: .pdf), as: UTF8.self)
            #expect(pdf.contains("/DDxRunMetadata <FEFF"))
        }

        @Test("write: the report and its exports beside it, all or nothing")
        func writeAllOrNothing() throws { try ScratchDirectory.with { dir in
            let e = try Self.exploration(ontology: true)
            let report = try Self.report()
            let html = dir.appendingPathComponent("out/r.html").path
            let written = try report.write(e, to: html, exports: [.svg, .json, .mmd])
            #expect(written == ["svg", "json", "mmd"].map { dir.appendingPathComponent("out/r.\($0)").path })
            #expect(try ScratchDirectory.contents(of: dir.appendingPathComponent("out")) == ["r.html", "r.json", "r.mmd", "r.svg"])

            // One target is a directory: nothing is written, no temporary file is left.
            let blocked = dir.appendingPathComponent("blocked")
            try FileManager.default.createDirectory(at: blocked.appendingPathComponent("b.svg"), withIntermediateDirectories: true)
            #expect(throws: InputError.self) { try report.write(e, to: blocked.appendingPathComponent("b.html").path, exports: [.json, .svg]) }
            #expect(try ScratchDirectory.contents(of: blocked) == ["b.svg"])
            #expect(throws: InputError.self) { try report.write(e, to: dir.appendingPathComponent("x.svg").path, exports: [.svg]) }
        } }

        @Test("a text without paths still gets a report, with no graph")
        func noPaths() throws {
            let e = try Self.exploration("Just prose, no paths at all.\n", question: nil)
            let html = try Self.report().html(e)
            #expect(!html.contains("<svg"))
            #expect(html.contains("No reasoning paths were found"))
            #expect(html.contains(#"data-line="1""#))
        }

        @Test("explore end to end with a fake model: generate, parse, ground, report")
        func endToEndWithFakeModel() async throws {
            let fake = FakeLanguageModel(text: """
            1. Cough -> Postnasal drip -> Antihistamines
            2. Cough -> Asthma -> Inhaled corticosteroids

            ### Reasoning Process:
            Postnasal drip is a common cause.

            ### Conclusion:
            Treat the drip.

            ## Final Response
            Antihistamines.
            """)
            let template = PromptTemplate(name: "medreason", system: "Answer with paths.",
                                          prefill: "## Thinking\n\n### Finding Reasoning Paths:\n")
            let ontology = try LoadedOntology.load(paths: [Self.ontologyPath])
            let explorer = DiagnosisExplorer(
                configuration: ExplorerConfiguration(promptTemplate: template, parameters: GenerationParameters(temperature: 0, seed: 3),
                                                     ontology: ontology),
                model: LoadedLanguageModel(model: fake, identity: ModelIdentity(engine: "fake", name: "canned"), loadSeconds: 0))
            let c = MedicalCase(id: "cough", title: "Persistent cough", question: "How to stop a cough?", answer: "Treat the cause.")
            let e = try await explorer.explore(.medicalCase(c))
            #expect(e.analysis.graph.paths.count == 2)
            try ScratchDirectory.with { dir in
                let path = dir.appendingPathComponent("cough.html").path
                try Self.report().write(e, to: path, exports: [.json])
                let html = try String(contentsOfFile: path, encoding: .utf8)
                #expect(html.contains("<h1>Persistent cough</h1>"))
                #expect(html.contains("Generated by canned"))
                #expect(html.contains("Reference answer"))
                #expect(html.contains("Treat the cause."))
                #expect(html.contains(#"<details class="block block-thinking" open>"#))
                #expect(html.contains(#"<section class="block block-final_response block-final">"#))
                #expect(html.contains(#"<g id="node-cough" class="node ddx-node role-finding kind-"#))
                #expect(html.contains("attested"))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("cough.json"))) as? [String: Any])
                let metadata = try #require(json["metadata"] as? [String: Any])
                #expect(metadata["caseID"] as? String == "cough")
                #expect((metadata["model"] as? [String: Any])?["name"] as? String == "canned")
            }
        }
    }
}
