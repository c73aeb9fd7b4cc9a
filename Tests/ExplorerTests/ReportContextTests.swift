import Explorer
import Foundation
import GraphRendering
import Testing
import TestSupport

@Suite("Report context from an exploration")
struct ReportContextTests {
    /// A MedReason-style text whose sections and lines are known.
    static let text = """
    ## Thinking

    ### Finding Reasoning Paths:
    1. Cough -> Postnasal drip -> Antihistamines
    2. Cough -> Asthma -> Inhaled corticosteroids

    ### Reasoning Process:
    Postnasal drip is **common**.

    ### Conclusion:
    Treat the drip.

    ## Final Response
    Antihistamines.
    """

    static func exploration(_ text: String = text, question: String? = "How to stop a cough?",
                            medicalCase: MedicalCase? = nil) -> Exploration {
        let input = ReasoningInput(bytes: Array(text.utf8), sourceName: "hand-made.txt")
        var metadata = RunMetadata(inputName: input.sourceName, inputSHA256: input.sha256)
        metadata.question = question
        return Exploration(analysis: TextAnalysis(input: input), generation: nil, metadata: metadata, question: question,
                           medicalCase: medicalCase)
    }

    static func dataJSON(_ context: [String: Any]) throws -> [String: Any] {
        let text = try #require(context["dataJSON"] as? String)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("blocks follow the top-level sections; every line is there, numbered as the parser numbers it")
    func blocks() throws {
        let context = ReportContextBuilder(Self.exploration()).context(inlineSVG: nil)
        let blocks = try #require(context["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["kind"] as? String } == ["thinking", "final_response"])
        #expect(blocks[0]["collapsible"] as? Bool == true && blocks[0]["isFinal"] as? Bool == false)
        #expect(blocks[1]["collapsible"] as? Bool == false && blocks[1]["isFinal"] as? Bool == true)
        #expect(blocks[0]["title"] as? String == "Thinking" && blocks[1]["title"] as? String == "Final Response")
        let raw = blocks.flatMap { ($0["rawLines"] as? [[String: Any]]) ?? [] }
        #expect(raw.compactMap { $0["n"] as? Int } == Array(1...14))
        #expect(raw[3]["text"] as? String == "1. Cough -> Postnasal drip -> Antihistamines")
        #expect(blocks[1]["startLine"] as? Int == 13 && blocks[1]["range"] as? String == "lines 13–14")
        let markdown = try #require(blocks[0]["markdown"] as? String)
        #expect(markdown.contains(#"data-line="4">Cough -&gt; Postnasal drip -&gt; Antihistamines</li>"#))
        #expect(markdown.contains("<strong>common</strong>"))
    }

    @Test("summary, paths and the script's data: nodes and hops by SVG id with their lines")
    func summaryAndData() throws {
        let medicalCase = MedicalCase(id: "cough", title: "Persistent cough", vignette: "A teacher coughs.",
                                      question: "How to stop a cough?", options: [.init(letter: "A", text: "Honey")],
                                      answer: "Treat the cause.", teachingPoints: ["Most coughs are viral."])
        let context = ReportContextBuilder(Self.exploration(medicalCase: medicalCase)).context(inlineSVG: "<svg></svg>")
        #expect(context["title"] as? String == "Persistent cough")
        #expect(context["subtitle"] as? String == "Text read from hand-made.txt")
        #expect(context["hasGraph"] as? Bool == true && context["svg"] as? String == "<svg></svg>")
        let summary = try #require(context["summary"] as? [String: Any])
        #expect(summary["paths"] as? Int == 2 && summary["nodes"] as? Int == 5 && summary["hops"] as? Int == 4)
        #expect(summary["finalAnswer"] as? String == "Antihistamines.")
        #expect(summary["grounding"] == nil)
        let c = try #require(context["case"] as? [String: Any])
        #expect(c["answer"] as? String == "Treat the cause." && c["hasOptions"] as? Bool == true)
        #expect(c["hasSource"] as? Bool == false && c["source"] as? String == "")
        let paths = try #require(context["paths"] as? [[String: Any]])
        #expect(paths.map { $0["text"] as? String } == ["Cough → Postnasal drip → Antihistamines",
                                                         "Cough → Asthma → Inhaled corticosteroids"])
        #expect(paths.map { $0["line"] as? Int } == [4, 5])

