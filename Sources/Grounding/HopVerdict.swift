/// What the loaded ontology says about one hop A → B of a reasoning path.
public enum HopVerdict: String, Sendable, Codable, CaseIterable {
    /// A relation between the two concepts is in the ontology (either direction), or one is a kind of the other.
    case attested
    /// A relation holds between an ancestor or descendant of A and an ancestor or descendant of B.
    case attestedViaIsA = "attested-via-is-a"
    /// No fact, but the concept types fit a known relation pattern (e.g. disease → symptom).
    case plausible
    /// Both ends are linked, and the ontology says nothing that connects them.
    case unattested
    /// An end of the hop is not linked to any concept.
    case ungrounded

    /// The credit the hop earns in the per-text grounding score.
    public var credit: Double {
        switch self {
        case .attested: return 1
        case .attestedViaIsA: return 0.75
        case .plausible: return 0.25
        case .unattested, .ungrounded: return 0
        }
    }
}
