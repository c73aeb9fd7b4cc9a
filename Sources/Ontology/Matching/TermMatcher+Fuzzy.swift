import Foundation

/// Fuzzy tier: rarity-weighted overlap of word roots, asymmetric so that extra words in the mention ("sporadic
/// breast cancer") cost less than extra words in the term (a narrower concept than the mention names).
extension TermMatcher {
    /// Penalty weights of the Tversky similarity (Tversky 1977, "Features of similarity"):
    /// S / (S + a·(mention-only weight) + b·(term-only weight)); a = b = 0.5 would be Dice.
    enum FuzzyWeights {
        static let mentionOnly = 0.35
        static let termOnly = 0.65
        /// A typo-corrected word counts this much of its weight.
        static let typo = 0.8
    }

    /// One query word: the roots it may match (with a factor) and its weight.
    struct QuerySlot {
        var roots: [(root: Int32, factor: Double)]
        var weight: Double
    }

    func fuzzy(_ words: [TermLexicon.Word], threshold: Double, limit: Int, offer: (Int32, Double, MatchKind) -> Void) {
        var slots: [QuerySlot] = []
        var seenRoots: Set<Int32> = []
        var unknownWeight = 0.0
        let maxIDF = log(Double(max(terms.count, 1)) + 1)
        for w in words {
            if let r = w.root {
                if seenRoots.insert(r).inserted { slots.append(QuerySlot(roots: [(r, 1.0)], weight: idf[Int(r)])) }
                continue
            }
            let near = w.rootText.utf8.count >= 5 ? neighbours(of: w.rootText) : []
            if near.isEmpty {
                unknownWeight += maxIDF   // a word the ontology never uses: as rare as it gets
            } else {
                slots.append(QuerySlot(roots: near.map { ($0, FuzzyWeights.typo) },
                                       weight: near.map { idf[Int($0)] }.max() ?? maxIDF))
            }
        }
        guard !slots.isEmpty else { return }
        slots.sort { $0.weight > $1.weight }
        let shareable = slots.reduce(0) { $0 + $1.weight }
        let q = shareable + unknownWeight
        let a = FuzzyWeights.mentionOnly, b = FuzzyWeights.termOnly, f = Tier.fuzzy
        // A term sharing weight s scores at most f·s / (s + a·(q − s)); below `shareNeeded` it cannot reach the
        // floor, so only the postings of the rarest words, down to where the rest could not add up to it, are read.
        guard threshold < f else { return }
        // The query roots, flat, for the per-term scan.
        var queryRoots: [Int32] = []
        var queryValue: [Double] = []
        for s in slots {
            for (r, factor) in s.roots { queryRoots.append(r); queryValue.append(factor * s.weight) }
        }
        // `floor` rises to the `limit`-th best distinct concept found so far: nothing below it can be returned.
        var floor = threshold
        var top: [(concept: Int32, score: Double)] = []
        var hits: [(term: Int32, score: Double)] = []
        var remaining = shareable
        postingData.withUnsafeBufferPointer { data in
            for slot in slots {
                guard remaining >= Self.shareNeeded(floor, q) else { break }
                for (root, _) in slot.roots {
                    // A term first met in this list lacks the rarer words already read, so it shares at most
                    // `remaining`; terms heavier than `maxWeight` cannot reach the floor with that.
                    var maxWeight = Self.maxTermWeight(remaining, floor, q)
                    var i = Int(postingStart[Int(root)])
                    let end = Int(postingStart[Int(root) + 1])
                    while i < end {
                        DebugCounters.scanned += 1
                        let weight = Double(Float(bitPattern: UInt32(bitPattern: data[i + 2])))
                        if weight > maxWeight { break }
                        let n = Int(data[i + 4])
                        var shared = 0.0
                        for k in i + 5..<i + 5 + n {
                            let r = data[k]
                            for j in 0..<queryRoots.count where queryRoots[j] == r { shared += queryValue[j]; break }
                        }
                        shared = min(shared, q, weight)
                        let score = f * shared / (shared + a * (q - shared) + b * (weight - shared))
                            * Double(Float(bitPattern: UInt32(bitPattern: data[i + 3])))
                        if score >= floor {
                            hits.append((data[i], score))
                            if Self.keepTop(&top, concept: data[i + 1], score: score, limit: limit), top.count == limit {
                                floor = max(threshold, top[limit - 1].score)
                                maxWeight = Self.maxTermWeight(remaining, floor, q)
                            }
                        }
                        i += 5 + n
                    }
                }
                remaining -= slot.weight
            }
        }
        DebugCounters.calls += 1
        DebugCounters.hits += hits.count
        if DebugCounters.scanned - DebugCounters.lastScanned > 3000, DebugCounters.samples.count < 40 {
            DebugCounters.samples.append("\(DebugCounters.scanned - DebugCounters.lastScanned) \(words.map(\.rootText)) floor \(floor)")
        }
        DebugCounters.lastScanned = DebugCounters.scanned
        if DebugCounters.calls % 50000 == 0 {
            FileHandle.standardError.write(("calls \(DebugCounters.calls) scanned \(DebugCounters.scanned) hits \(DebugCounters.hits)\n" + DebugCounters.samples.joined(separator: "\n") + "\n").data(using: .utf8)!)
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }
        var concepts: [Int32] = []
        for hit in hits where concepts.count < limit && hit.score >= floor {
            let c = terms[Int(hit.term)].concept
            if concepts.contains(c) { continue }
            concepts.append(c)
            offer(hit.term, hit.score, .fuzzy)
        }
    }

