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

    func fuzzy(_ words: [TermLexicon.Word], threshold: Double, limit: Int, rarestOnly: Bool = false,
               offer: (Int32, Double, MatchKind) -> Void) {
        // Query slots (one per distinct word), rarest first: the roots a slot may match, with their value.
        var slots: [(weight: Double, first: Int, end: Int)] = []
        var slotRoots: [Int32] = []
        var slotValue: [Double] = []
        slotRoots.reserveCapacity(words.count)
        slotValue.reserveCapacity(words.count)
        var unknownWeight = 0.0
        for w in words {
            if let r = w.root {
                if slotRoots.contains(r) { continue }
                slots.append((idf[Int(r)], slotRoots.count, slotRoots.count + 1))
                slotRoots.append(r)
                slotValue.append(idf[Int(r)])
                continue
            }
            let near = w.rootText.utf8.count >= 5 ? neighbours(of: w.rootText) : []
            if near.isEmpty {
                unknownWeight += maxIDF   // a word the ontology never uses: as rare as it gets
            } else {
                let weight = near.map { idf[Int($0)] }.max() ?? maxIDF
                slots.append((weight, slotRoots.count, slotRoots.count + near.count))
                for r in near { slotRoots.append(r); slotValue.append(FuzzyWeights.typo * weight) }
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
        // A 64-bit membership filter of the query roots, so most term roots are rejected without a search.
        var mask: UInt64 = 0
        for r in slotRoots { mask |= 1 << UInt64(r & 63) }
        // `floor` rises to the `limit`-th best distinct concept found so far: nothing below it can be returned.
        var floor = threshold
        var top: [(concept: Int32, score: Double)] = []
        var hits: [(term: Int32, score: Double)] = []
        var remaining = shareable
        postingData.withUnsafeBufferPointer { data in
          slotRoots.withUnsafeBufferPointer { queryRoots in
            slotValue.withUnsafeBufferPointer { queryValue in
            for slot in rarestOnly ? slots.prefix(1) : slots[...] {
                var need = Self.shareNeeded(floor, q)
                guard remaining >= need else { break }
                for root in queryRoots[slot.first..<slot.end] {
                    // A term first met in this list lacks the rarer words already read, so it shares at most
                    // `remaining`; terms heavier than `maxWeight` cannot reach the floor with that, nor terms
                    // lighter than `need` (they cannot share enough).
                    var maxWeight = Self.maxTermWeight(remaining, floor, q)
                    var i = Int(postingStart[Int(root)])
                    let end = Int(postingStart[Int(root) + 1])
                    while i < end {
                        let n = Int(data[i + 4])
                        let weight = Double(Float(bitPattern: UInt32(bitPattern: data[i + 2])))
                        if weight > maxWeight { break }
                        if weight < need { i += 5 + n; continue }
                        var shared = 0.0
                        for k in i + 5..<i + 5 + n {
                            let r = data[k]
                            guard mask & (1 << UInt64(r & 63)) != 0 else { continue }
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
                                need = Self.shareNeeded(floor, q)
                            }
                        }
                        i += 5 + n
                    }
                }
                remaining -= slot.weight
            }
            }
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

    /// Known roots one deletion away from `root` on either side (covers one substitution, insertion or deletion),
    /// the symmetric-deletion scheme of SymSpell (Garbe 2012), over 64-bit hashes of the variants.
    func neighbours(of root: String) -> [Int32] {
        var near: [Int32] = []
        for h in Self.neighbourhood(of: Array(root.utf8), withWord: true) {
            for id in deletes[h] ?? [] where !near.contains(id) { near.append(id) }
        }
        return Array(near.prefix(4))
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
