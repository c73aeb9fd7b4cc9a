/// The OBO-world knowledge shared by the OWL and OBO importers: which relation properties map onto ddx's relation
/// kinds, which concept type an id prefix implies, and the names of synonym types.
enum OBOVocabulary {
    /// Standard relation properties (as normalised CURIEs) mapped onto ddx's relation kinds.
    static let relationByProperty: [String: RelationKind] = [
        "RO:0002452": .presentsWith,       // has symptom
        "RO:0002200": .presentsWith,       // has phenotype
        "RO:0003303": .causes,             // causes condition
        "RO:0002451": .transmittedBy,      // transmitted by
        "RO:0001025": .locatedIn,          // located in
        "RO:0004026": .locatedIn,          // disease has location
        "IDO:0000664": .hasMaterialBasisIn, // has material basis in
        "RO:0004001": .hasMaterialBasisIn,  // has material basis in (older RO id)
        "BFO:0000050": .partOf,            // part of
        "RO:0002233": .hasInput,           // has input
        "RO:0000087": .hasRole,            // has role
        "MAXO:0000864": .therapeuticUse,   // therapeutic uses
    ]

    /// OBO relation names (`relationship: has_symptom DOID:…`, or the last segment of a non-PURL property IRI)
    /// mapped onto ddx's relation kinds.
    static let relationByName: [String: RelationKind] = [
        "has_symptom": .presentsWith, "has_phenotype": .presentsWith, "presents_with": .presentsWith,
        "causes_condition": .causes, "causes": .causes,
        "transmitted_by": .transmittedBy,
        "located_in": .locatedIn, "disease_has_location": .locatedIn, "has_location": .locatedIn,
        "has_material_basis_in": .hasMaterialBasisIn,
        "part_of": .partOf,
        "has_input": .hasInput,
        "has_role": .hasRole,
        "therapeutic_uses": .therapeuticUse, "therapeutic_use": .therapeuticUse,
        "results_in": .resultsIn,
    ]

    /// The relation kind for a property written as a CURIE, an IRI or an OBO relation name.
    /// Unknown properties keep their CURIE (or, failing that, their name) as the raw value, e.g. `RO:0000052`.
    static func relationKind(forProperty raw: String) -> RelationKind {
        if raw.hasPrefix("http://") || raw.hasPrefix("https://") {
            if let curie = CURIE.fromIRI(raw) { return relationKind(forProperty: curie) }
            let name = lastSegment(of: raw)
            return relationByName[name] ?? RelationKind(rawValue: name.isEmpty ? raw : name)
        }
        if raw.utf8.contains(UInt8(ascii: ":")), let curie = CURIE.normalize(raw) {
            return relationByProperty[curie] ?? RelationKind(rawValue: curie)
        }
        return relationByName[raw] ?? RelationKind(rawValue: raw)
    }

    /// The concept type implied by an id's prefix: HP → finding, SYMP → symptom, DOID/MONDO → disease,
    /// MAXO → procedure, CHEBI → drug; nil otherwise (the index refines types from the hierarchy later).
    static func conceptType(forID id: String) -> ConceptType? {
        let u = id.utf8
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        switch Substring(id[..<colon]) {
        case "HP": return .finding
        case "SYMP": return .symptom
        case "DOID", "MONDO": return .disease
        case "MAXO": return .procedure
        case "CHEBI": return .drug
        default: return nil
        }
    }

    /// Names of the OMO synonym types, which OBO files cite by number.
    static let omoSynonymTypes: [String: String] = [
        "OMO_0003000": "abbreviation", "OMO_0003001": "ambiguous", "OMO_0003002": "dubious",
        "OMO_0003003": "layperson", "OMO_0003004": "plural_form", "OMO_0003005": "uk_spelling",
        "OMO_0003006": "misspelling", "OMO_0003007": "misnomer", "OMO_0003008": "previous_name",
        "OMO_0003009": "legal_name", "OMO_0003010": "inn", "OMO_0003011": "latin", "OMO_0003012": "acronym",
    ]

    /// A synonym kind from a synonym-type IRI or OBO name: `…/hp#layperson` → `layperson`,
    /// `…/OMO_0003012` or `OMO:0003012` → `acronym`, `…/mondo#ABBREVIATION` → `abbreviation`.
    static func synonymKind(_ raw: String) -> String? {
        var name = lastSegment(of: raw)
        if name.hasPrefix("OMO:") { name = "OMO_" + name.dropFirst(4) }
        if let known = omoSynonymTypes[name] { return known }
        name = name.lowercased()
        // Seen in the wild: the property itself given as its own type.
        return name.isEmpty || name == "hassynonymtype" ? nil : name
    }

    /// The part of an IRI after its last `#` or `/` (the whole text when it has neither).
    static func lastSegment(of iri: String) -> String {
        let u = iri.utf8
        guard let cut = u.lastIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "/") }) else { return iri }
        return String(Substring(u[u.index(after: cut)...]))
    }
}
