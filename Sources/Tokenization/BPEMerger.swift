/// Merges the byte symbols of one pre-tokenized word: repeatedly joins the adjacent pair with the lowest merge
/// rank, the leftmost pair first among equal ranks. Order as llama.cpp's `llm_tokenizer_bpe_session` (its
/// priority queue pops the lowest rank, then the lowest left index). Short words use a flat array; long ones a
/// heap over a linked list, so a 100 kB word without spaces stays O(n log n).
struct BPEMerger: Sendable {
    let table: MergeTable
    /// Words up to this many bytes use the flat-array merge.
    static let flatLimit = 48

    /// How to find the next pair; `automatic` picks by word length (tests compare the two).
    enum Strategy {
        case automatic, flat, heap
    }

    /// The symbols `word` ends up as.
    func merge(_ word: UnsafeBufferPointer<UInt8>, strategy: Strategy = .automatic) -> [UInt32] {
        if word.count <= 1 { return word.map { table.byteSymbols[Int($0)] } }
        switch strategy {
        case .automatic: return word.count <= Self.flatLimit ? mergeFlat(word) : mergeWithHeap(word)
        case .flat: return mergeFlat(word)
        case .heap: return mergeWithHeap(word)
        }
    }

    private func mergeFlat(_ word: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var symbols = word.map { table.byteSymbols[Int($0)] }
        var ranks = [UInt32](repeating: .max, count: symbols.count - 1)
        var results = [UInt32](repeating: 0, count: symbols.count - 1)
        func pair(_ index: Int) {
            if let merge = table.merge(symbols[index], symbols[index + 1]) {
                ranks[index] = merge.rank
                results[index] = merge.result
            } else {
                ranks[index] = .max
            }
        }
        for index in ranks.indices { pair(index) }
        while !ranks.isEmpty {
            var best = 0
            for index in 1..<ranks.count where ranks[index] < ranks[best] { best = index }
            guard ranks[best] != .max else { break }
            symbols[best] = results[best]
            symbols.remove(at: best + 1)
            ranks.remove(at: best)
            results.remove(at: best)
            if best > 0 { pair(best - 1) }
            if best < ranks.count { pair(best) }
        }
        return symbols
    }

    private struct Candidate {
        /// `rank << 32 | left`: the heap order.
        var key: UInt64
        var right: Int32
        var leftSymbol: UInt32
        var rightSymbol: UInt32
    }

    private func mergeWithHeap(_ word: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        let count = word.count
        let removed = UInt32.max
        var symbols = word.map { table.byteSymbols[Int($0)] }
        var next = (0..<count).map { Int32($0 + 1 < count ? $0 + 1 : -1) }
        var previous = (0..<count).map { Int32($0 - 1) }
        var heap = MinHeap<Candidate>(capacity: count) { $0.key < $1.key }
        func push(_ left: Int32, _ right: Int32) {
            guard left >= 0, right >= 0 else { return }
            let leftSymbol = symbols[Int(left)], rightSymbol = symbols[Int(right)]
            guard let merge = table.merge(leftSymbol, rightSymbol) else { return }
            heap.push(Candidate(key: UInt64(merge.rank) << 32 | UInt64(left), right: right,
                                leftSymbol: leftSymbol, rightSymbol: rightSymbol))
        }
        for index in 0..<(count - 1) { push(Int32(index), Int32(index + 1)) }
        while let candidate = heap.pop() {
            let left = Int(truncatingIfNeeded: candidate.key & 0xFFFF_FFFF), right = Int(candidate.right)
            // Stale when either side has been merged since the pair was queued.
            guard next[left] == candidate.right, symbols[left] == candidate.leftSymbol,
                  symbols[right] == candidate.rightSymbol else { continue }
            symbols[left] = table.merge(candidate.leftSymbol, candidate.rightSymbol)!.result
            symbols[right] = removed
            next[left] = next[right]
            if next[right] >= 0 { previous[Int(next[right])] = Int32(left) }
            push(previous[left], Int32(left))
            push(Int32(left), next[left])
        }
        return symbols.filter { $0 != removed }
    }
}

/// A binary min-heap ordered by `areInOrder`.
struct MinHeap<Element> {
    private var items: [Element] = []
    private let areInOrder: (Element, Element) -> Bool

    init(capacity: Int, by areInOrder: @escaping (Element, Element) -> Bool) {
        items.reserveCapacity(capacity)
        self.areInOrder = areInOrder
    }

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ item: Element) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard areInOrder(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let top = items[0]
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && areInOrder(items[left], items[smallest]) { smallest = left }
            if right < items.count && areInOrder(items[right], items[smallest]) { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
