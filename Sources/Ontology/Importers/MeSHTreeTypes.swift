/// The concept type of a MeSH descriptor, derived from its tree numbers.
///
/// | Tree | Type |
/// |---|---|
/// | C23.888 and below (Signs and Symptoms) | `symptom` |
/// | other C23 (pathological conditions) | `finding` |
/// | other C (diseases), F03 (mental disorders) | `disease` |
/// | D (chemicals and drugs) | `drug` |
/// | E01 (diagnosis) | `test` |
/// | E02, E03, E04, E05 (therapeutics, anaesthesia, surgery, investigative techniques) | `procedure` |
/// | G (phenomena and processes) | `mechanism` |
/// | A (anatomy) | `anatomy` |
///
/// A descriptor with several tree numbers takes the first type in this order: symptom, finding, disease, drug,
/// test, procedure, mechanism, anatomy (Cough, C08.618.248 and C23.888.852.293, is a symptom). Other trees
/// (organisms, geography, publication types, …) give no type.
enum MeSHTreeTypes {
    private static let priority: [ConceptType] = [.symptom, .finding, .disease, .drug, .test, .procedure,
                                                  .mechanism, .anatomy]

    /// The type of a descriptor with these tree numbers, or nil.
    static func type(of treeNumbers: [String]) -> ConceptType? {
        var best: Int?
        for tree in treeNumbers {
            guard let type = type(of: tree), let rank = priority.firstIndex(of: type) else { continue }
            if best == nil || rank < best! { best = rank }
        }
        return best.map { priority[$0] }
    }

    /// The type one tree number implies, or nil.
    static func type(of tree: String) -> ConceptType? {
        if tree == "C23.888" || tree.hasPrefix("C23.888.") { return .symptom }
        if tree == "C23" || tree.hasPrefix("C23.") { return .finding }
        if tree == "F03" || tree.hasPrefix("F03.") { return .disease }
        switch tree.first {
        case "C": return .disease
        case "D": return .drug
        case "G": return .mechanism
        case "A": return .anatomy
        case "E":
            let top = tree.prefix(3)
            if top == "E01" { return .test }
            if top == "E02" || top == "E03" || top == "E04" || top == "E05" { return .procedure }
            return nil
        default: return nil
        }
    }
}
