import Foundation
import Testing
import TestSupport

@Suite("usage errors exit 2")
struct UsageErrorTests {
    @Test("a usage error exits 2, prints why on stderr and nothing on stdout", arguments: [
        (["frobnicate"], "frobnicate"),
        (["parse", "x.txt", "--frobnicate"], "--frobnicate"),
        (["parse"], "<file>"),
        (["graph"], "<file>"),
        (["render", "x.txt"], "--output"),
        (["render", "x.txt", "-o", "-"], "needs --format"),
        (["render", "x.txt", "-o", "out.svg", "--format", "gif"], "gif"),
        (["parse", "x.txt", "--format", "yaml"], "yaml"),
        (["parse", "x.txt", "--max-bytes", "0"], "--max-bytes must be positive"),
        (["parse", "x.txt", "--max-bytes", "many"], "many"),
        (["bench", "parse", "--mib", "0"], "--mib must be between 1 and 1024"),
        (["bench", "parse", "--mib", "2000"], "--mib must be between 1 and 1024"),
        (["bench", "parse", "--iterations", "0"], "--iterations must be positive"),
        (["bench", "parse", "--kind", "everything"], "everything"),
        (["bench", "render", "--nodes", "1"], "--nodes must be between 2 and 5000"),
        (["bench", "frobnicate"], "frobnicate"),
        (["doctor", "extra"], "extra"),
    ])
    func usageError(arguments: [String], mentions: String) throws {
        let result = try DDx.run(arguments)
        #expect(!result.timedOut && !result.terminatedBySignal)
        #expect(result.exitCode == 2, "exit \(result.exitCode) for \(arguments): \(result.err)")
        #expect(result.err.contains(mentions), "stderr for \(arguments) does not mention \(mentions): \(result.err)")
        #expect(result.err.contains("Error:") || result.err.contains("error:"))
        #expect(result.stdout.isEmpty, "stdout for \(arguments): \(result.out)")
    }

    @Test("a usage error is detected before the input is read: no file is created")
    func nothingWritten() throws {
        try ScratchDirectory.with { dir throws in
            let result = try DDx.run(["render", RepoFiles.coughCase, "-o", "out.svg", "--max-bytes", "0"], in: dir)
            #expect(result.exitCode == 2)
            #expect(try ScratchDirectory.contents(of: dir).isEmpty)
        }
    }
}
