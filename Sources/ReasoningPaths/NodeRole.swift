/// What a graph node plays in the reasoning, inferred from where it stands in its paths
/// (until an ontology gives real types).
public enum NodeRole: String, Codable, Sendable, CaseIterable {
    /// First step of a chain: a presenting finding (symptom, sign, exposure).
    case finding
    /// A middle step: mechanism or intermediate state.
    case mechanism
    /// Last step of a chain: conclusion or diagnosis.
    case conclusion
    /// A prose path item kept as a single node.
    case statement
}
