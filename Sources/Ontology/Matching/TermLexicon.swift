/// The matcher's vocabulary: folded words → normalised token ids → root ids, interned once at build time so that
/// a query word the ontology already uses costs one dictionary lookup instead of the normalisation rules.
struct TermLexicon: Sendable {
    /// A query word after lookup: its token and root ids when the ontology uses them, else the root's text.
    struct Word {
        var token: Int32?
        var root: Int32?
        var rootText: String = ""
    }

    private(set) var tokenIDs: [String: Int32] = [:]       // canonical word → token id
    private(set) var rootIDs: [String: Int32] = [:]        // root → root id
    private(set) var rootOfToken: [Int32] = []             // token id → root id
    private(set) var rootNames: [String] = []              // root id → root
    private var byWord: [String: Int32] = [:]              // folded word (before canonical folding) → token id

    /// The number of distinct roots.
    var rootCount: Int { rootNames.count }

    /// The token id of a folded word, adding the word, its token and its root when new.
    mutating func intern(_ word: String) -> Int32 {
        if let id = byWord[word] { return id }
        let canonical = TermNormalizer.canonicalWord(word)
        let id: Int32
        if let existing = tokenIDs[canonical] {
            id = existing
        } else {
            id = Int32(rootOfToken.count)
            tokenIDs[canonical] = id
            let root = TermNormalizer.root(TermNormalizer.canonicalWord(word))
            if let r = rootIDs[root] {
                rootOfToken.append(r)
            } else {
                rootIDs[root] = Int32(rootNames.count)
                rootOfToken.append(Int32(rootNames.count))
                rootNames.append(root)
            }
        }
        byWord[word] = id
        return id
    }

    /// A folded word at query time; never adds.
    func lookup(_ word: String) -> Word {
        if let id = byWord[word] ?? tokenIDs[TermNormalizer.canonicalWord(word)] {
            return Word(token: id, root: rootOfToken[Int(id)])
        }
        let root = TermNormalizer.root(TermNormalizer.canonicalWord(word))
        return Word(token: nil, root: rootIDs[root], rootText: root)
    }

    /// The token id of a folded word, if the ontology uses it.
    func token(_ word: String) -> Int32? {
        byWord[word] ?? tokenIDs[TermNormalizer.canonicalWord(word)]
    }
}
