import Foundation
import Testing
import TestSupport

/// `ddx explore` run as a user would: `--text` without a model, `--case` + `--text`, bad input, and one run of the
/// real default model when `scripts/setup` installed it.
@Suite("ddx explore")
struct ExploreCommandTests {
    static let caseYAML = """
    title: Persistent cough
    vignette: A 34-year-old teacher has had a dry cough for three weeks after a cold.
    question: How to stop a cough?
    options: [Expectorants, Antibiotics]
    answer: Treat the cause; honey and hydration; expectorants for productive cough.
    teaching_points: [Most acute coughs are viral and self-limiting.]
    source: test fixture
    """

    static let modelPath: String? = {
        let env = ProcessInfo.processInfo.environment
        let dir = env["DDX_MODEL_DIR"] ?? ((env["XDG_DATA_HOME"].map { $0 + "/ddx" } ?? NSHomeDirectory() + "/.local/share/ddx") + "/models")
        let path = dir + "/SmolLM2-135M-Instruct.Q4_1.gguf"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    @Test("--text: stdout is exactly the report's path; exports beside it; summary on stderr")
    func textWithExports() throws {
        try ScratchDirectory.with { dir in
            let out = dir.appendingPathComponent("reports/cough.html").path
            let r = try DDx.run(["explore", "--text", RepoFiles.coughCase, "-o", out, "--export", "svg,png,pdf,dot,mmd,json"], timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == out + "\n")
            let names = try ScratchDirectory.contents(of: dir.appendingPathComponent("reports"))
            #expect(names == ["cough.dot", "cough.html", "cough.json", "cough.mmd", "cough.pdf", "cough.png", "cough.svg"])
            for ext in ["svg", "png", "pdf", "dot", "mmd", "json"] {
                #expect(r.errLines.contains("ddx: wrote \(dir.appendingPathComponent("reports/cough.\(ext)").path)"))
            }
            #expect(r.errLines.last?.hasPrefix("ddx: 5 paths; grounding: 13/13 nodes linked; hops: ") == true, "\(r.err)")
            let html = try String(contentsOfFile: out, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("Content-Security-Policy"))
            #expect(html.contains("Text read from \(RepoFiles.coughCase)"))
            #expect(html.contains(#"id="ddx-metadata""#))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
            let json = try Check.jsonObject(try RepoFiles.bytes(dir.appendingPathComponent("reports/cough.json").path))
            #expect((json["metadata"] as? [String: Any])?["inputSHA256"] as? String == json["inputSHA256"] as? String)
            let svg = try String(contentsOfFile: dir.appendingPathComponent("reports/cough.svg").path, encoding: .utf8)
            #expect(svg.contains("<metadata id=\"ddx-run-metadata\">"))
            #expect(try ScratchDirectory.leftoverTempFiles(in: dir.appendingPathComponent("reports")).isEmpty)
        }
    }

    @Test("--case + --text: no model, the case gives context; the default path is ddx-out/<text name>.html")
    func caseAndText() throws {
        try ScratchDirectory.with { dir in
            let casePath = dir.appendingPathComponent("cough.yaml").path
            try Self.caseYAML.write(toFile: casePath, atomically: true, encoding: .utf8)
            let r = try DDx.run(["explore", "--case", casePath, "--text", RepoFiles.coughCase, "--model", "/nonexistent.gguf"],
                                in: dir, timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "ddx-out/cough-medreason8b.html\n")
            let html = try String(contentsOfFile: dir.appendingPathComponent("ddx-out/cough-medreason8b.html").path, encoding: .utf8)
            #expect(html.contains("<h1>Persistent cough</h1>"))
            #expect(html.contains("Reference answer"))
            #expect(html.contains("Treat the cause; honey and hydration; expectorants for productive cough."))
            #expect(html.contains("A 34-year-old teacher has had a dry cough for three weeks after a cold."))
            #expect(try ScratchDirectory.contents(of: dir) == ["cough.yaml", "ddx-out"])
        }
    }

    @Test("--text - reads standard input; --question gives context and the report's name")
    func standardInput() throws {
        try ScratchDirectory.with { dir in
            let text = Array("### Finding reasoning paths:\n1. Cough -> Asthma -> Inhaled corticosteroids\n".utf8)
            let r = try DDx.run(["explore", "--text", "-", "--question", "Why <cough>?"], stdin: text, in: dir, timeout: 60)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "ddx-out/why-cough.html\n")
            let html = try String(contentsOfFile: dir.appendingPathComponent("ddx-out/why-cough.html").path, encoding: .utf8)
            #expect(html.contains("<h1>Why &lt;cough&gt;?</h1>"))
        }
    }

