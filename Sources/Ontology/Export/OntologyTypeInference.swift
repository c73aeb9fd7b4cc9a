/// Finds a type for concepts whose source gives none, from the `is_a` hierarchy around them.
///
/// - ``ancestorType(of:)``: the type of the nearest typed ancestor (parents searched depth-first in the order the
///   concept lists them).
/// - ``descendantType(of:)``: the commonest type among the nearest typed descendants (a grouping node such as an
///   ICD chapter takes the type of what it groups); ties go to the earlier type in ``ConceptType`` order.
/// - ``groupType(of:)``: the descendant type of the nearest ancestor that has one.
///
/// Every answer is remembered, so each search is linear in the number of `is_a` links. Cycles (a data error) and
/// chains deeper than ``maxDepth`` are cut.
struct OntologyTypeInference {
    /// How far along a chain of links a search goes.
    static let maxDepth = 1_000

    private let concepts: [Concept]
    private let index: [String: Int]
    private var ancestorMemo: [String: ConceptType?] = [:]
    private var children: [[Int]]?
    private var descendantMemo: [Int: [Int]] = [:]
    private var descendantTypeMemo: [Int: ConceptType?] = [:]

    init(concepts: [Concept]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(concepts.count)
        for (i, c) in concepts.enumerated() where index[c.id] == nil { index[c.id] = i }
        self.concepts = concepts
        self.index = index
    }

    /// The type of the nearest typed ancestor of `id` (its own type not included), or nil.
    mutating func ancestorType(of id: String) -> ConceptType? {
        var visiting: Set<String> = [id]
        return search(parentsOf: id, depth: 0, visiting: &visiting)
    }

    /// The commonest type among the nearest typed descendants of `id` (its own type not included), or nil.
    mutating func descendantType(of id: String) -> ConceptType? {
        guard let i = index[id] else { return nil }
        if let known = descendantTypeMemo[i] { return known }
        if children == nil { children = Self.childLists(concepts, index: index) }
        var visiting: Set<Int> = [i]
        var counts = Array(repeating: 0, count: ConceptType.allCases.count)
        for child in children![i] { add(typeCounts(of: child, depth: 0, visiting: &visiting), to: &counts) }
        let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) })
        let type = best.flatMap { counts[$0] > 0 ? ConceptType.allCases[$0] : nil }
        descendantTypeMemo[i] = .some(type)
        return type
    }

    /// The ``descendantType(of:)`` of the nearest ancestor that has one: for a concept with neither typed ancestors
    /// nor typed descendants, so that it agrees with the grouping node it sits under.
    mutating func groupType(of id: String) -> ConceptType? {
        guard let start = index[id] else { return nil }
        var seen: Set<Int> = [start]
        var frontier = [start]
        for _ in 0..<Self.maxDepth where !frontier.isEmpty {
            var next: [Int] = []
            for i in frontier {
                for parent in concepts[i].parents {
                    guard let p = index[parent], seen.insert(p).inserted else { continue }
                    if let type = descendantType(of: parent) { return type }
                    next.append(p)
                }
            }
            frontier = next
        }
        return nil
    }

    private mutating func search(parentsOf id: String, depth: Int, visiting: inout Set<String>) -> ConceptType? {
        guard depth < Self.maxDepth, let i = index[id] else { return nil }
        for parent in concepts[i].parents {
            if let known = ancestorMemo[parent] {
                if let known { return known }
                continue
            }
            guard let p = index[parent], visiting.insert(parent).inserted else { continue }
            let found = concepts[p].type ?? search(parentsOf: parent, depth: depth + 1, visiting: &visiting)
            visiting.remove(parent)
            // Remembering "none" keeps the search linear on large DAGs; inside an is_a cycle it may miss a type
            // reachable only through the part of the cycle being searched.
            ancestorMemo[parent] = .some(found)
            if let found { return found }
        }
        return nil
    }

    /// How many of each type the nearest typed descendants of concept `i` have, `i` itself included when typed.
    private mutating func typeCounts(of i: Int, depth: Int, visiting: inout Set<Int>) -> [Int] {
        var counts = Array(repeating: 0, count: ConceptType.allCases.count)
        if let type = concepts[i].type {
            counts[ConceptType.allCases.firstIndex(of: type)!] = 1
            return counts
        }
        if let known = descendantMemo[i] { return known }
        guard depth < Self.maxDepth, visiting.insert(i).inserted else { return counts }
        for child in children![i] { add(typeCounts(of: child, depth: depth + 1, visiting: &visiting), to: &counts) }
        visiting.remove(i)
        descendantMemo[i] = counts
        return counts
    }

    private func add(_ more: [Int], to counts: inout [Int]) {
        for k in counts.indices { counts[k] += more[k] }
    }

    private static func childLists(_ concepts: [Concept], index: [String: Int]) -> [[Int]] {
        var children = Array(repeating: [Int](), count: concepts.count)
        for (i, c) in concepts.enumerated() {
            for parent in c.parents { if let p = index[parent], p != i { children[p].append(i) } }
        }
        return children
    }
}
