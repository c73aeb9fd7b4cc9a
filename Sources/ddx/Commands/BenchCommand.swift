import ArgumentParser
import Explorer

/// `ddx bench`: speed measurements, each reported against an anchor measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure ddx's speed (build with -c release for meaningful numbers).",
        subcommands: [ParseBench.self, RenderBench.self, OntologyBench.self, LinkBench.self, ModelBench.self, BatchBench.self])

    struct ParseBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Parser throughput on a large generated text, against a memchr line scan of the same bytes.")

        @Option(help: "Which text to generate: mixed (realistic model output) or paths (path lists only, worst case).")
        var kind: [ParseBenchmarkInput.Kind] = [.mixed, .paths]

        @Option(help: ArgumentHelp("Size of the generated text in MiB.", valueName: "n"))
        var mib: Int = 64

        @Option(help: "Timed repetitions.")
        var iterations: Int = 5

        func validate() throws {
            guard mib > 0, mib <= 1024 else { throw ValidationError("--mib must be between 1 and 1024") }
            guard iterations > 0 else { throw ValidationError("--iterations must be positive") }
        }

        func run() throws {
            for k in kind {
                print(ParseBenchmark.run(kind: k, bytes: mib << 20, iterations: iterations).report)
            }
        }
    }

    struct RenderBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "In-process SVG render time of a synthetic graph, against bare libgvc on the same DOT.")

        @Option(help: "Nodes in the synthetic graph.")
        var nodes: Int = 100

        @Option(help: "Timed repetitions.")
        var iterations: Int = 20

        func validate() throws {
            guard nodes >= 2, nodes <= 5000 else { throw ValidationError("--nodes must be between 2 and 5000") }
            guard iterations > 0 else { throw ValidationError("--iterations must be positive") }
        }

        func run() throws {
            print(try RenderBenchmark.run(nodeCount: nodes, iterations: iterations).report)
        }
    }
}

extension ParseBenchmarkInput.Kind: ExpressibleByArgument {}
