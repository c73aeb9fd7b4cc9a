import Explorer
import Foundation
import Testing
import TestSupport

@Suite("Batch aggregate")
struct BatchAggregateTests {
    /// Runs the fixture JSONL through the whole job with the shipped ontology.
    static func runFixtures(in dir: URL) throws -> (BatchJob.Result, String) {
        let input = try BatchFixtures.write(BatchFixtures.jsonl, "in.jsonl", in: dir)
        let out = dir.appendingPathComponent("out").path
        let config = BatchJob.Configuration(input: input, output: out, fields: BatchFields(answer: "answer"), threads: 2)
        return (try BatchJob(configuration: config, ontology: BatchFixtures.ontology).run(cancellation: BatchCancellation()), out)
    }

    @Test("per-item records carry the known verdicts, answers and path data")
    func records() throws {
        try ScratchDirectory.with { dir in
            let (_, out) = try Self.runFixtures(in: dir)
            var records: [String: BatchItemRecord] = [:]
            try BatchRecordReader.read(path: out + "/items.jsonl", threads: 2) { records[$0.id] = $0 }
            #expect(records.count == 5)
            let a = try #require(records["a"])
            #expect(a.format == "medreason" && a.pathSource == .explicit && a.pathLengths == [3, 2, 2, 2])
            #expect(a.nodes.count == 6 && a.hops.count == 5 && a.groundedNodes == 5)
            #expect(a.verdicts == ["attested": 2, "attested-via-is-a": 1, "plausible": 0, "unattested": 1, "ungrounded": 1])
            #expect(a.unattestedHops == ["Fever -> Chest pain"])
            #expect(a.goldAnswer == "B" && a.agreement == true && a.finalAnswer == "The answer is B. Pneumonia.")
            #expect(a.sha256 == ReasoningInput.hexDigest(Array(BatchFixtures.textA.utf8)))
            let b = try #require(records["b"])
            #expect(b.verdicts["plausible"] == 1 && b.verdicts["unattested"] == 2 && b.agreement == false && b.warnings == 1)
            let m = try #require(records["m"])
            #expect(m.pathSource == .mined && m.verdicts["attested"] == 1 && m.goldAnswer == nil && m.agreement == nil)
            #expect(records["line 3"]?.error?.hasPrefix("invalid JSON") == true)
            #expect(records["no-text"]?.error?.contains("no text field") == true)
        }
    }

