/// How to sample and when to stop: the knobs of `ddx generate`, as a plain value that makes the sampler chain.
///
/// Processor order follows Hugging Face `generate` (what the seed notebooks call): repetition penalty, then
/// temperature, top-k, top-p and min-p, then a draw. Temperature 0 is greedy decoding.
public struct GenerationParameters: Sendable, Equatable, Codable {
    public var temperature: Float
    /// 0 = off.
    public var topK: Int
    /// 1 = off.
    public var topP: Float
    /// 0 = off.
    public var minP: Float
    /// 1 = off.
    public var repetitionPenalty: Float
    /// Tokens the penalty looks back over; nil = all of them (prompt included), as transformers does.
    public var repetitionWindow: Int?
    public var maxTokens: Int
    /// Generation stops when the text ends with one of these (the stop string is not returned).
    public var stopStrings: [String]
    /// nil = a random seed, reported in the result so the run can be repeated.
    public var seed: UInt64?

    public init(temperature: Float = 0.7, topK: Int = 50, topP: Float = 0.9, minP: Float = 0,
                repetitionPenalty: Float = 1.1, repetitionWindow: Int? = nil, maxTokens: Int = 512,
                stopStrings: [String] = [], seed: UInt64? = nil) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
        self.repetitionWindow = repetitionWindow
        self.maxTokens = maxTokens
        self.stopStrings = stopStrings
        self.seed = seed
    }

    /// Greedy decoding, no penalty: the reproducible setting used by correctness checks.
    public static let greedy = GenerationParameters(temperature: 0, topK: 0, topP: 1, minP: 0, repetitionPenalty: 1)

    /// Whether decoding is greedy (temperature 0).
    public var isGreedy: Bool { temperature <= 0 }

    /// Checks ranges; the message names the field.
    public func validate() throws {
        func fail(_ m: String) -> GenerationError { GenerationError.invalidParameter(m) }
        guard temperature >= 0, temperature.isFinite else { throw fail("temperature must be ≥ 0 (got \(temperature))") }
        guard topK >= 0 else { throw fail("top-k must be ≥ 0 (got \(topK))") }
        guard topP > 0, topP <= 1 else { throw fail("top-p must be in (0, 1] (got \(topP))") }
        guard minP >= 0, minP <= 1 else { throw fail("min-p must be in [0, 1] (got \(minP))") }
        guard repetitionPenalty > 0, repetitionPenalty.isFinite else { throw fail("repeat-penalty must be > 0 (got \(repetitionPenalty))") }
        guard maxTokens > 0 else { throw fail("max-tokens must be ≥ 1 (got \(maxTokens))") }
        if let w = repetitionWindow, w < 0 { throw fail("repeat-last-n must be ≥ 0 (got \(w))") }
    }

    /// The sampler chain these parameters describe, seeded with `seed` (the resolved seed).
    public func makeSampler(seed: UInt64) -> SamplerChain {
        var processors: [any LogitProcessor] = []
        if repetitionPenalty != 1 { processors.append(RepetitionPenalty(penalty: repetitionPenalty, window: repetitionWindow)) }
        if !isGreedy {
            if temperature != 1 { processors.append(TemperatureScaling(temperature: temperature)) }
            if topK > 0 { processors.append(TopKFilter(k: topK)) }
            if topP < 1 { processors.append(TopPFilter(p: topP)) }
            if minP > 0 { processors.append(MinPFilter(p: minP)) }
        }
        return SamplerChain(processors: processors, greedy: isGreedy, seed: seed)
    }
}
