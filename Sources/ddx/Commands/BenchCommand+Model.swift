import ArgumentParser
import Explorer
import Foundation

extension BenchCommand {
    /// `ddx bench model`: inference speed on a GGUF file.
    struct ModelBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Prompt and generation tokens/s, time to first token and peak memory of the in-process engine (medians over repetitions).")

        @OptionGroup var model: ModelOptions

        @Option(name: .customLong("prompt-tokens"), help: "Prompt length, processed as one batch.")
        var promptTokens: Int = 512

        @Option(name: .customLong("gen-tokens"), help: "Tokens generated one at a time (greedy).")
        var genTokens: Int = 128

        @Option(help: "Rounds; the figures are medians.")
        var repetitions: Int = 3

        @Flag(help: "Print {\"prompt_tps\", \"gen_tps\", \"ttft_ms\", \"peak_rss_mb\", …}.")
        var json: Bool = false

        func validate() throws {
            guard promptTokens >= 1, promptTokens <= 32_768 else { throw ValidationError("--prompt-tokens must be between 1 and 32768") }
            guard genTokens >= 1, genTokens <= 32_768 else { throw ValidationError("--gen-tokens must be between 1 and 32768") }
            guard repetitions >= 1, repetitions <= 100 else { throw ValidationError("--repetitions must be between 1 and 100") }
        }

        func run() throws {
            let result = try ModelBenchmark.run(path: try model.resolvedPath(), threads: model.threads,
                                                promptTokens: promptTokens, genTokens: genTokens,
                                                repetitions: repetitions, processStart: ProcessStart.seconds)
            print(json ? result.json : result.report)
        }
    }
}