    /// The least weight a term must share with a query of weight `q` to score `floor` (its other words free).
    @inline(__always)
    static func shareNeeded(_ floor: Double, _ q: Double) -> Double {
        let a = FuzzyWeights.mentionOnly, f = Tier.fuzzy
        return floor * a * q / (f - floor + floor * a)
    }

    /// The heaviest term that can score `floor` sharing at most `shared` with a query of weight `q`.
    @inline(__always)
    static func maxTermWeight(_ shared: Double, _ floor: Double, _ q: Double) -> Double {
        let a = FuzzyWeights.mentionOnly, b = FuzzyWeights.termOnly, f = Tier.fuzzy
        return shared + (f * shared / floor - shared - a * (q - shared)) / b
    }

    /// Keeps `top` as the best `limit` distinct concepts, best first; whether it changed.
    @inline(__always)
    static func keepTop(_ top: inout [(concept: Int32, score: Double)], concept: Int32, score: Double,
                        limit: Int) -> Bool {
        if let i = top.firstIndex(where: { $0.concept == concept }) {
            guard top[i].score < score else { return false }
            top.remove(at: i)
        } else if top.count == limit, let last = top.last, last.score >= score {
            return false
        }
        let at = top.firstIndex { $0.score < score } ?? top.count
        top.insert((concept, score), at: at)
        if top.count > limit { top.removeLast() }
        return true
    }

    /// Known roots one deletion away from `root` on either side (covers one substitution, insertion or deletion).
    func neighbours(of root: String) -> [Int32] {
        var near: [Int32] = []
        for variant in [root] + Self.deletions(of: root) {
            for id in deletes[variant] ?? [] where !near.contains(id) { near.append(id) }
            if let id = lexicon.rootIDs[variant], !near.contains(id) { near.append(id) }
        }
        return Array(near.prefix(4))
    }

    static func deletions(of word: String) -> [String] {
        let chars = Array(word.utf8)
        guard chars.count >= 2 else { return [] }
        var out: [String] = []
        out.reserveCapacity(chars.count)
        for i in 0..<chars.count {
            var copy = chars
            copy.remove(at: i)
            out.append(String(decoding: copy, as: UTF8.self))
        }
        return out
    }
}


enum DebugCounters {
    nonisolated(unsafe) static var calls = 0
    nonisolated(unsafe) static var scanned = 0
    nonisolated(unsafe) static var lastScanned = 0
    nonisolated(unsafe) static var hits = 0
    nonisolated(unsafe) static var samples: [String] = []
}
