import Foundation
import TestSupport
import Testing

/// Ctrl-C and SIGTERM during a long render, and the layout size limit that keeps renders short.
@Suite struct InterruptionTests {
    /// A reasoning text whose graph is a random tangle of `paths` six-step paths over `names` findings: slow for
    /// Graphviz's layout (217 nodes and 397 edges take about two minutes).
    static func tangle(paths: Int, names: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var lines = ["Finding reasoning paths:"]
        for i in 1...paths {
            let steps = (0..<6).map { _ in "Finding \(Int.random(in: 1...names, using: &generator))" }
            lines.append("\(i). " + steps.joined(separator: " -> "))
        }
        return (lines + ["## Final Response", "X"]).joined(separator: "\n") + "\n"
    }

    /// Starts `ddx render` on a slow graph, sends `signal` once the layout is under way, and returns the result,
    /// whether it was still running when signalled, and the names left in the folder.
    static func interruptedRender(signal: Int32) async throws -> (result: DDxResult, wasRunning: Bool, files: [String]) {
        try await OwnThread.run {
            try ScratchDirectory.with { dir in
                try Data(tangle(paths: 80, names: 250).utf8).write(to: dir.appendingPathComponent("tangle.txt"))
                try Data("old".utf8).write(to: dir.appendingPathComponent("kept.svg"))
                var wasRunning = false
                let result = try DDx.run(["render", "tangle.txt", "-o", "out.svg", "--max-nodes", "1000",
                                          "--max-edges", "2000"], in: dir, timeout: 20) { process in
                    usleep(1_500_000)
                    wasRunning = process.isRunning
                    kill(process.processIdentifier, signal)
                }
                return (result, wasRunning, try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted())
            }
        }
    }

    @Test("SIGINT during a render: exit 130, one line, no output and no temporary file")
    func sigint() async throws {
        let (r, wasRunning, files) = try await Self.interruptedRender(signal: SIGINT)
        #expect(wasRunning, "the render finished before it could be interrupted")
        #expect(!r.terminatedBySignal && !r.timedOut && r.exitCode == 130, "\(r.err)")
        #expect(r.err == "ddx: interrupted; no partial output was left\n")
        #expect(files == ["kept.svg", "tangle.txt"])
    }

    @Test("SIGTERM during a render: exit 143, same guarantees")
    func sigterm() async throws {
        let (r, wasRunning, files) = try await Self.interruptedRender(signal: SIGTERM)
        #expect(wasRunning, "the render finished before it could be interrupted")
        #expect(!r.terminatedBySignal && !r.timedOut && r.exitCode == 143, "\(r.err)")
        #expect(r.err == "ddx: terminated; no partial output was left\n")
        #expect(files == ["kept.svg", "tangle.txt"])
    }

    @Test("a graph over the layout limit: one-line error naming the flags, exit 1, nothing written; dot/mmd/json need no layout")
    func layoutLimit() throws {
        try ScratchDirectory.with { dir in
            try Data(Self.tangle(paths: 80, names: 250).utf8).write(to: dir.appendingPathComponent("tangle.txt"))
            for format in ["svg", "png", "pdf"] {
                let r = try DDx.run(["render", "tangle.txt", "-o", "out.\(format)"], in: dir)
                #expect(r.exitCode == 1 && !r.terminatedBySignal, "\(r.err)")
                #expect(r.errLines.count == 1, "\(r.err)")
                #expect(r.err.hasPrefix("ddx: error: tangle.txt: the graph has "), "\(r.err)")
                #expect(r.err.contains("more than the 150 nodes and 300 edges") && r.err.contains("--max-nodes"), "\(r.err)")
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.\(format)").path))
            }
            for format in ["dot", "mmd", "json"] {
                let r = try DDx.run(["render", "tangle.txt", "-o", "out.\(format)"], in: dir)
                #expect(r.succeeded, "\(format): \(r.err)")
            }
            let small = "Finding reasoning paths:\n1. A -> B -> C -> D\n2. A -> E\n"
            try Data(small.utf8).write(to: dir.appendingPathComponent("small.txt"))
            let tight = try DDx.run(["render", "small.txt", "-o", "small.svg", "--max-nodes", "4"], in: dir)
            #expect(tight.exitCode == 1 && tight.err.contains("the graph has 5 nodes and 4 edges, more than the 4 nodes"),
                    "\(tight.err)")
            let enough = try DDx.run(["render", "small.txt", "-o", "small.svg", "--max-nodes", "5", "--max-edges", "4"],
                                     in: dir)
            #expect(enough.succeeded, "\(enough.err)")
            let bad = try DDx.run(["render", "small.txt", "--max-nodes", "0"], in: dir)
            #expect(bad.exitCode == 2 && bad.err.contains("--max-nodes must be at least 1"), "\(bad.err)")
        }
    }
}
