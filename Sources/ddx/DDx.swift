import ArgumentParser
import Explorer
import Foundation

/// The `ddx` command: a thin front over the Explorer module. Exit codes: 0 success, 1 bad input, 2 usage.
@main
struct DDx: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddx",
        abstract: "Explore the reasoning paths of medical reasoning models (research and teaching only; not clinical advice).",
        version: DDxVersion.current,
        subcommands: [ParseCommand.self, GraphCommand.self, RenderCommand.self, LinkCommand.self, OntologyCommand.self,
                      EvalLinkingCommand.self, GenerateCommand.self, ExploreCommand.self, CompareCommand.self, ModelCommand.self, TokenizeCommand.self,
                      DoctorCommand.self, BenchCommand.self, BatchCommand.self, WalkthroughCommand.self])

    static func main() async {
        BLASStartup.fixCoreIfNeeded(arguments: CommandLine.arguments)
        // Ctrl-C and SIGTERM remove files still being written and exit with 130/143 (batch stops gracefully first).
        Interruption.installExitHandlers()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Self.finish(with: error)
        }
    }

    /// Prints `error` the way ddx promises (one line on stderr) and exits with 1 for bad input, 2 for usage.
    static func finish(with error: Error) -> Never {
        if let e = error as? InputError {
            StandardError.print("ddx: error: \(e.description)")
            Foundation.exit(1)
        }
        if let e = error as? ExitCode {
            Foundation.exit(e.rawValue)
        }
        let code = exitCode(for: error)
        if code == .success {
            print(fullMessage(for: error))
            Foundation.exit(0)
        }
        if code == .validationFailure {
            StandardError.print(fullMessage(for: error))
            Foundation.exit(2)
        }
        StandardError.print("ddx: error: \(message(for: error))")
        Foundation.exit(1)
    }
}
