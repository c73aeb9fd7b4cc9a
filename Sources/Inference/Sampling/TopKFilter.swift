/// Keeps the `k` most likely tokens (Fan et al. 2018); `k` ≤ 0 keeps all.
public struct TopKFilter: LogitProcessor {
    public let k: Int

    public init(k: Int) { self.k = k }

    public func process(_ candidates: inout TokenCandidates, history: ArraySlice<Int>) {
        guard k > 0, k < candidates.count else { return }
        candidates.keepTop(k)
    }
}
