/// Nucleus sampling (Holtzman et al. 2020): keeps the smallest set of most likely tokens whose probabilities add
/// up to at least `p` (at least one token). `p` ≥ 1 keeps all.
public struct TopPFilter: LogitProcessor {
    public let p: Float

    public init(p: Float) { self.p = p }

    public func process(_ candidates: inout TokenCandidates, history: ArraySlice<Int>) {
        guard p < 1, candidates.count > 1 else { return }
        // Normalise over all candidates, then look for the nucleus among the best few hundred before sorting all.
        guard let maxLogit = candidates.logits.max() else { return }
        var total: Float = 0
        for l in candidates.logits { total += expf(l - maxLogit) }
        var limit = min(candidates.count, 256)
        while true {
            if limit < candidates.count { candidates.keepTopPreservingRest(limit) } else { candidates.sort() }
            var cumulative: Float = 0
            for i in 0..<limit {
                cumulative += expf(candidates.logits[i] - maxLogit) / total
                if cumulative >= p {
                    candidates.ids.removeLast(candidates.count - (i + 1))
                    candidates.logits.removeLast(candidates.count - (i + 1))
                    candidates.isSorted = true
                    return
                }
            }
            if limit == candidates.count { return }
            limit = min(candidates.count, limit * 8)
        }
    }
}

extension TokenCandidates {
    /// Moves the `k` best candidates, sorted, to the front; the rest follow in no particular order.
    mutating func keepTopPreservingRest(_ k: Int) {
        var top = self
        top.keepTop(k)
        let kept = Set(top.ids)
        var restIDs: [Int32] = []
        var restLogits: [Float] = []
        restIDs.reserveCapacity(count - k)
        restLogits.reserveCapacity(count - k)
        for i in 0..<count where !kept.contains(ids[i]) {
            restIDs.append(ids[i])
            restLogits.append(logits[i])
        }
        ids = top.ids + restIDs
        logits = top.logits + restLogits
        isSorted = false
    }
}

#if canImport(Glibc)
import Glibc
#endif
