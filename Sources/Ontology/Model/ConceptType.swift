/// The closed set of concept types ddx reasons about.
///
/// The raw values are the `type` attribute values of ddx's own ontology format.
public enum ConceptType: String, Sendable, CaseIterable, Codable, Comparable {
    case symptom, sign, finding, disease, mechanism, drug, test, procedure, outcome, anatomy

    /// Whether the type describes something a patient presents with (symptom, sign or finding).
    public var isClinicalFeature: Bool { self == .symptom || self == .sign || self == .finding }

    /// Whether an `is_a` link between concepts of these two types is coherent.
    public func isCompatibleParent(_ parent: ConceptType) -> Bool {
        self == parent || (isClinicalFeature && parent.isClinicalFeature)
    }

    public static func < (a: ConceptType, b: ConceptType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
