import Foundation
import Testing
import TestSupport

@Suite("ddx render")
struct RenderCommandTests {
    static let disclaimer = "Model-generated reasoning, not clinical advice"

    /// Checks that `bytes` look like a `format` file: magic bytes or opening keyword, and the footer where it is text.
    static func expectShape(_ bytes: [UInt8], format: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        switch format {
        case "png":
            #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], sourceLocation: sourceLocation)
            #expect(Array(bytes.suffix(8).prefix(4)) == Array("IEND".utf8), sourceLocation: sourceLocation)
        case "pdf":
            #expect(text.hasPrefix("%PDF-"), sourceLocation: sourceLocation)
            #expect(text.contains("%%EOF"), sourceLocation: sourceLocation)
        case "svg":
            #expect(text.contains("<svg"), sourceLocation: sourceLocation)
            #expect(text.hasSuffix("</svg>\n"), sourceLocation: sourceLocation)
            let svg = try SVGInspection(bytes)
            #expect(svg.texts.contains { $0.hasPrefix(Self.disclaimer) }, sourceLocation: sourceLocation)
        case "dot":
            #expect(text.hasPrefix("digraph"), sourceLocation: sourceLocation)
            #expect(text.contains(Self.disclaimer), sourceLocation: sourceLocation)
        case "mmd":
            #expect(text.hasPrefix("flowchart "), sourceLocation: sourceLocation)
            #expect(text.contains(Self.disclaimer), sourceLocation: sourceLocation)
        case "json":
            let object = try Check.jsonObject(bytes)
            #expect(object["disclaimer"] as? String == Self.disclaimer, sourceLocation: sourceLocation)
        default:
            Issue.record("no shape check for \(format)", sourceLocation: sourceLocation)
        }
    }

    @Test("each extension gives its format, the footer, and a success line naming the output",
          arguments: ["svg", "png", "pdf", "dot", "mmd", "json"])
    func renderToFile(format: String) throws {
        try ScratchDirectory.with { dir throws in
            let name = "cough.\(format)"
            let result = try DDx.run(["render", RepoFiles.coughCase, "-o", name], in: dir)
            #expect(result.succeeded, "\(result.err)")
            #expect(result.stdout.isEmpty)
            let bytes = try RepoFiles.bytes(dir.appendingPathComponent(name).path)
            try Self.expectShape(bytes, format: format)
            #expect(result.errLines.first == "ddx: wrote \(name) (\(bytes.count) bytes): 13 nodes, 14 edges from 5 paths")
            #expect(result.errLines.count == 2)
            #expect(result.errLines.last?.hasPrefix("ddx: grounding: 13/13 nodes linked; hops: ") == true)
            #expect(try ScratchDirectory.contents(of: dir) == [name])
        }
    }

    @Test("text exports carry the input's SHA-256 in the footer", arguments: ["svg", "dot", "mmd", "json"])
    func footerDigest(format: String) throws {
        let graph = try Check.jsonObject(try DDx.run(["graph", RepoFiles.coughCase]).stdout)
        let digest = try #require(graph["inputSHA256"] as? String)
        let result = try DDx.run(["render", RepoFiles.coughCase, "-o", "-", "--format", format])
        #expect(result.succeeded)
        if format == "svg" {
            #expect(try SVGInspection(result.stdout).texts.contains("\(Self.disclaimer) · input SHA-256 \(digest)"))
        } else {
            #expect(result.out.contains(digest))
        }
    }

