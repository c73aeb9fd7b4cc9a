import Dispatch

/// One in-memory index over every loaded ontology: concepts by id, concepts from different sources merged by
/// shared codes, the is_a hierarchy and typed relations at the level of merged groups, and a term matcher.
///
/// ```swift
/// let index = OntologyIndex(documents: try OntologyLoader().load(paths: ["Ontologies"]))
/// let best = index.matcher.candidates(for: "shortness of breath").first
/// ```
public final class OntologyIndex: Sendable {
    /// The loaded files, in load order.
    public let sources: [OntologySource]
    /// Every concept of every source, in load order.
    public let concepts: [Concept]
    /// The source (index into `sources`) of each concept.
    public let sourceOf: [Int]
    /// Each concept's type: its own, a merged partner's, or the nearest typed ancestor's.
    public let types: [ConceptType?]
    /// Each concept's merged group; concepts in one group denote the same thing.
    public let groupOf: [Int]
    /// Members of each group.
    public let members: [[Int]]
    /// Every resolved typed relation.
    public let relations: [IndexedRelation]
    /// Ranks concepts for free-text mentions.
    public let matcher: TermMatcher
    /// Counts for `ddx ontology info`.
    public let statistics: OntologyStatistics

    let idToConcept: [String: Int]
    let groupParents: [[Int]]
    let groupChildren: [[Int]]
    let groupRelations: [[Int]]       // relation ids whose subject or object is in the group

    /// Builds the index over `documents` (the first document's concepts win ties in ranking).
    public init(documents: [OntologyDocument]) {
        var concepts: [Concept] = []
        var sourceOf: [Int] = []
        for (s, document) in documents.enumerated() {
            concepts.append(contentsOf: document.concepts)
            sourceOf.append(contentsOf: repeatElement(s, count: document.concepts.count))
        }
        self.sources = documents.map(\.source)
        self.concepts = concepts
        self.sourceOf = sourceOf

        var idToConcept: [String: Int] = [:]
        idToConcept.reserveCapacity(concepts.count)
        for (i, c) in concepts.enumerated() where idToConcept[c.id] == nil || (!c.isObsolete) {
            if let existing = idToConcept[c.id], !concepts[existing].isObsolete { continue }
            idToConcept[c.id] = i
        }
        self.idToConcept = idToConcept

        // The term matcher needs only the concepts: build it on a second core while the groups, hierarchy and
        // relations are worked out here.
        let matcherBuild = DispatchGroup()
        let matcherConcepts = concepts
        nonisolated(unsafe) var builtMatcher: TermMatcher?
        DispatchQueue.global(qos: .userInitiated).async(group: matcherBuild) {
            builtMatcher = TermMatcher(concepts: matcherConcepts)
        }

        // Merge concepts of different sources that share an id or an equivalence code.
        let grouping = Self.mergeGroups(concepts: concepts, sourceOf: sourceOf, idToConcept: idToConcept)
        self.groupOf = grouping.groupOf
        self.members = grouping.members
        let groupCount = grouping.members.count

        // Resolve references: ids, then codes other concepts carry, then `label:` phrases.
        var codeOwners: [String: [Int]] = [:]
        for (i, c) in concepts.enumerated() where !c.isObsolete {
            for x in c.xrefs where x.match.isEquivalence { codeOwners[x.code, default: []].append(i) }
        }
        var labelOwners: [String: [Int]] = [:]
        for (i, c) in concepts.enumerated() where !c.isObsolete {
            labelOwners[c.label.lowercased(), default: []].append(i)
        }
        func resolve(_ ref: String, preferFeature: Bool) -> Int? {
            if ref.hasPrefix("label:") {
                let owners = labelOwners[String(ref.dropFirst(6)).lowercased()] ?? []
                if preferFeature, let f = owners.first(where: { concepts[$0].type?.isClinicalFeature == true }) {
                    return f
                }
                return owners.first
            }
            if let i = idToConcept[ref] { return i }
            return codeOwners[ref]?.first
        }

        var parents = Array(repeating: [Int](), count: groupCount)
        var children = Array(repeating: [Int](), count: groupCount)
        var isALinks = 0
        var relations: [IndexedRelation] = []
        var unresolved = 0
        for (i, c) in concepts.enumerated() where !c.isObsolete {
            let g = grouping.groupOf[i]
            for p in c.parents {
                guard let target = resolve(p, preferFeature: false) else { continue }
                let pg = grouping.groupOf[target]
                guard pg != g, !parents[g].contains(pg) else { continue }
                parents[g].append(pg)
                children[pg].append(g)
                isALinks += 1
            }
            for r in c.relations {
                guard let target = resolve(r.target, preferFeature: r.kind == .presentsWith) else {
                    unresolved += 1
                    continue
                }
                relations.append(IndexedRelation(kind: r.kind, subject: i, object: target, evidence: r.evidence,
                                                 provenance: r.source))
            }
        }
        var groupRelations = Array(repeating: [Int](), count: groupCount)
        for (r, rel) in relations.enumerated() {
            let a = grouping.groupOf[rel.subject], b = grouping.groupOf[rel.object]
            groupRelations[a].append(r)
            if b != a { groupRelations[b].append(r) }
        }
        self.groupParents = parents
        self.groupChildren = children
        self.groupRelations = groupRelations
        self.relations = relations

        let types = Self.inferTypes(concepts: concepts, groupOf: grouping.groupOf, members: grouping.members,
                                    parents: parents)
        self.types = types
        matcherBuild.wait()
        self.matcher = builtMatcher!

        var typeCounts: [String: Int] = [:]
        for t in types { typeCounts[t?.rawValue ?? "untyped", default: 0] += 1 }
        self.statistics = OntologyStatistics(
            concepts: concepts.count,
            obsolete: concepts.filter(\.isObsolete).count,
            synonyms: concepts.reduce(0) { $0 + $1.synonyms.count },
            relations: relations.count,
            unresolvedRelations: unresolved,
            isALinks: isALinks,
            xrefs: concepts.reduce(0) { $0 + $1.xrefs.count },
            mergedGroups: grouping.members.filter { $0.count > 1 }.count,
            types: typeCounts)
    }

