import Foundation
import Testing

@Suite("ddx --version and --help")
struct VersionAndHelpTests {
    @Test("--version prints a semantic version and exits 0")
    func version() throws {
        let result = try DDx.run(["--version"])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.wholeMatch(of: /\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n/) != nil, "got \(result.out.debugDescription)")
        #expect(result.stderr.isEmpty)
    }

    @Test("--help describes ddx and lists every subcommand")
    func rootHelp() throws {
        let result = try DDx.run(["--help"])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.contains("USAGE: ddx"))
        #expect(result.out.contains("not clinical advice"))
        for sub in ["parse", "graph", "render", "doctor", "bench"] {
            #expect(result.out.contains("\n  \(sub) "), "root help does not list \(sub)")
        }
    }

    @Test("running ddx with no arguments shows the help and exits 0")
    func noArguments() throws {
        let result = try DDx.run([])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.contains("USAGE: ddx"))
    }

    @Test("every subcommand's --help exits 0 with its usage", arguments: [
        ["parse"], ["graph"], ["render"], ["doctor"], ["bench"], ["bench", "parse"], ["bench", "render"],
    ])
    func subcommandHelp(command: [String]) throws {
        let result = try DDx.run(command + ["--help"])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.contains("USAGE: ddx \(command.joined(separator: " "))"), "\(result.out)")
        #expect(result.out.contains("OPTIONS:"))
        #expect(result.stderr.isEmpty)
    }

    @Test("help for commands reading a text documents the input argument and --max-bytes",
          arguments: ["parse", "graph", "render"])
    func inputOptionsInHelp(command: String) throws {
        let result = try DDx.run([command, "--help"])
        #expect(result.out.contains("<file>"))
        #expect(result.out.contains("--max-bytes <n>"))
    }

    @Test("`help <subcommand>` works like `<subcommand> --help`")
    func helpSubcommand() throws {
        let viaHelp = try DDx.run(["help", "render"])
        let viaFlag = try DDx.run(["render", "--help"])
        #expect(viaHelp.succeeded)
        #expect(viaHelp.out == viaFlag.out)
    }
}
