/// Checks a ddx-format ontology for what the schema cannot express: `is_a` between compatible types, relation
/// domains and ranges, and references that resolve.
public struct OntologyLinter: Sendable {
    /// The types a relation's subject and object may have in ddx's own format.
    public static let signatures: [RelationKind: (domain: Set<ConceptType>, range: Set<ConceptType>)] = {
        let features: Set<ConceptType> = [.symptom, .sign, .finding]
        let all = Set(ConceptType.allCases)
        return [
            .presentsWith: ([.disease], features),
            .causes: (all, [.disease, .symptom, .sign, .finding, .mechanism, .outcome]),
            .riskFactorFor: (all, [.disease]),
            .treats: ([.drug, .procedure], features.union([.disease])),
            .prevents: ([.drug, .procedure], [.disease, .outcome]),
            .diagnosedBy: ([.disease, .finding, .sign, .symptom], [.test]),
            .hasMechanism: ([.drug, .disease], [.mechanism]),
            .resultsIn: ([.mechanism, .procedure, .drug, .disease], [.outcome, .finding, .mechanism, .sign, .symptom]),
            .locatedIn: (features.union([.disease]), [.anatomy]),
            .contraindicatedIn: ([.drug, .procedure], [.disease, .finding]),
        ]
    }()

    public init() {}

    /// Problems in `document`, one per line, naming the concept (empty when it is coherent).
    public func problems(in document: OntologyDocument) -> [String] {
        var byID: [String: Concept] = [:]
        for c in document.concepts { byID[c.id] = c }
        var problems: [String] = []
        for c in document.concepts {
            for p in c.parents {
                guard let parent = byID[p] else {
                    if p.hasPrefix(document.source.name + ":") { problems.append("\(c.id): is_a '\(p)' is not defined") }
                    continue
                }
                if let t = c.type, let pt = parent.type, !t.isCompatibleParent(pt) {
                    problems.append("\(c.id): is_a \(p) joins a \(t.rawValue) to a \(pt.rawValue)")
                }
            }
            for r in c.relations {
                guard let target = byID[r.target] else {
                    if r.target.hasPrefix(document.source.name + ":") {
                        problems.append("\(c.id): \(r.kind.rawValue) '\(r.target)' is not defined")
                    }
                    continue
                }
                guard let signature = Self.signatures[r.kind], let t = c.type, let tt = target.type else { continue }
                if !signature.domain.contains(t) {
                    problems.append("\(c.id): \(r.kind.rawValue) cannot start at a \(t.rawValue)")
                }
                if !signature.range.contains(tt) {
                    problems.append("\(c.id): \(r.kind.rawValue) \(r.target) cannot end at a \(tt.rawValue)")
                }
            }
            if Set(c.relations.map { "\($0.kind.rawValue) \($0.target)" }).count != c.relations.count {
                problems.append("\(c.id): a relation is stated twice")
            }
        }
        problems.append(contentsOf: cycles(in: document.concepts))
        return problems
    }

    /// is_a cycles (each reported once, at the concept where the walk met itself).
    private func cycles(in concepts: [Concept]) -> [String] {
        var parents: [String: [String]] = [:]
        for c in concepts { parents[c.id] = c.parents }
        var state: [String: Int] = [:]   // 1 visiting, 2 done
        var found: [String] = []
        func visit(_ id: String) {
            state[id] = 1
            for p in parents[id] ?? [] {
                if state[p] == 1 { found.append("\(id): is_a cycle through \(p)") }
                else if state[p] == nil { visit(p) }
            }
            state[id] = 2
        }
        for c in concepts where state[c.id] == nil { visit(c.id) }
        return found
    }
}
