/// One step of the sampler chain: adjusts or filters the candidate logits before a token is drawn.
///
/// Each processor is small and separately tested (repetition penalty, temperature, top-k, top-p, min-p); a
/// `SamplerChain` runs them in order.
public protocol LogitProcessor: Sendable {
    /// Adjusts `candidates`; `history` holds the tokens so far (prompt and generated), oldest first.
    func process(_ candidates: inout TokenCandidates, history: ArraySlice<Int>)
}