    /// The concept with this id (a CURIE), if loaded. Obsolete concepts are returned only when nothing else has the id.
    public func concept(id: String) -> Int? {
        if let i = idToConcept[id] { return i }
        return CURIE.normalize(id).flatMap { idToConcept[$0] }
    }

    /// Concepts that carry `code` as an equivalence cross-reference, plus the concept whose id it is.
    public func concepts(withCode code: String) -> [Int] {
        guard let normalized = CURIE.normalize(code) else { return [] }
        var result: [Int] = []
        if let i = idToConcept[normalized] { result.append(i) }
        for (i, c) in concepts.enumerated() where !c.isObsolete && c.xrefs.contains(where: {
            $0.code == normalized && $0.match.isEquivalence
        }) && !result.contains(i) {
            result.append(i)
        }
        return result
    }

    /// Every code a concept's group is known by: member ids and their equivalence cross-references.
    public func codes(ofGroupOf concept: Int) -> Set<String> {
        var codes: Set<String> = []
        for m in members[groupOf[concept]] {
            codes.insert(concepts[m].id)
            for x in concepts[m].xrefs where x.match.isEquivalence { codes.insert(x.code) }
        }
        return codes
    }

    /// The groups that are direct parents of a group.
    public func parentGroups(of group: Int) -> [Int] { groupParents[group] }

    /// The groups that are direct children of a group.
    public func childGroups(of group: Int) -> [Int] { groupChildren[group] }

    /// Relations with the group as subject or object.
    public func relations(ofGroup group: Int) -> [IndexedRelation] {
        groupRelations[group].map { relations[$0] }
    }

    /// A representative concept of a group: the first member, which comes from the earliest-loaded source.
    public func representative(ofGroup group: Int) -> Int { members[group][0] }

    /// The number of merged groups.
    public var groupCount: Int { members.count }
}
