/// Min-p sampling (Nguyen et al. 2024): keeps tokens whose probability is at least `p` times the most likely
/// token's. `p` ≤ 0 keeps all.
public struct MinPFilter: LogitProcessor {
    public let p: Float

    public init(p: Float) { self.p = p }

    public func process(_ candidates: inout TokenCandidates, history: ArraySlice<Int>) {
        guard p > 0, candidates.count > 1, let maxLogit = candidates.logits.max() else { return }
        // prob_i ≥ p · prob_max  ⇔  logit_i ≥ logit_max + ln p
        let floor = maxLogit + logf(min(p, 1))
        let sorted = candidates.isSorted
        let logits = candidates.logits
        candidates.filter { logits[$0] >= floor }
        candidates.isSorted = sorted
    }
}

#if canImport(Glibc)
import Glibc
#endif
