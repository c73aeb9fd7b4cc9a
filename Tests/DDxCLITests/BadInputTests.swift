import Foundation
import Testing
import TestSupport

@Suite("bad input exits 1 with one line naming the file")
struct BadInputTests {
    /// Expects the one-line `ddx: error: FILE: …` form ddx promises for bad input, naming `file`.
    func expectOneLineError(_ result: DDxResult, naming file: String, saying words: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut && !result.terminatedBySignal, sourceLocation: sourceLocation)
        #expect(result.exitCode == 1, "exit \(result.exitCode): \(result.err)", sourceLocation: sourceLocation)
        #expect(result.errLines.count == 1, "stderr: \(result.err)", sourceLocation: sourceLocation)
        #expect(result.err.hasPrefix("ddx: error: \(file): "), "stderr: \(result.err)", sourceLocation: sourceLocation)
        #expect(result.err.hasSuffix("\n"), sourceLocation: sourceLocation)
        #expect(result.err.contains(words), "stderr: \(result.err)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "stdout: \(result.out)", sourceLocation: sourceLocation)
    }

    @Test("a missing input file", arguments: ["parse", "graph", "render"])
    func missingFile(command: String) throws {
        try ScratchDirectory.with { dir throws in
            let path = dir.appendingPathComponent("absent.txt").path
            let extra = command == "render" ? ["-o", "out.svg"] : []
            expectOneLineError(try DDx.run([command, path] + extra, in: dir), naming: path, saying: "no such file")
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("a directory as input")
    func directoryInput() throws {
        try ScratchDirectory.with { dir throws in
            expectOneLineError(try DDx.run(["parse", dir.path]), naming: dir.path, saying: "is a directory")
        }
    }

    @Test("an input larger than --max-bytes", arguments: ["parse", "graph", "render"])
    func tooLarge(command: String) throws {
        try ScratchDirectory.with { dir throws in
            let extra = command == "render" ? ["-o", "out.svg"] : []
            let result = try DDx.run([command, RepoFiles.coughCase, "--max-bytes", "100"] + extra, in: dir)
            expectOneLineError(result, naming: RepoFiles.coughCase, saying: "--max-bytes")
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("--max-bytes equal to the input's size is enough")
    func exactLimit() throws {
        let size = try RepoFiles.bytes(RepoFiles.coughCase).count
        #expect(try DDx.run(["parse", RepoFiles.coughCase, "--max-bytes", "\(size)"]).succeeded)
        #expect(try DDx.run(["parse", RepoFiles.coughCase, "--max-bytes", "\(size - 1)"]).exitCode == 1)
    }

    @Test("--max-bytes applies to standard input too, which is named 'stdin'")
    func tooLargeStdin() throws {
        let result = try DDx.run(["parse", "-", "--max-bytes", "10"], stdin: try RepoFiles.bytes(RepoFiles.coughCase))
        expectOneLineError(result, naming: "stdin", saying: "--max-bytes")
    }

    @Test("rendering a HuatuoGPT text (no path list) fails and leaves nothing behind")
    func huatuoRender() throws {
        try ScratchDirectory.with { dir throws in
            let huatuo = RepoFiles.fixture("huatuo")
            for name in ["out.svg", "out.png", "out.json", "sub/dir/out.mmd"] {
                let result = try DDx.run(["render", huatuo, "-o", name], in: dir)
                expectOneLineError(result, naming: huatuo, saying: "no reasoning paths found")
                #expect(result.err.contains("HuatuoGPT"))
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
            }
            let leftBehind = try ScratchDirectory.contents(of: dir)
            #expect(leftBehind.isEmpty, "left behind: \(leftBehind)")
        }
    }

    @Test("a failed render keeps an existing output file as it was")
    func failedRenderKeepsOldFile() throws {
        try ScratchDirectory.with { dir throws in
            let out = dir.appendingPathComponent("out.svg")
            try Data("previous".utf8).write(to: out)
            let result = try DDx.run(["render", RepoFiles.fixture("huatuo"), "-o", out.path], in: dir)
            #expect(result.exitCode == 1)
            #expect(try RepoFiles.bytes(out.path) == Array("previous".utf8))
            #expect(try ScratchDirectory.leftoverTempFiles(in: dir).isEmpty)
            #expect(try ScratchDirectory.contents(of: dir) == ["out.svg"])
        }
    }

    @Test("an empty input has nothing to render")
    func emptyRender() throws {
        let result = try DDx.run(["render", "-", "-o", "-", "--format", "svg"], stdin: [])
        expectOneLineError(result, naming: "stdin", saying: "no reasoning paths found")
    }

    @Test("an unknown or missing output extension names the output file and writes nothing")
    func badExtension() throws {
        try ScratchDirectory.with { dir throws in
            expectOneLineError(try DDx.run(["render", RepoFiles.coughCase, "-o", "out.xyz"], in: dir),
                               naming: "out.xyz", saying: "unknown extension '.xyz'")
            expectOneLineError(try DDx.run(["render", RepoFiles.coughCase, "-o", "out"], in: dir),
                               naming: "out", saying: "--format")
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("an output path that is a directory, or below a regular file, fails without a temporary file")
    func unwritableOutput() throws {
        try ScratchDirectory.with { dir throws in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("taken.json"),
                                                    withIntermediateDirectories: false)
            try Data("x".utf8).write(to: dir.appendingPathComponent("blocker"))
            expectOneLineError(try DDx.run(["parse", RepoFiles.coughCase, "-o", "taken.json"], in: dir),
                               naming: "taken.json", saying: "is a directory")
            expectOneLineError(try DDx.run(["render", RepoFiles.coughCase, "-o", "blocker/out.svg"], in: dir),
                               naming: "blocker/out.svg", saying: "cannot")
            #expect(try ScratchDirectory.contents(of: dir) == ["blocker", "taken.json"])
            #expect(try ScratchDirectory.contents(of: dir.appendingPathComponent("taken.json")).isEmpty)
        }
    }
}
