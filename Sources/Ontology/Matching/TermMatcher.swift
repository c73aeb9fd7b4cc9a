import Foundation

/// Ranks concepts for a free-text mention: exact label → synonym → normalised → word order → root (word families,
/// organ adjectives) → fuzzy (rarity-weighted root overlap with single-typo tolerance).
///
/// ```swift
/// let candidates = index.matcher.candidates(for: "Myocardial infarctions", limit: 5)
/// ```
public final class TermMatcher: Sendable {
    struct Term: Sendable {
        let concept: Int32
        let text: String
        let quality: Double     // 1 for labels, lower for synonyms by scope
    }

    /// Scores of the tiers below an exact match, before the term's quality is applied.
    enum Tier {
        /// The least a synonym written exactly as the mention scores, whatever its scope: the same string, as
        /// curated, is better evidence than a normalised match of another term.
        static let exactSynonym = 0.96
        static let normalized = 0.95
        static let wordOrder = 0.9
        static let root = 0.87
        static let fuzzy = 0.85
    }

    let terms: [Term]
    let lexicon: TermLexicon
    let exactMap: [String: [Int32]]          // lower-cased text → term ids
    let normalizedMap: [[Int32]: [Int32]]    // token ids in order → term ids
    let bagMap: [[Int32]: [Int32]]           // sorted token ids → term ids
    let rootMap: [[Int32]: [Int32]]          // sorted distinct root ids → term ids
    let idf: [Double]                        // root id → idf
    /// Fuzzy postings, one block per root (`postingStart[root]..<postingStart[root + 1]`) listing the terms that
    /// have the root by increasing weight, each entry inline so a scan reads memory in order:
    /// term id, concept, weight (Float bits), quality (Float bits), root count n, a 64-bit signature of the roots
    /// (bit root % 64, as two Int32), then the term's n roots.
    let postingData: [Int32]
    let postingStart: [Int32]
    /// The Int32s before the roots in a posting entry.
    static let entryHeader = 7
    let deletes: [UInt64: [Int32]]           // hashed roots and their one-letter deletions → root ids
    let maxIDF: Double                       // the weight of a word the ontology never uses

    /// The number of distinct indexed terms (labels and synonyms).
    public var termCount: Int { terms.count }

    /// Builds the matcher over `concepts`; obsolete concepts are not indexed.
    public init(concepts: [Concept]) {
        let b = TermIndexBuilder(concepts: concepts)
        terms = b.terms
        lexicon = b.lexicon
        exactMap = b.exactMap
        normalizedMap = b.normalizedMap
        bagMap = b.bagMap
        rootMap = b.rootMap
        idf = b.idf
        postingData = b.postingData
        postingStart = b.postingStart
        deletes = b.deletes
        maxIDF = log(Double(max(b.terms.count, 1)) + 1)
    }

    /// `sorted` without repeats.
    static func distinct(_ values: [Int32]) -> [Int32] {
        var out = values
        out.sort()
        var n = 0
        for v in out where n == 0 || out[n - 1] != v { out[n] = v; n += 1 }
        out.removeLast(out.count - n)
        return out
    }

    /// Ranked candidates for `mention`, best first, at most `limit`, none below `threshold`.
    public func candidates(for mention: String, limit: Int = 5, threshold: Double = 0.5) -> [TermCandidate] {
        let trimmed = mention.trimmingSpaces()
        guard !trimmed.isEmpty, limit > 0 else { return [] }
        var best: [(term: Int32, score: Double, kind: MatchKind)] = []   // one per concept
        best.reserveCapacity(limit + 3)
        func offer(_ termID: Int32, _ score: Double, _ kind: MatchKind) {
            guard score >= threshold else { return }
            let concept = terms[Int(termID)].concept
            if let i = best.firstIndex(where: { terms[Int($0.term)].concept == concept }) {
                if best[i].score < score { best[i] = (termID, score, kind) }
            } else {
                best.append((termID, score, kind))
            }
        }
        for id in exactMap[trimmed.asciiLowercased()] ?? [] {
            let quality = terms[Int(id)].quality
            if quality == 1.0 { offer(id, 1.0, .exact) } else { offer(id, max(quality, Tier.exactSynonym), .synonym) }
        }
        let words = TermNormalizer.words(trimmed).map { lexicon.lookup($0) }
        if !words.isEmpty {
            var tokens: [Int32] = []
            var roots: [Int32] = []
            tokens.reserveCapacity(words.count)
            roots.reserveCapacity(words.count)
            for w in words {
                if let t = w.token { tokens.append(t) }
                if let r = w.root { roots.append(r) }
            }
            if tokens.count == words.count {
                for id in normalizedMap[tokens] ?? [] { offer(id, Tier.normalized * terms[Int(id)].quality, .normalized) }
                if tokens.count > 1 {
                    tokens.sort()
                    for id in bagMap[tokens] ?? [] { offer(id, Tier.wordOrder * terms[Int(id)].quality, .wordOrder) }
                }
            }
            if roots.count == words.count {
                for id in rootMap[Self.distinct(roots)] ?? [] { offer(id, Tier.root * terms[Int(id)].quality, .root) }
            }
            // Fuzzy candidates must beat the `limit`-th candidate already found to be returned at all.
            var floor = threshold
            if best.count >= limit {
                let scores = best.map(\.score).sorted(by: >)
                floor = max(threshold, scores[limit - 1])
            }
            fuzzy(words, threshold: floor, limit: limit, offer: offer)
        }
        return best.map { hit in
            let term = terms[Int(hit.term)]
            return TermCandidate(concept: Int(term.concept), score: hit.score, match: hit.kind, matchedTerm: term.text)
        }.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.concept < $1.concept
        }.prefix(limit).map { $0 }
    }
}

extension String {
    /// The string without surrounding white space (fast for ASCII).
    func trimmingSpaces() -> String {
        let u = utf8
        if let f = u.first, let l = u.last, f > 0x20 && f < 0x80 && l > 0x20 && l < 0x80 { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// `lowercased()`, without the Unicode tables when the text is ASCII.
    func asciiLowercased() -> String {
        var copy = self
        return copy.withUTF8 { buffer -> String in
            var upper = false
            for b in buffer {
                if b >= 0x80 { return lowercased() }
                if b >= 0x41 && b <= 0x5A { upper = true }
            }
            guard upper else { return self }
            return String(unsafeUninitializedCapacity: buffer.count) { out in
                for (i, b) in buffer.enumerated() { out[i] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
                return buffer.count
            }
        }
    }
}
