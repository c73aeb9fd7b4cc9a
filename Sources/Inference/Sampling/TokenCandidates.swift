/// The candidate next tokens for one sampling step: ids with their logits, reduced step by step by the samplers.
///
/// Starts as the whole vocabulary in id order. Filters keep a subset; once a filter has sorted the candidates,
/// `isSorted` says so and later filters reuse the order.
public struct TokenCandidates: Sendable {
    public var ids: [Int32]
    public var logits: [Float]
    /// Whether the candidates are in descending logit order.
    public var isSorted: Bool

    /// All `count` tokens of the vocabulary with their logits.
    public init(logits: UnsafeBufferPointer<Float>) {
        self.logits = Array(logits)
        ids = (0..<Int32(logits.count)).map { $0 }
        isSorted = false
    }

    public init(ids: [Int32], logits: [Float], isSorted: Bool = false) {
        precondition(ids.count == logits.count, "ids and logits differ in length")
        self.ids = ids
        self.logits = logits
        self.isSorted = isSorted
    }

    public var count: Int { ids.count }

    /// The index of the highest logit (the lowest id among equals).
    public var argmax: Int {
        logits.withUnsafeBufferPointer { Self.argmax($0) }
    }

    /// The index of the highest of `logits` (the first among equals); 0 when empty.
    public static func argmax(_ logits: UnsafeBufferPointer<Float>) -> Int {
        var best = 0
        for i in 1..<max(logits.count, 1) where logits[i] > logits[best] { best = i }
        return best
    }

    /// Keeps only the `k` highest logits, sorted descending (ties: lower id first).
    public mutating func keepTop(_ k: Int) {
        let k = min(max(k, 1), count)
        if isSorted {
            ids.removeLast(count - k)
            logits.removeLast(count - k)
            return
        }
        var order = Array(0..<count)
        let better: (Int, Int) -> Bool = { a, b in
            self.logits[a] != self.logits[b] ? self.logits[a] > self.logits[b] : self.ids[a] < self.ids[b]
        }
        if k < count / 8 {
            order = Self.partialTop(order, k: k, by: better)
        } else {
            order.sort(by: better)
            order.removeLast(count - k)
        }
        ids = order.map { ids[$0] }
        logits = order.map { logits[$0] }
        isSorted = true
    }

    /// Sorts all candidates by descending logit.
    public mutating func sort() {
        if !isSorted { keepTop(count) }
    }

    /// Softmax probabilities of the current logits (numerically stable).
    public func probabilities() -> [Float] {
        guard let maxLogit = logits.max() else { return [] }
        var p = logits.map { expf($0 - maxLogit) }
        let sum = p.reduce(0, +)
        for i in p.indices { p[i] /= sum }
        return p
    }

    /// Removes the candidates at positions where `keep` is false.
    mutating func filter(_ keep: (Int) -> Bool) {
        var n = 0
        for i in 0..<count where keep(i) {
            ids[n] = ids[i]
            logits[n] = logits[i]
            n += 1
        }
        ids.removeLast(count - n)
        logits.removeLast(count - n)
    }

    /// The `k` best of `order` in sorted order, by a bounded selection (a min-heap of k) rather than a full sort.
    private static func partialTop(_ order: [Int], k: Int, by better: (Int, Int) -> Bool) -> [Int] {
        var heap: [Int] = []   // min-heap under `better`: heap[0] is the worst kept
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count, better(heap[worst], heap[l]) { worst = l }
                if r < heap.count, better(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        for x in order {
            if heap.count < k {
                heap.append(x)
                var i = heap.count - 1
                while i > 0 {
                    let parent = (i - 1) / 2
                    guard better(heap[parent], heap[i]) else { break }
                    heap.swapAt(parent, i)
                    i = parent
                }
            } else if better(x, heap[0]) {
                heap[0] = x
                siftDown(0)
            }
        }
        return heap.sorted(by: better)
    }
}

#if canImport(Glibc)
import Glibc
#endif
