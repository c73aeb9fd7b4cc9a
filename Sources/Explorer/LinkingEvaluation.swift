import Grounding
import Ontology

/// acc@1, recall@5 and coverage of the linker on gold mentions (gold mention strings as given, no NER).
///
/// A mention counts as reachable when some loaded concept has one of its gold ids as its id or as an equivalence
/// cross-reference; acc@1 and recall@5 are over reachable mentions. A candidate is right when its merged group
/// is known by one of the gold ids.
public struct LinkingEvaluation: Sendable, Codable {
    public var mentions: Int
    public var reachable: Int
    public var correctAt1: Int
    public var correctAt5: Int
    public var unlinked: Int
    public var coverage: Double
    public var accuracyAt1: Double
    public var recallAt5: Double
    /// Up to 40 reachable mentions whose top candidate was wrong: mention, gold, top candidate.
    public var misses: [[String]]

    public static func run(gold: LinkingGold, linker: EntityLinker) -> LinkingEvaluation {
        let index = linker.index
        var known: Set<String> = []
        for c in index.concepts where !c.isObsolete {
            known.insert(c.id)
            for x in c.xrefs where x.match.isEquivalence { known.insert(x.code) }
        }
        var reachable = 0, at1 = 0, at5 = 0, unlinked = 0
        var misses: [[String]] = []
        var groupCodes: [Int: Set<String>] = [:]
        for mention in gold.mentions {
            let ids = Set(mention.ids.compactMap(CURIE.normalize))
            guard !ids.isDisjoint(with: known) else { continue }
            reachable += 1
            let candidates = linker.link(mention.text, limit: 5)
            if candidates.isEmpty { unlinked += 1 }
            for (rank, c) in candidates.enumerated() {
                let g = index.groupOf[c.conceptIndex]
                let codes = groupCodes[g] ?? index.codes(ofGroupOf: c.conceptIndex)
                groupCodes[g] = codes
                if !codes.isDisjoint(with: ids) {
                    if rank == 0 { at1 += 1 }
                    at5 += 1
                    break
                }
            }
            if let top = candidates.first, !(groupCodes[index.groupOf[top.conceptIndex]] ?? []).isDisjoint(with: ids) {
                continue
            }
            if misses.count < 40 {
                misses.append([mention.text, ids.sorted().joined(separator: "|"),
                               candidates.first.map { "\($0.id) \($0.label)" } ?? "(none)"])
            }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : (Double(a) / Double(b) * 1000).rounded() / 1000 }
        return LinkingEvaluation(mentions: gold.mentions.count, reachable: reachable, correctAt1: at1, correctAt5: at5,
                                 unlinked: unlinked, coverage: ratio(reachable, gold.mentions.count),
                                 accuracyAt1: ratio(at1, reachable), recallAt5: ratio(at5, reachable), misses: misses)
    }
}
