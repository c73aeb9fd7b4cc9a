/// Penalises tokens that already occur in the history: a positive logit is divided by `penalty`, a negative one
/// multiplied by it, once per distinct token (as Hugging Face's RepetitionPenaltyLogitsProcessor and llama.cpp's
/// penalties sampler do; Keskar et al. 2019, CTRL).
public struct RepetitionPenalty: LogitProcessor {
    /// > 1 discourages repeats; 1 is a no-op.
    public let penalty: Float
    /// How many of the latest tokens count; nil = the whole history (as transformers' `generate` does).
    public let window: Int?

    public init(penalty: Float, window: Int? = nil) {
        self.penalty = penalty
        self.window = window
    }

    public func process(_ candidates: inout TokenCandidates, history: ArraySlice<Int>) {
        guard penalty != 1, !history.isEmpty else { return }
        let recent = window.map { history.suffix(max(0, $0)) } ?? history
        var seen = Set<Int>()
        seen.reserveCapacity(recent.count)
        // Fast path: the full vocabulary in id order, so a token's index is its id.
        let idOrder = !candidates.isSorted && candidates.ids.first == 0 && candidates.ids.last == Int32(candidates.count - 1)
        var position: [Int32: Int] = [:]
        if !idOrder { for (i, id) in candidates.ids.enumerated() { position[id] = i } }
        for token in recent where seen.insert(token).inserted {
            let index: Int?
            if idOrder { index = token >= 0 && token < candidates.count ? token : nil } else { index = position[Int32(token)] }
            guard let i = index else { continue }
            let l = candidates.logits[i]
            candidates.logits[i] = l > 0 ? l / penalty : l * penalty
        }
        if candidates.isSorted && seen.count > 0 {
            candidates.isSorted = false
        }
    }
}
