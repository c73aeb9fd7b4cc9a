import Foundation

/// Fuzzy tier: rarity-weighted overlap of word roots, asymmetric so that extra words in the mention ("sporadic
/// breast cancer") cost less than extra words in the term (a narrower concept than the mention names).
extension TermMatcher {
    /// Penalty weights of the Tversky similarity (Tversky 1977, "Features of similarity"):
    /// S / (S + a·(mention-only weight) + b·(term-only weight)); a = b = 0.5 would be Dice.
    enum FuzzyWeights {
        static let mentionOnly = 0.15
        static let termOnly = 0.6
        /// A typo-corrected word counts this much of its weight.
        static let typo = 0.8
    }

    /// Offers the best `limit` concepts whose terms share enough rarity-weighted roots with `words`.
    func fuzzy(_ words: [TermLexicon.Word], threshold: Double, limit: Int, offer: (Int32, Double, MatchKind) -> Void) {
        // One slot per distinct query root (a misspelt word counts as its likeliest correction), rarest first.
        var slots: [(root: Int32, weight: Double, value: Double)] = []
        slots.reserveCapacity(words.count)
        var unknownWeight = 0.0
        for w in words {
            var root = w.root
            var factor = 1.0
            if root == nil, w.rootText.utf8.count >= 5, let r = correction(of: w.rootText) {
                root = r
                factor = FuzzyWeights.typo
            }
            guard let r = root else {
                unknownWeight += maxIDF   // a word the ontology never uses: as rare as it gets
                continue
            }
            if !slots.contains(where: { $0.root == r }) { slots.append((r, idf[Int(r)], factor * idf[Int(r)])) }
        }
        guard !slots.isEmpty, threshold < Tier.fuzzy else { return }
        slots.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.root < $1.root }
        let shareable = slots.reduce(0) { $0 + $1.weight }
        let q = shareable + unknownWeight
        var (hits, floor) = postingData.withUnsafeBufferPointer { data in
            postingStart.withUnsafeBufferPointer { starts in
                Self.scan(data, starts, slots: slots, q: q, threshold: threshold, limit: limit)
            }
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

    /// Scores the postings of the query's roots, rarest first; the hits at or above the final floor, and it.
    private static func scan(_ data: UnsafeBufferPointer<Int32>, _ starts: UnsafeBufferPointer<Int32>,
                             slots: [(root: Int32, weight: Double, value: Double)], q: Double, threshold: Double,
                             limit: Int) -> (hits: [(term: Int32, score: Double)], floor: Double) {
        let a = FuzzyWeights.mentionOnly, b = FuzzyWeights.termOnly, f = Tier.fuzzy
        let queryRoots = slots.map(\.root), queryValue = slots.map(\.value)
        // A 64-bit membership filter of the query roots, so most term roots are rejected without a search.
        var mask: UInt64 = 0
        for r in queryRoots { mask |= 1 << UInt64(r & 63) }
        // `floor` rises to the `limit`-th best distinct concept found so far: nothing below it can be returned.
        var floor = threshold
        var top: [(concept: Int32, score: Double)] = []
        var hits: [(term: Int32, score: Double)] = []
        // A term sharing weight s scores at most f·s / (s + a·(q − s)); below `shareNeeded` it cannot reach the
        // floor, so only the postings of the rarest roots, down to where the rest could not add up to it, are read.
        var remaining = slots.reduce(0) { $0 + $1.weight }
        for slot in slots {
            var need = shareNeeded(floor, q)
            guard remaining >= need else { break }
            // A term first met in this list lacks the rarer roots already read, so it shares at most `remaining`;
            // terms heavier than `maxWeight` cannot reach the floor with that, nor terms lighter than `need`.
            var maxWeight = maxTermWeight(remaining, floor, q)
            // Roots of the query other than this list's: a term whose signature misses them all shares only this one.
            var others: UInt64 = 0
            for r in queryRoots where r != slot.root { others |= 1 << UInt64(r & 63) }
            let h = entryHeader
            var i = Int(starts[Int(slot.root)])
            let end = Int(starts[Int(slot.root) + 1])
            while i < end {
                let n = Int(data[i + 4])
                let weight = Double(Float(bitPattern: UInt32(bitPattern: data[i + 2])))
                if weight > maxWeight { break }
                if weight < need { i += h + n; continue }
                let signature = UInt64(UInt32(bitPattern: data[i + 5])) | UInt64(UInt32(bitPattern: data[i + 6])) << 32
                var shared = slot.value
                if signature & others != 0 {
                    shared = 0
                    for k in i + h..<i + h + n {
                        let r = data[k]
                        guard mask & (1 << UInt64(r & 63)) != 0 else { continue }
                        for j in 0..<queryRoots.count where queryRoots[j] == r { shared += queryValue[j]; break }
                    }
                }
                shared = min(shared, q, weight)
                let numerator = f * shared * Double(Float(bitPattern: UInt32(bitPattern: data[i + 3])))
                let denominator = shared + a * (q - shared) + b * (weight - shared)
                if numerator >= floor * denominator {
                    let score = numerator / denominator
                    hits.append((data[i], score))
                    if keepTop(&top, concept: data[i + 1], score: score, limit: limit), top.count == limit {
                        floor = max(threshold, top[limit - 1].score)
                        maxWeight = maxTermWeight(remaining, floor, q)
                        need = shareNeeded(floor, q)
                    }
                }
                i += h + n
            }
            remaining -= slot.weight
        }
        return (hits, floor)
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

    /// The known root one deletion away from `root` on either side (one substitution, insertion or deletion;
    /// the symmetric-deletion scheme of SymSpell, Garbe 2012, over 64-bit hashes of the variants) that the most
    /// terms use: the likeliest intended word, as in Norvig's spelling corrector (2007).
    func correction(of root: String) -> Int32? {
        var best: Int32?
        for h in Self.neighbourhood(of: Array(root.utf8), withWord: true) {
            for id in deletes[h] ?? [] {
                guard let b = best else { best = id; continue }
                if idf[Int(id)] < idf[Int(b)] || (idf[Int(id)] == idf[Int(b)] && id < b) { best = id }
            }
        }
        return best
    }

    /// FNV-1a hashes of `word` (first, when `withWord`) and of each of its one-letter deletions.
    static func neighbourhood(of word: [UInt8], withWord: Bool) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(word.count + 1)
        for skip in (withWord ? -1 : 0)..<word.count {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for (i, b) in word.enumerated() where i != skip { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            out.append(h)
        }
        return out
    }
}
