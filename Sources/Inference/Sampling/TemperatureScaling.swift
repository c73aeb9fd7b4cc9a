/// Divides every logit by the temperature: below 1 sharpens the distribution, above 1 flattens it.
/// Temperature 0 is greedy decoding and is handled by `SamplerChain`, not here.
public struct TemperatureScaling: LogitProcessor {
    public let temperature: Float

    public init(temperature: Float) {
        precondition(temperature > 0, "temperature must be positive; 0 means greedy decoding")
        self.temperature = temperature
    }

    public func process(_ candidates: inout TokenCandidates, history: ArraySlice<Int>) {
        guard temperature != 1 else { return }
        let inverse = 1 / temperature
        for i in candidates.logits.indices { candidates.logits[i] *= inverse }
    }
}
