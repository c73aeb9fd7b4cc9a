/// Picks the next token from the model's logits: the processors in order, then a draw from what is left, or
/// the most likely token when greedy.
///
/// ```swift
/// var sampler = GenerationParameters(temperature: 0.7, topP: 0.9, seed: 42).makeSampler()
/// let next = sampler.sample(logits: logits, history: tokens[...])
/// ```
public struct SamplerChain: Sendable {
    public let processors: [any LogitProcessor]
    /// Greedy: the processors (penalties) run, then the highest logit wins; no randomness.
    public let greedy: Bool
    private var random: SeededRandom

    public init(processors: [any LogitProcessor], greedy: Bool, seed: UInt64) {
        self.processors = processors
        self.greedy = greedy
        random = SeededRandom(seed: seed)
    }

    /// The next token id.
    public mutating func sample(logits: UnsafeBufferPointer<Float>, history: ArraySlice<Int>) -> Int {
        if greedy && processors.isEmpty { return TokenCandidates.argmax(logits) }
        var candidates = TokenCandidates(logits: logits)
        for p in processors { p.process(&candidates, history: history) }
        return pick(from: candidates)
    }

    /// Draws from `candidates` (or takes the best when greedy); exposed for tests.
    public mutating func pick(from candidates: TokenCandidates) -> Int {
        precondition(candidates.count > 0, "no candidate token left to sample")
        if greedy || candidates.count == 1 { return Int(candidates.ids[candidates.argmax]) }
        let probabilities = candidates.probabilities()
        let u = random.nextUnitFloat()
        var cumulative: Float = 0
        for i in 0..<candidates.count {
            cumulative += probabilities[i]
            if u < cumulative { return Int(candidates.ids[i]) }
        }
        return Int(candidates.ids[candidates.count - 1])   // rounding left u above the last sum
    }
}
