extension OntologyIndex {
    /// Groups concepts of different sources that share an id or an equivalence code; a group never holds two
    /// concepts of the same source, so many-to-one cross-references cannot chain distinct concepts together.
    static func mergeGroups(concepts: [Concept], sourceOf: [Int], idToConcept: [String: Int])
        -> (groupOf: [Int], members: [[Int]]) {
        var sets = UnionFind(count: concepts.count)
        var sourcesOfRoot: [Int: Set<Int>] = [:]
        func join(_ a: Int, _ b: Int) {
            let ra = sets.find(a), rb = sets.find(b)
            guard ra != rb else { return }
            let sa = sourcesOfRoot[ra] ?? [sourceOf[a]]
            let sb = sourcesOfRoot[rb] ?? [sourceOf[b]]
            guard sa.isDisjoint(with: sb) else { return }
            let root = sets.union(ra, rb)
            sourcesOfRoot[ra] = nil
            sourcesOfRoot[rb] = nil
            sourcesOfRoot[root] = sa.union(sb)
        }
        // First: a concept whose equivalence xref is another source's concept id.
        var shared: [String: [Int]] = [:]
        for (i, c) in concepts.enumerated() where !c.isObsolete {
            for x in c.xrefs where x.match.isEquivalence {
                if let j = idToConcept[x.code], sourceOf[j] != sourceOf[i], !concepts[j].isObsolete {
                    join(i, j)
                } else {
                    shared[x.code, default: []].append(i)
                }
            }
        }
        // Then: concepts that share a code no loaded concept owns.
        for code in shared.keys.sorted() {
            let owners = shared[code]!
            guard owners.count > 1 else { continue }
            for k in 1..<owners.count where sourceOf[owners[k]] != sourceOf[owners[0]] {
                join(owners[0], owners[k])
            }
        }
        var groupOfRoot: [Int: Int] = [:]
        var groupOf = Array(repeating: 0, count: concepts.count)
        var members: [[Int]] = []
        for i in 0..<concepts.count {
            let root = sets.find(i)
            if let g = groupOfRoot[root] {
                groupOf[i] = g
                members[g].append(i)
            } else {
                groupOfRoot[root] = members.count
                groupOf[i] = members.count
                members.append([i])
            }
        }
        return (groupOf, members)
    }

    /// A concept's own type, else a merged partner's, else the nearest typed ancestor's (breadth first).
    static func inferTypes(concepts: [Concept], groupOf: [Int], members: [[Int]], parents: [[Int]]) -> [ConceptType?] {
        var groupType: [ConceptType?] = members.map { group in group.lazy.compactMap { concepts[$0].type }.first }
        for g in 0..<groupType.count where groupType[g] == nil {
            var frontier = parents[g]
            var seen: Set<Int> = [g]
            var depth = 0
            while !frontier.isEmpty, depth < 8, groupType[g] == nil {
                var next: [Int] = []
                for p in frontier where seen.insert(p).inserted {
                    if let t = members[p].lazy.compactMap({ concepts[$0].type }).first {
                        groupType[g] = t
                        break
                    }
                    next.append(contentsOf: parents[p])
                }
                frontier = next
                depth += 1
            }
        }
        return concepts.indices.map { concepts[$0].type ?? groupType[groupOf[$0]] }
    }
}
