/// The kind of a typed relation between two concepts.
///
/// ddx's own format uses a closed set (`presents_with`, `causes`, …). Importers map the standard properties
/// they know onto that set and keep any other property under its own name (e.g. `RO:0002233`).
public struct RelationKind: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let presentsWith = RelationKind(rawValue: "presents_with")
    public static let causes = RelationKind(rawValue: "causes")
    public static let riskFactorFor = RelationKind(rawValue: "risk_factor_for")
    public static let treats = RelationKind(rawValue: "treats")
    public static let prevents = RelationKind(rawValue: "prevents")
    public static let diagnosedBy = RelationKind(rawValue: "diagnosed_by")
    public static let hasMechanism = RelationKind(rawValue: "has_mechanism")
    public static let resultsIn = RelationKind(rawValue: "results_in")
    public static let locatedIn = RelationKind(rawValue: "located_in")
    public static let contraindicatedIn = RelationKind(rawValue: "contraindicated_in")
    // Imported from standard ontologies.
    public static let transmittedBy = RelationKind(rawValue: "transmitted_by")
    public static let hasMaterialBasisIn = RelationKind(rawValue: "has_material_basis_in")
    public static let partOf = RelationKind(rawValue: "part_of")
    public static let pharmacologicalAction = RelationKind(rawValue: "pharmacological_action")
    public static let therapeuticUse = RelationKind(rawValue: "therapeutic_use")
    public static let hasInput = RelationKind(rawValue: "has_input")
    public static let hasRole = RelationKind(rawValue: "has_role")

    /// The kinds ddx's own ontology format allows in `relation/@type`.
    public static let nativeKinds: [RelationKind] = [
        .presentsWith, .causes, .riskFactorFor, .treats, .prevents, .diagnosedBy, .hasMechanism,
        .resultsIn, .locatedIn, .contraindicatedIn,
    ]

    /// A phrase for the relation read forwards ("presents with").
    public var phrase: String { rawValue.replacingUnderscores() }

    /// A phrase for the relation read backwards, fixed in code ("is a presentation of").
    public var inversePhrase: String {
        switch self {
        case .presentsWith: return "is a presentation of"
        case .causes: return "is caused by"
        case .riskFactorFor: return "has risk factor"
        case .treats: return "is treated by"
        case .prevents: return "is prevented by"
        case .diagnosedBy: return "is used to diagnose"
        case .hasMechanism: return "is the mechanism of"
        case .resultsIn: return "results from"
        case .locatedIn: return "is the location of"
        case .contraindicatedIn: return "contraindicates"
        case .transmittedBy: return "transmits"
        case .hasMaterialBasisIn: return "is the material basis of"
        case .partOf: return "has part"
        case .pharmacologicalAction: return "is the action of"
        case .therapeuticUse: return "is a therapeutic use of"
        default: return "inverse of \(phrase)"
        }
    }

    public var description: String { rawValue }

    public static func < (a: RelationKind, b: RelationKind) -> Bool { a.rawValue < b.rawValue }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