    @Test("the summary adds the fixtures up")
    func summary() throws {
        try ScratchDirectory.with { dir in
            let (result, _) = try Self.runFixtures(in: dir)
            let s = try #require(result.summary)
            #expect(s.items.total == 5 && s.items.analysed == 3 && s.items.errors == 2)
            #expect(s.errors.map(\.line) == [3, 4])
            #expect(s.textFields == ["text": 3])
            #expect(s.paths.explicitTexts == 2 && s.paths.minedTexts == 1 && s.paths.noPathTexts == 0)
            #expect(s.paths.explicitShare == 0.667 && s.paths.minedShare == 0.333)
            #expect(s.paths.total == 8)
            #expect(s.paths.length.histogram.map { [$0.value, $0.count] } == [[2, 7], [3, 1]])
            #expect(s.paths.perText.histogram.map { [$0.value, $0.count] } == [[1, 1], [3, 1], [4, 1]])
            // Out-degrees: a 0×1, 1×5; b 0×3, 1×1, 2×1; m (cough → pneumonia) 0×1, 1×1.
            #expect(s.branching.outDegree.histogram.map { [$0.value, $0.count] } == [[0, 5], [1, 7], [2, 1]])
            #expect(s.branching.nodes == 13 && s.branching.branchingShare == 0.077)
            #expect(s.grounding.nodes == 13 && s.grounding.grounded == 12 && s.grounding.rate == 0.923)
            #expect(s.verdicts.counts == ["attested": 3, "attested-via-is-a": 1, "plausible": 1, "unattested": 3, "ungrounded": 1])
            #expect(s.verdicts.hops == 9 && s.verdicts.shares["unattested"] == 0.333)
            // Two hops occur in two texts; ties keep the order of first appearance.
            #expect(s.topHops.prefix(2).map { "\($0.fromLabel) -> \($0.toLabel) \($0.texts) \($0.verdict ?? "-")" }
                        == ["Cough -> Pneumonia 2 attested", "Fever -> Chest pain 2 unattested"])
            #expect(s.topHops.first?.verdicts == ["attested": 2, "attested-via-is-a": 0, "plausible": 0, "unattested": 0, "ungrounded": 0])
            #expect(s.topUnattestedHops.map { "\($0.fromLabel) -> \($0.toLabel) \($0.texts)" } == ["Fever -> Chest pain 2", "Headache -> Cough 1"])
            #expect(Array(s.topNodes.prefix(3)).map { "\($0.id) \($0.texts)" } == ["cough 3", "pneumonia 3", "chest-pain 2"])
            #expect(s.topNodes.first?.concept == "ddx-core:cough")
            #expect(s.answers?.withGold == 2 && s.answers?.agreed == 1 && s.answers?.rate == 0.5)
            #expect(s.answers?.rule == BatchAggregate.agreementRule)
            // Text b ends mid-sentence (no final period): one parse warning.
            #expect(s.warnings.total == 1 && s.warnings.texts == 1)
            #expect(s.manifest?.ontology.first?.hasPrefix("ddx-core") == true)
        }
    }

    @Test("the report files are all written, and their numbers match the summary")
    func files() throws {
        try ScratchDirectory.with { dir in
            let (_, out) = try Self.runFixtures(in: dir)
            let names = try ScratchDirectory.contents(of: URL(fileURLWithPath: out))
            #expect(names == (BatchReportWriter.fileNames + ["items.jsonl", "manifest.json"]).sorted())
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
            #expect((json?["items"] as? [String: Any])?["total"] as? Int == 5)
            #expect((json?["disclaimer"] as? String) == BatchSummary.disclaimer)
            let md = String(decoding: try RepoFiles.bytes(out + "/summary.md"), as: UTF8.self)
            #expect(md.contains("not clinical advice"))
            #expect(md.contains("- Texts with an explicit path list: 2 (66.7%)"))
            #expect(md.contains("| Fever | Chest pain | 2 | unattested |"))
            #expect(md.contains("1 of 2 texts with a gold answer agree (50.0%)"))
            let csv = String(decoding: try RepoFiles.bytes(out + "/items.csv"), as: UTF8.self)
            let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.count == 7 && rows[0].hasPrefix("# Model-generated text") && rows[1].hasPrefix("id,line,error,"))
            #expect(rows[2].hasPrefix("a,1,,medreason,text,explicit,4,2.25,3,6,5,5,2,1,0,1,1,"))
            let hops = String(decoding: try RepoFiles.bytes(out + "/hops.csv"), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(hops[2] == "Cough,Pneumonia,cough,pneumonia,2,attested,2,0,0,0,0")
            #expect(hops[3] == "Fever,Chest pain,fever,chest-pain,2,unattested,0,0,0,2,0")
            for chart in ["chart-path-lengths.svg", "chart-branching.svg", "chart-verdicts.svg", "chart-top-nodes.svg"] {
                let svg = String(decoding: try RepoFiles.bytes(out + "/" + chart), as: UTF8.self)
                #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n") && svg.contains("not clinical advice"), "\(chart)")
                #expect(try SVGInspection(Array(svg.utf8)).allText.contains("not clinical advice"), "\(chart)")
            }
            #expect(try ScratchDirectory.leftoverTempFiles(in: URL(fileURLWithPath: out)).isEmpty)
        }
    }

    @Test("without an ontology there are no verdicts and the report says so")
    func noOntology() throws {
        try ScratchDirectory.with { dir in
            let input = try BatchFixtures.write(BatchFixtures.jsonl, "in.jsonl", in: dir)
            let out = dir.appendingPathComponent("out").path
            let result = try BatchJob(configuration: .init(input: input, output: out, threads: 1), ontology: nil)
                .run(cancellation: BatchCancellation())
            let s = try #require(result.summary)
            #expect(!s.grounding.ontology && s.verdicts.counts.isEmpty && s.paths.minedTexts == 0 && s.paths.noPathTexts == 1)
            #expect(s.topHops.first?.verdict == nil)
            let md = String(decoding: try RepoFiles.bytes(out + "/summary.md"), as: UTF8.self)
            #expect(md.contains("No ontology was loaded"))
        }
    }
}