    @Test("bad input is one line on stderr, exit 1, nothing written")
    func badInput() throws {
        try ScratchDirectory.with { dir in
            let missing = try DDx.run(["explore", "--text", "/nonexistent/text.txt"], in: dir)
            #expect(missing.exitCode == 1)
            #expect(missing.errLines == ["ddx: error: /nonexistent/text.txt: no such file"])
            #expect(missing.stdout.isEmpty)

            let noCase = try DDx.run(["explore", "--case", "no-such-case-name", "--text", RepoFiles.coughCase], in: dir)
            #expect(noCase.exitCode == 1)
            #expect(noCase.errLines.count == 1 && noCase.errLines[0].hasPrefix("ddx: error: no-such-case-name: no such case"), "\(noCase.err)")

            let noTemplates = try DDx.run(["explore", "--text", RepoFiles.coughCase, "--templates", dir.path], in: dir)
            #expect(noTemplates.exitCode == 1)
            #expect(noTemplates.errLines.count == 1 && noTemplates.errLines[0].contains("no report.mustache"), "\(noTemplates.err)")

            // The report's directory is a file: the report cannot be written, and neither are the exports.
            try "x".write(to: dir.appendingPathComponent("blocker"), atomically: true, encoding: .utf8)
            let blocked = try DDx.run(["explore", "--text", RepoFiles.coughCase, "-o", "blocker/r.html", "--export", "svg"], in: dir, timeout: 60)
            #expect(blocked.exitCode == 1)
            #expect(blocked.errLines.count == 1 && blocked.errLines[0].hasPrefix("ddx: error: blocker/r.html: "), "\(blocked.err)")
            #expect(try ScratchDirectory.contents(of: dir) == ["blocker"])

            let model = try DDx.run(["explore", "How to stop a cough?", "--model", "/nonexistent/model.gguf"], in: dir)
            #expect(model.exitCode == 1)
            #expect(model.errLines == ["ddx: error: /nonexistent/model.gguf: no such model file"])
            #expect(try ScratchDirectory.contents(of: dir) == ["blocker"])
        }
    }

    @Test("usage errors exit 2", arguments: [
        ["explore"],
        ["explore", "question", "--text", "t.txt"],
        ["explore", "question", "--case", "cough"],
        ["explore", "question", "--question", "q"],
        ["explore", "--text", "t.txt", "-o", "-"],
        ["explore", "--text", "t.txt", "--export", "svg,exe"],
    ])
    func usage(arguments: [String]) throws {
        let r = try DDx.run(arguments)
        #expect(r.exitCode == 2, "\(r.err)")
        #expect(r.stdout.isEmpty)
    }

    @Test("explore --case with the real default model (SmolLM2-135M), a few tokens",
          .enabled(if: modelPath != nil, "the default model is not installed (run scripts/setup)"))
    func realModel() throws {
        try ScratchDirectory.with { dir in
            let casePath = dir.appendingPathComponent("cough.yaml").path
            try Self.caseYAML.write(toFile: casePath, atomically: true, encoding: .utf8)
            let r = try DDx.run(["explore", "--case", casePath, "--max-tokens", "40", "--temperature", "0", "--threads", "2",
                                 "--export", "json"], in: dir, timeout: 300)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == "ddx-out/cough.html\n")
            #expect(r.err.contains("tokens/s"))
            let html = try String(contentsOfFile: dir.appendingPathComponent("ddx-out/cough.html").path, encoding: .utf8)
            #expect(html.contains("Generated by SmolLM2-135M-Instruct.Q4_1.gguf"))
            #expect(html.contains("Reference answer"))
            let json = try Check.jsonObject(try RepoFiles.bytes(dir.appendingPathComponent("ddx-out/cough.json").path))
            let metadata = try #require(json["metadata"] as? [String: Any])
            #expect((metadata["model"] as? [String: Any])?["sha256"] as? String != nil)
            #expect((metadata["sampling"] as? [String: Any])?["maxTokens"] as? Int == 40)
        }
    }
}
