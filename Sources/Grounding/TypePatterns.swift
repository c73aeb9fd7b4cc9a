import Ontology

/// The relation patterns that make a hop between two concept types plausible, read in either direction.
enum TypePatterns {
    private static let features: [ConceptType] = [.symptom, .sign, .finding]

    private static let table: [(from: [ConceptType], to: [ConceptType], relation: RelationKind)] = [
        ([.disease], features, .presentsWith),
        ([.disease], [.test], .diagnosedBy),
        ([.finding, .sign], [.test], .diagnosedBy),
        ([.drug, .procedure], [.disease] + features, .treats),
        ([.drug, .procedure], [.outcome], .resultsIn),
        ([.drug, .disease], [.mechanism], .hasMechanism),
        ([.mechanism], [.mechanism, .outcome, .disease] + features, .resultsIn),
        ([.disease], [.disease, .outcome], .causes),
        ([.disease] + features, [.anatomy], .locatedIn),
    ]

    /// The relation a hop between these types would usually express, if any.
    static func pattern(_ a: ConceptType, _ b: ConceptType) -> RelationKind? {
        for entry in table {
            if entry.from.contains(a) && entry.to.contains(b) { return entry.relation }
            if entry.from.contains(b) && entry.to.contains(a) { return entry.relation }
        }
        return nil
    }
}