    @Test("-o - with --format writes to standard output and prints no success line",
          arguments: ["svg", "png", "pdf", "dot", "mmd", "json"])
    func renderToStdout(format: String) throws {
        try ScratchDirectory.with { dir throws in
            let result = try DDx.run(["render", RepoFiles.coughCase, "-o", "-", "--format", format], in: dir)
            #expect(result.succeeded, "\(result.err)")
            #expect(result.stderr.isEmpty, "\(result.err)")
            try Self.expectShape(result.stdout, format: format)
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }

    @Test("stdout and file output are the same bytes for deterministic formats", arguments: ["svg", "dot", "mmd", "json"])
    func stdoutMatchesFile(format: String) throws {
        try ScratchDirectory.with { dir throws in
            let file = try DDx.run(["render", RepoFiles.coughCase, "-o", "out.\(format)"], in: dir)
            let stdout = try DDx.run(["render", RepoFiles.coughCase, "-o", "-", "-f", format], in: dir)
            #expect(file.succeeded && stdout.succeeded)
            #expect(try RepoFiles.bytes(dir.appendingPathComponent("out.\(format)").path) == stdout.stdout)
        }
    }

    @Test("--format overrides the extension; upper-case and .gv extensions work")
    func formatSelection() throws {
        try ScratchDirectory.with { dir throws in
            #expect(try DDx.run(["render", RepoFiles.coughCase, "-o", "graph.txt", "--format", "dot"], in: dir).succeeded)
            try Self.expectShape(try RepoFiles.bytes(dir.appendingPathComponent("graph.txt").path), format: "dot")
            #expect(try DDx.run(["render", RepoFiles.coughCase, "-o", "GRAPH.SVG"], in: dir).succeeded)
            try Self.expectShape(try RepoFiles.bytes(dir.appendingPathComponent("GRAPH.SVG").path), format: "svg")
            #expect(try DDx.run(["render", RepoFiles.coughCase, "-o", "graph.gv"], in: dir).succeeded)
            try Self.expectShape(try RepoFiles.bytes(dir.appendingPathComponent("graph.gv").path), format: "dot")
            #expect(try DDx.run(["render", RepoFiles.coughCase, "-o", "graph.mermaid"], in: dir).succeeded)
            try Self.expectShape(try RepoFiles.bytes(dir.appendingPathComponent("graph.mermaid").path), format: "mmd")
            #expect(try ScratchDirectory.leftoverTempFiles(in: dir).isEmpty)
        }
    }

    @Test("--quiet prints nothing; --title appears in the drawing")
    func quietAndTitle() throws {
        try ScratchDirectory.with { dir throws in
            let result = try DDx.run(["render", RepoFiles.coughCase, "-o", "t.svg", "--quiet", "--title", "Cough in an adult"],
                                     in: dir)
            #expect(result.succeeded)
            #expect(result.stdout.isEmpty && result.stderr.isEmpty)
            let svg = try SVGInspection(try RepoFiles.bytes(dir.appendingPathComponent("t.svg").path))
            #expect(svg.texts.contains("Cough in an adult"))
            #expect(svg.texts.contains("Source: \(RepoFiles.coughCase)"))
        }
    }

    @Test("the success line counts parse warnings")
    func warningsInSuccessLine() throws {
        try ScratchDirectory.with { dir throws in
            let result = try DDx.run(["render", RepoFiles.fixture("truncated"), "-o", "t.json"], in: dir)
            #expect(result.succeeded, "\(result.err)")
            #expect(result.errLines.count == 2)
            #expect(result.err.hasPrefix("ddx: wrote t.json ("))
            #expect(result.err.contains("; 1 parse warning (see ddx parse)"))
        }
    }

    @Test("an SVG file render replaces an existing file and leaves no temporary file")
    func replacesAtomically() throws {
        try ScratchDirectory.with { dir throws in
            try Data(repeating: 0x41, count: 200_000).write(to: dir.appendingPathComponent("out.svg"))
            let result = try DDx.run(["render", RepoFiles.coughCase, "-o", "out.svg"], in: dir)
            #expect(result.succeeded)
            try Self.expectShape(try RepoFiles.bytes(dir.appendingPathComponent("out.svg").path), format: "svg")
            #expect(try ScratchDirectory.contents(of: dir) == ["out.svg"])
        }
    }
}
