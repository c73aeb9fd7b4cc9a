import Foundation

/// Builds the matcher's tables: terms, the exact/normalised/word-order/root keys, idf and the fuzzy postings.
struct TermIndexBuilder {
    var terms: [TermMatcher.Term] = []
    var lexicon = TermLexicon()
    var exactMap: [String: [Int32]] = [:]          // lower-cased text → term ids
    var normalizedMap: [[Int32]: [Int32]] = [:]    // token ids in order → term ids
    var bagMap: [[Int32]: [Int32]] = [:]           // sorted token ids → term ids
    var rootMap: [[Int32]: [Int32]] = [:]          // sorted distinct root ids → term ids
    // Each term's distinct roots (flat, with offsets), and each root's document frequency and idf.
    var termRoots: [Int32] = []
    var termRootStart: [Int32] = [0]
    var documentFrequency: [Int32] = []
    var idf: [Double] = []
    /// Fuzzy postings, one block per root (`postingStart[root]..<postingStart[root + 1]`) listing the terms that
    /// have the root by increasing weight, each entry inline so a scan reads memory in order:
    /// term id, concept, weight (Float bits), quality (Float bits), root count n, a 64-bit signature of the roots
    /// (bit root % 64, as two Int32), then the term's n roots.
    var postingData: [Int32] = []
    var postingStart: [Int32] = []
    var deletes: [UInt64: [Int32]] = [:]           // hashed roots and their one-letter deletions → root ids

    /// Indexes every label and synonym of the concepts that are not obsolete.
    init(concepts: [Concept]) {
        var seen: Set<String> = []
        for (i, concept) in concepts.enumerated() where !concept.isObsolete {
            seen.removeAll(keepingCapacity: true)
            add(concept.label, concept: Int32(i), quality: 1.0, seen: &seen)
            for synonym in concept.synonyms {
                let quality: Double
                switch synonym.scope {
                case .exact: quality = 0.97
                case .related: quality = 0.86
                case .broad, .narrow: quality = 0.82
                }
                add(synonym.text, concept: Int32(i), quality: quality, seen: &seen)
            }
        }
        let n = Double(max(terms.count, 1))
        // BM25's idf (Robertson & Zaragoza 2009), floored so that very common roots still count a little.
        idf = documentFrequency.map { df in max(0.1, log((n - Double(df) + 0.5) / (Double(df) + 0.5) + 1)) }
        buildPostings()
        for r in 0..<lexicon.rootCount {
            let root = lexicon.rootNames[r]
            guard root.utf8.count >= 4 else { continue }
            // Deletions of roots of five letters or more; shorter roots only as themselves.
            let hashes = TermMatcher.neighbourhood(of: Array(root.utf8), withWord: true)
            for h in root.utf8.count >= 5 ? hashes : [hashes[0]] {
                deletes[h, default: []].append(Int32(r))
            }
        }
    }

    /// Indexes one label or synonym; a text the concept already has (ignoring case) is skipped.
    private mutating func add(_ text: String, concept: Int32, quality: Double, seen: inout Set<String>) {
        let trimmed = text.trimmingSpaces()
        let lower = trimmed.asciiLowercased()
        guard !trimmed.isEmpty, seen.insert(lower).inserted else { return }
        let id = Int32(terms.count)
        let tokens = TermNormalizer.words(trimmed).map { lexicon.intern($0) }
        terms.append(TermMatcher.Term(concept: concept, text: trimmed, quality: quality))
        exactMap[lower, default: []].append(id)
        let roots = TermMatcher.distinct(tokens.map { lexicon.rootOfToken[Int($0)] })
        termRoots += roots
        termRootStart.append(Int32(termRoots.count))
        while documentFrequency.count < lexicon.rootCount { documentFrequency.append(0) }
        for r in roots { documentFrequency[Int(r)] += 1 }
        guard !tokens.isEmpty else { return }
        normalizedMap[tokens, default: []].append(id)
        if tokens.count > 1 { bagMap[tokens.sorted(), default: []].append(id) }
        rootMap[roots, default: []].append(id)
    }

    /// Lays out the fuzzy postings (see `postingData`).
    private mutating func buildPostings() {
        let count = terms.count
        var weight = [Double](repeating: 0, count: count)
        for t in 0..<count {
            weight[t] = termRoots[Int(termRootStart[t])..<Int(termRootStart[t + 1])].reduce(0) { $0 + idf[Int($1)] }
        }
        var size = [Int](repeating: 0, count: lexicon.rootCount + 1)
        for t in 0..<count {
            let n = Int(termRootStart[t + 1] - termRootStart[t])
            for k in Int(termRootStart[t])..<Int(termRootStart[t + 1]) { size[Int(termRoots[k]) + 1] += TermMatcher.entryHeader + n }
        }
        for r in 0..<lexicon.rootCount { size[r + 1] += size[r] }
        postingStart = size.map { Int32($0) }
        postingData = [Int32](repeating: 0, count: size[lexicon.rootCount])
        var cursor = size
        for t in (0..<count).sorted(by: { weight[$0] != weight[$1] ? weight[$0] < weight[$1] : $0 < $1 }) {
            let roots = termRoots[Int(termRootStart[t])..<Int(termRootStart[t + 1])]
            var signature: UInt64 = 0
            for r in roots { signature |= 1 << UInt64(r & 63) }
            let entry = [Int32(t), terms[t].concept, Int32(bitPattern: Float(weight[t]).bitPattern),
                         Int32(bitPattern: Float(terms[t].quality).bitPattern), Int32(roots.count),
                         Int32(truncatingIfNeeded: signature), Int32(truncatingIfNeeded: signature >> 32)] + roots
            for r in roots {
                let at = cursor[Int(r)]
                postingData.replaceSubrange(at..<at + entry.count, with: entry)
                cursor[Int(r)] += entry.count
            }
        }
    }

}
