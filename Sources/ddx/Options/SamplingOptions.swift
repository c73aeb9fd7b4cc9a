import ArgumentParser
import Inference

/// Sampling and stopping options shared by the generating commands.
struct SamplingOptions: ParsableArguments {
    @OptionGroup var settings: SamplingSettings
    @Option(name: .long, help: "Random seed; the same seed and settings give the same text.")
    var seed: UInt64?

    var parameters: GenerationParameters { settings.parameters(seed: seed) }
}

/// Every sampling and stopping option but the seed (`ddx compare` takes two seeds).
struct SamplingSettings: ParsableArguments {
    @Option(help: "Sampling temperature; 0 = greedy (deterministic).")
    var temperature: Float = 0.7
    @Option(name: .customLong("top-k"), help: "Keep the k most likely tokens; 0 = off.")
    var topK: Int = 50
    @Option(name: .customLong("top-p"), help: "Nucleus sampling mass; 1 = off.")
    var topP: Float = 0.9
    @Option(name: .customLong("min-p"), help: "Drop tokens below this fraction of the best token's probability; 0 = off.")
    var minP: Float = 0
    @Option(name: .customLong("repeat-penalty"), help: "Repetition penalty; 1 = off.")
    var repeatPenalty: Float = 1.1
    @Option(name: .customLong("repeat-last-n"), help: "Tokens the repetition penalty looks back over (default: all).")
    var repeatLastN: Int?
    @Option(name: .customLong("max-tokens"), help: "Most tokens to generate.")
    var maxTokens: Int = 512
    @Option(name: .long, help: ArgumentHelp("Stop when the text reaches this string (repeatable).", valueName: "text"))
    var stop: [String] = []

    func parameters(seed: UInt64?) -> GenerationParameters {
        GenerationParameters(temperature: temperature, topK: topK, topP: topP, minP: minP,
                             repetitionPenalty: repeatPenalty, repetitionWindow: repeatLastN, maxTokens: maxTokens,
                             stopStrings: stop, seed: seed)
    }

    func validate() throws {
        do { try parameters(seed: nil).validate() } catch { throw ValidationError("\(error)") }
    }
}
