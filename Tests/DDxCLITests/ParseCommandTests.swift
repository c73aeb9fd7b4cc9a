import Foundation
import Testing
import TestSupport

@Suite("ddx parse")
struct ParseCommandTests {
    @Test("JSON output has the contract's keys and the fixture's paths")
    func json() throws {
        let result = try DDx.run(["parse", RepoFiles.fixture("medreason_data"), "--format", "json"])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.stderr.isEmpty)
        let object = try Check.jsonObject(result.stdout)
        for key in ["format", "sections", "paths", "warnings", "finalAnswer", "conclusion", "planEdges", "lineCount"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["format"] as? String == "medreason")
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.count == 3)
        #expect(object["source"] == nil)
        #expect(result.stdout.last == 0x0A)
    }

    @Test("JSON is the default format")
    func defaultFormat() throws {
        let explicit = try DDx.run(["parse", RepoFiles.coughCase, "--format", "json"])
        let implicit = try DDx.run(["parse", RepoFiles.coughCase])
        #expect(explicit.succeeded && implicit.succeeded)
        #expect(implicit.stdout == explicit.stdout)
    }

    @Test("reading standard input gives byte-identical output to reading the file",
          arguments: ["medreason_data", "medreason8b_bold", "medverse", "kg_raw", "huatuo", "truncated"])
    func stdinMatchesFile(fixture: String) throws {
        let path = RepoFiles.fixture(fixture)
        let fromFile = try DDx.run(["parse", path])
        let fromStdin = try DDx.run(["parse", "-"], stdin: try RepoFiles.bytes(path))
        #expect(fromFile.succeeded && fromStdin.succeeded, "\(fromFile.err)\(fromStdin.err)")
        #expect(!fromFile.stdout.isEmpty)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test("the text format lists every path with its steps, and the warnings")
    func text() throws {
        let path = RepoFiles.coughCase
        let result = try DDx.run(["parse", path, "--format", "text"])
        #expect(result.succeeded, "\(result.err)")
        let out = result.out
        #expect(out.hasPrefix("\(path): format medreason, "))
        #expect(out.contains(", 5 paths, 0 warnings\n"))
        #expect(out.contains("\nPaths:\n"))
        for i in 1...5 { #expect(out.contains("  P\(i) \(i). line \(i + 3), chain\n"), "missing P\(i)") }
        for step in ["Cough suppressants", "Expectorants", "Thin mucus", "Easier clearance", "Postnasal drip",
                     "Antihistamines", "Bacterial infection", "Antibiotics", "Cough resolution", "Airway obstruction",
                     "Bronchodilators", "Symptom relief"] {
            #expect(out.contains(" \(step)"), "missing step \(step)")
        }
        #expect(out.contains("(e.g., dextromethorphan)"))
        #expect(out.contains("\nFinal answer:\n"))

        let truncated = try DDx.run(["parse", RepoFiles.fixture("truncated"), "--format", "text"])
        #expect(truncated.succeeded)
        #expect(truncated.out.contains("\nWarnings:\n  line "))
        #expect(truncated.out.contains("cut off"))
    }

    @Test("the text format names standard input 'stdin'")
    func textStdin() throws {
        let result = try DDx.run(["parse", "-", "--format", "text"], stdin: Array("1. A -> B -> C\n".utf8))
        #expect(result.succeeded)
        #expect(result.out.hasPrefix("stdin: format "))
        #expect(result.out.contains(" A\n") && result.out.contains("→ B\n") && result.out.contains("→ C\n"))
    }

    @Test("-o writes the same bytes to a file, atomically, replacing an old one and creating directories")
    func outputFile() throws {
        try ScratchDirectory.with { dir throws in
            let expected = try DDx.run(["parse", RepoFiles.coughCase]).stdout
            try Data(repeating: 0x20, count: 100_000).write(to: dir.appendingPathComponent("out.json"))
            let result = try DDx.run(["parse", RepoFiles.coughCase, "-o", "out.json"], in: dir)
            #expect(result.succeeded, "\(result.err)")
            #expect(result.stdout.isEmpty && result.stderr.isEmpty)
            #expect(try RepoFiles.bytes(dir.appendingPathComponent("out.json").path) == expected)

            let nested = try DDx.run(["parse", RepoFiles.coughCase, "--output", "a/b/out.json"], in: dir)
            #expect(nested.succeeded, "\(nested.err)")
            #expect(try RepoFiles.bytes(dir.appendingPathComponent("a/b/out.json").path) == expected)
            #expect(try ScratchDirectory.contents(of: dir) == ["a", "out.json"])
            #expect(try ScratchDirectory.contents(of: dir.appendingPathComponent("a/b")) == ["out.json"])
        }
    }

    @Test("a HuatuoGPT text parses (no paths) and exits 0")
    func huatuo() throws {
        let result = try DDx.run(["parse", RepoFiles.fixture("huatuo")])
        #expect(result.succeeded)
        let object = try Check.jsonObject(result.stdout)
        #expect(object["format"] as? String == "huatuo")
        #expect((object["paths"] as? [Any])?.isEmpty == true)
        #expect(object["finalAnswer"] is String)
    }

    @Test("invalid UTF-8 and NUL bytes on stdin are survived")
    func binaryInput() throws {
        var bytes = Array("Finding reasoning paths:\n1. Fever -> ".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0xC3] + Array(" -> Sepsis\n".utf8)
        let result = try DDx.run(["parse", "-"], stdin: bytes)
        #expect(!result.terminatedBySignal && !result.timedOut)
        #expect(result.exitCode == 0, "\(result.err)")
        #expect(try Check.jsonObject(result.stdout)["paths"] != nil)
    }
}
