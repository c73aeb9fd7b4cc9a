import Dispatch

extension EntityLinker {
    /// Links every mention of `mentions`, spreading them over `threads` cores; the result is in input order and
    /// identical to calling `link(_:limit:)` on each mention in turn.
    ///
    /// ```swift
    /// let results = linker.link(batch: lines, limit: 5, threads: 2)   // results[i] ranks lines[i]
    /// ```
    public func link(batch mentions: [String], limit: Int = 5, threads: Int) -> [[ConceptLink]] {
        let workers = max(1, min(threads, mentions.count / 64))
        guard workers > 1 else { return mentions.map { link($0, limit: limit) } }
        // Interleaved chunks balance cheap and expensive mentions; each worker writes only its own slots.
        let chunk = 256
        let chunks = (mentions.count + chunk - 1) / chunk
        var results = [[ConceptLink]](repeating: [], count: mentions.count)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let slots = out
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var c = worker
                while c < chunks {
                    for i in c * chunk..<min(mentions.count, (c + 1) * chunk) { slots[i] = link(mentions[i], limit: limit) }
                    c += workers
                }
            }
        }
        return results
    }
}
