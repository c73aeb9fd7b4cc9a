import Foundation
import Testing
import TestSupport

@Suite("ddx walkthrough")
struct WalkthroughCommandTests {
    static let fixture = RepoFiles.coughCase
    /// The SmolLM2 model scripts/setup installs; the real-model run is skipped without it.
    static let modelPath = FileManager.default.homeDirectoryForCurrentUser
        .appendingPathComponent(".local/share/ddx/models/SmolLM2-135M-Instruct.Q4_1.gguf").path

    static func pageCount(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let pages = text.range(of: "/Type /Pages"), let count = text[pages.upperBound...].range(of: "/Count ") else { return nil }
        return Int(text[count.upperBound...].prefix { $0.isNumber })
    }

    @Test("--text writes the HTML, numbered XML frames and a PDF, and prints only the paths")
    func allOutputs() throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["walkthrough", "cough", "--text", Self.fixture, "-o", "out/w.html", "--frames", "frames",
                                 "--pdf", "handout.pdf"], in: dir, timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "out/w.html\nframes\nhandout.pdf\n")
            let html = String(decoding: try ScratchDirectory.bytes(dir.appendingPathComponent("out/w.html")), as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("A cough that will not settle"))
            #expect(html.contains("Content-Security-Policy") && html.contains("id=\"edge-cough--postnasal-drip\""))
            // The fixture has 5 paths with 14 hops: the case, 14 hops, the conclusion and the reference.
            let frames = try ScratchDirectory.contents(of: dir.appendingPathComponent("frames"))
            #expect(frames == (1...17).map { String(format: "frame-%03d.svg", $0) })
            for name in frames {
                let bytes = try ScratchDirectory.bytes(dir.appendingPathComponent("frames/" + name))
                let svg = try SVGInspection(bytes)
                #expect(svg.allText.contains("Step \(Int(name.dropFirst(6).prefix(3))!) of 17"))
            }
            let pdf = try ScratchDirectory.bytes(dir.appendingPathComponent("handout.pdf"))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            #expect(Self.pageCount(pdf) == 1 + 5 + 1)
            #expect(try ScratchDirectory.leftoverTempFiles(in: dir).isEmpty)
        }
    }

    @Test("without -o the page goes to ddx-out/walkthrough-CASE.html; a case file path works too")
    func defaultOutput() throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["walkthrough", "cough", "--text", Self.fixture], in: dir, timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "ddx-out/walkthrough-cough.html\n")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("ddx-out/walkthrough-cough.html").path))

            let caseFile = dir.appendingPathComponent("my-case.yaml")
            try "question: Why cough?\nanswer: Because, for teaching.\noptions: [Drip, Asthma]\n".write(to: caseFile, atomically: true, encoding: .utf8)
            let r2 = try DDx.run(["walkthrough", caseFile.path, "--text", Self.fixture, "--no-ontology"], in: dir, timeout: 120)
            #expect(r2.succeeded, "\(r2.err)")
            #expect(r2.out == "ddx-out/walkthrough-my-case.html\n")
            let html = String(decoding: try ScratchDirectory.bytes(dir.appendingPathComponent("ddx-out/walkthrough-my-case.html")), as: UTF8.self)
            #expect(html.contains("Why cough?") && html.contains("not checked"))
        }
    }

    @Test("a missing case, text or bad destination is one line on stderr, exit 1, nothing written")
    func badInput() throws {
        try ScratchDirectory.with { dir in
            let missing = try DDx.run(["walkthrough", "no-such-case", "--text", Self.fixture, "-o", "w.html"], in: dir)
            #expect(missing.exitCode == 1 && missing.errLines.count == 1)
            #expect(missing.err.hasPrefix("ddx: error: no-such-case: no such case file or case name"))
            #expect(missing.err.contains("cough"))
            let noText = try DDx.run(["walkthrough", "cough", "--text", "nope.txt", "-o", "w.html"], in: dir)
            #expect(noText.exitCode == 1 && noText.errLines.count == 1 && noText.err.contains("nope.txt"))
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("d.pdf"), withIntermediateDirectories: false)
            let badPDF = try DDx.run(["walkthrough", "cough", "--text", Self.fixture, "-o", "w.html", "--pdf", "d.pdf"], in: dir)
            #expect(badPDF.exitCode == 1 && badPDF.errLines.count == 1 && badPDF.err.contains("d.pdf"))
            #expect(try ScratchDirectory.contents(of: dir) == ["d.pdf"])
            let noTemplates = try DDx.run(["walkthrough", "cough", "--text", Self.fixture, "--templates", "no-such-dir"], in: dir)
            #expect(noTemplates.exitCode == 1 && noTemplates.errLines.count == 1 && noTemplates.err.contains("no-such-dir/walkthrough"))
            #expect(try ScratchDirectory.contents(of: dir) == ["d.pdf"])
            #expect(missing.out.isEmpty && noText.out.isEmpty && badPDF.out.isEmpty)
        }
    }

    @Test("--text excludes --model (usage error, exit 2)")
    func usage() throws {
        let r = try DDx.run(["walkthrough", "cough", "--text", Self.fixture, "--model", "m.gguf"])
        #expect(r.exitCode == 2 && r.err.contains("--text"))
    }

    @Test("with the installed SmolLM2 model, the model answers the case and the walkthrough is written",
          .enabled(if: FileManager.default.fileExists(atPath: modelPath)))
    func realModel() throws {
        try ScratchDirectory.with { dir in
            let r = try DDx.run(["walkthrough", "copd-ex-smoker", "--model", Self.modelPath, "--temperature", "0",
                                 "--max-tokens", "48", "-o", "w.html", "--pdf", "w.pdf"], in: dir, timeout: 300)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "w.html\nw.pdf\n")
            let html = String(decoding: try ScratchDirectory.bytes(dir.appendingPathComponent("w.html")), as: UTF8.self)
            #expect(html.contains("SmolLM2-135M-Instruct.Q4_1.gguf") && html.contains("Breathless ex-smoker"))
            #expect(try ScratchDirectory.bytes(dir.appendingPathComponent("w.pdf")).starts(with: Array("%PDF-".utf8)))
        }
    }
}
