import Ontology

/// Decides whether the ontology attests a hop between two linked concepts.
///
/// Relations count in either direction (reasoning paths are narrative, and knowledge-graph paths are undirected).
/// Through the is_a hierarchy the verifier looks a few levels up from either end and one level down, but never
/// through generic hubs (roots and concepts with very many children), where everything would connect.
public struct HopVerifier: Sendable {
    /// How many is_a levels up from each end are searched.
    public var maxAncestorDepth = 3
    /// Groups with at least this many direct children are hubs and are not expanded through.
    public var hubChildren = 25
    /// Children are searched only when a group has at most this many.
    public var maxDescendants = 30

    public let index: OntologyIndex

    public init(index: OntologyIndex) {
        self.index = index
    }

    /// The verdict for the hop from concept `a` to concept `b` (indices into `index.concepts`); nil ends are ungrounded.
    public func verify(_ a: Int?, _ b: Int?) -> HopVerification {
        guard let a, let b else { return HopVerification(verdict: .ungrounded) }
        let ga = index.groupOf[a], gb = index.groupOf[b]
        if ga == gb {
            return HopVerification(verdict: .attested, evidence: [
                HopEvidence(relation: "same_concept", subject: index.concepts[a].id, object: index.concepts[b].id,
                            source: sourceName(a), direction: "forward", chain: [], evidence: nil),
            ])
        }
        let direct = facts(between: ga, and: gb, chainA: [], chainB: [])
        if !direct.isEmpty { return HopVerification(verdict: .attested, evidence: direct) }
        // One is a kind of the other (within a few levels).
        if let chain = isAChain(from: ga, to: gb) {
            return HopVerification(verdict: .attested, evidence: [isAEvidence(chain, forward: true)])
        }
        if let chain = isAChain(from: gb, to: ga) {
            return HopVerification(verdict: .attested, evidence: [isAEvidence(chain, forward: false)])
        }
        let sideA = neighbourhood(ga)
        let sideB = neighbourhood(gb)
        var found: [(cost: Int, evidence: HopEvidence)] = []
        for (xa, pathA) in sideA {
            for r in index.relations(ofGroup: xa) {
                let other = index.groupOf[r.subject] == xa ? index.groupOf[r.object] : index.groupOf[r.subject]
                guard let pathB = sideB[other], !(xa == ga && other == gb) else { continue }
                let chainA = pathA.map { label(ofGroup: $0) }
                let chainB = pathB.reversed().map { label(ofGroup: $0) }
                let forward = index.groupOf[r.subject] == xa
                found.append((pathA.count + pathB.count,
                              HopEvidence(relation: r.kind.rawValue, subject: index.concepts[r.subject].id,
                                          object: index.concepts[r.object].id,
                                          source: sourceName(r.subject), direction: forward ? "forward" : "backward",
                                          chain: chainA + chainB, evidence: r.evidence)))
            }
        }
        if !found.isEmpty {
            let cheapest = found.map(\.cost).min()!
            let evidence = found.filter { $0.cost == cheapest }.map(\.evidence)
            return HopVerification(verdict: .attestedViaIsA, evidence: Array(Set(evidence)).sorted {
                ($0.relation, $0.subject, $0.object) < ($1.relation, $1.subject, $1.object)
            }.prefix(5).map { $0 })
        }
        if let ta = index.types[a], let tb = index.types[b], let pattern = TypePatterns.pattern(ta, tb) {
            return HopVerification(verdict: .plausible, pattern: pattern.rawValue)
        }
        return HopVerification(verdict: .unattested)
    }

    /// Relations stated directly between two groups, either direction.
    private func facts(between ga: Int, and gb: Int, chainA: [String], chainB: [String]) -> [HopEvidence] {
        var result: [HopEvidence] = []
        for r in index.relations(ofGroup: ga) {
            let s = index.groupOf[r.subject], o = index.groupOf[r.object]
            guard (s == ga && o == gb) || (s == gb && o == ga) else { continue }
            let e = HopEvidence(relation: r.kind.rawValue, subject: index.concepts[r.subject].id,
                                object: index.concepts[r.object].id, source: sourceName(r.subject),
                                direction: s == ga ? "forward" : "backward", chain: chainA + chainB,
                                evidence: r.evidence)
            if !result.contains(e) { result.append(e) }
        }
        return result
    }

    /// Groups reachable from `g` by up to `maxAncestorDepth` is_a steps up or one step down, with the path to each
    /// (starting at `g`). Hubs are reached but not expanded.
    func neighbourhood(_ g: Int) -> [Int: [Int]] {
        var paths: [Int: [Int]] = [g: [g]]
        var frontier = [g]
        for _ in 0..<maxAncestorDepth {
            var next: [Int] = []
            for x in frontier where x == g || !isHub(x) {
                for p in index.parentGroups(of: x) where paths[p] == nil {
                    paths[p] = paths[x]! + [p]
                    next.append(p)
                }
            }
            frontier = next
        }
        let children = index.childGroups(of: g)
        if children.count <= maxDescendants {
            for c in children where paths[c] == nil { paths[c] = [g, c] }
        }
        return paths
    }

    /// The is_a path from `child` up to `ancestor`, if within reach.
    private func isAChain(from child: Int, to ancestor: Int) -> [Int]? {
        var paths: [Int: [Int]] = [child: [child]]
        var frontier = [child]
        for _ in 0..<maxAncestorDepth + 1 {
            var next: [Int] = []
            for x in frontier {
                for p in index.parentGroups(of: x) where paths[p] == nil {
                    paths[p] = paths[x]! + [p]
                    if p == ancestor { return paths[p] }
                    next.append(p)
                }
            }
            frontier = next
        }
        return nil
    }

    private func isAEvidence(_ chain: [Int], forward: Bool) -> HopEvidence {
        let first = index.representative(ofGroup: chain.first!)
        let last = index.representative(ofGroup: chain.last!)
        return HopEvidence(relation: "is_a", subject: index.concepts[first].id, object: index.concepts[last].id,
                           source: sourceName(first), direction: forward ? "forward" : "backward",
                           chain: chain.map { label(ofGroup: $0) }, evidence: nil)
    }

    func isHub(_ g: Int) -> Bool {
        index.childGroups(of: g).count >= hubChildren
    }

    private func label(ofGroup g: Int) -> String { index.concepts[index.representative(ofGroup: g)].id }

    private func sourceName(_ concept: Int) -> String { index.sources[index.sourceOf[concept]].name }
}