        let data = try Self.dataJSON(context)
        let nodes = try #require(data["nodes"] as? [String: [String: Any]])
        #expect(Set(nodes.keys) == ["node-cough", "node-postnasal-drip", "node-antihistamines", "node-asthma",
                                    "node-inhaled-corticosteroids"])
        #expect(nodes["node-cough"]?["lines"] as? [Int] == [4, 5])
        #expect(nodes["node-cough"]?["paths"] as? [Int] == [1, 2])
        let edges = try #require(data["edges"] as? [String: [String: Any]])
        #expect(edges["edge-cough--asthma"]?["lines"] as? [Int] == [5])
        #expect(edges["edge-cough--asthma"]?["from"] as? String == "node-cough")
        let dataPaths = try #require(data["paths"] as? [[String: Any]])
        #expect(dataPaths[0]["edges"] as? [String] == ["edge-cough--postnasal-drip", "edge-postnasal-drip--antihistamines"])
        #expect(data["lineToPaths"] as? [String: [Int]] == ["4": [1], "5": [2]])
        #expect(data["grounded"] as? Bool == false)
        let rows = try #require(context["metadataRows"] as? [[String: String]])
        #expect(rows.contains { $0["label"] == "input SHA-256" })
    }

    @Test("with an ontology: verdict counts, concepts in the data, evidence on hops")
    func grounded() throws {
        let ontology = try LoadedOntology.load(paths: [RepoFiles.root.appendingPathComponent("Ontologies").path])
        let input = ReasoningInput(bytes: Array(Self.text.utf8), sourceName: "hand-made.txt")
        let analysis = TextAnalysis(input: input, ontology: ontology.index)
        let e = Exploration(analysis: analysis, generation: nil,
                            metadata: RunMetadata(inputName: "hand-made.txt", inputSHA256: input.sha256),
                            question: nil, medicalCase: nil)
        let context = ReportContextBuilder(e).context(inlineSVG: nil)
        let grounding = try #require((context["summary"] as? [String: Any])?["grounding"] as? [String: Any])
        let verdicts = try #require(grounding["verdicts"] as? [[String: Any]])
        #expect(verdicts.map { $0["verdict"] as? String } == ["attested", "attested-via-is-a", "plausible", "unattested", "ungrounded"])
        #expect(verdicts.compactMap { $0["count"] as? Int }.reduce(0, +) == 4)
        let data = try Self.dataJSON(context)
        let cough = try #require((data["nodes"] as? [String: [String: Any]])?["node-cough"])
        let concept = try #require(cough["concept"] as? [String: Any])
        #expect(concept["label"] as? String == "Cough" && concept["id"] != nil && concept["score"] != nil)
        let edges = try #require(data["edges"] as? [String: [String: Any]])
        #expect(edges.values.allSatisfy { $0["verdict"] is String })
        #expect(data["grounded"] as? Bool == true)
        #expect((context["attestedNote"] as? String)?.contains("ddx-core") == true)
    }

    @Test("lines are split as the parser counts them: CRLF, bare CR, BOM, UTF-16, no trailing empty line")
    func lineEnds() throws {
        for (bytes, expected) in [
            (Array("a\r\nb\r\n".utf8), ["a", "b"]),
            (Array("a\rb\r".utf8), ["a", "b"]),
            ([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8), ["a", "b"]),
            ([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x62, 0x00], ["a", "b"]),
            (Array("a\n\nb\n".utf8), ["a", "", "b"]),
        ] as [([UInt8], [String])] {
            let input = ReasoningInput(bytes: bytes, sourceName: "x")
            let e = Exploration(analysis: TextAnalysis(input: input), generation: nil,
                                metadata: RunMetadata(inputName: "x", inputSHA256: input.sha256), question: nil, medicalCase: nil)
            let blocks = try #require(ReportContextBuilder(e).context(inlineSVG: nil)["blocks"] as? [[String: Any]])
            let raw = blocks.flatMap { ($0["rawLines"] as? [[String: Any]]) ?? [] }
            #expect(raw.compactMap { $0["text"] as? String } == expected)
            #expect(raw.count == e.analysis.parsed.lineCount)
        }
    }

    @Test("default report paths and slugs")
    func defaultPaths() {
        #expect(ExploreReport.defaultOutputPath(textPath: "Cases/cough-medreason8b.txt", caseID: "cough", question: "Q") == "ddx-out/cough-medreason8b.html")
        #expect(ExploreReport.defaultOutputPath(textPath: nil, caseID: "cough", question: "Q") == "ddx-out/cough.html")
        #expect(ExploreReport.defaultOutputPath(textPath: nil, caseID: nil, question: "How to stop a cough?") == "ddx-out/how-to-stop-a-cough.html")
        #expect(ExploreReport.defaultOutputPath(textPath: "-", caseID: nil, question: nil) == "ddx-out/stdin.html")
        #expect(ExploreReport.defaultOutputPath(textPath: nil, caseID: nil, question: "???") == "ddx-out/explore.html")
        #expect(ExploreReport.slug("../../etc/passwd") == "etc-passwd")
        #expect(ExploreReport.slug(String(repeating: "word ", count: 40)).count <= 60)
    }

    @Test("export lists")
    func exportLists() throws {
        #expect(try ExportSet.formats("svg, PNG,json,svg") == [.svg, .png, .json])
        #expect(try ExportSet.formats("all") == DiagramFormat.allCases)
        #expect(try ExportSet.formats("mermaid,gv") == [.mmd, .dot])
        #expect(throws: InputError.self) { try ExportSet.formats("svg,exe") }
        #expect(ExportSet.paths(report: "out/r.html", formats: [.svg, .mmd]).map(\.path) == ["out/r.svg", "out/r.mmd"])
    }
}
