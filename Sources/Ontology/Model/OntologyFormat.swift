/// The file formats ddx reads ontologies from.
public enum OntologyFormat: String, Sendable, CaseIterable, Codable {
    /// ddx's own flat XML format (`urn:x-ddx:ontology:1`).
    case ddx
    /// OWL 2 RDF/XML in the OBO/ROBOT (OWLAPI) layout: HPO, DO, SYMP, MONDO, MAxO.
    case owl
    /// OBO 1.4 flat text.
    case obo
    /// NLM MeSH descriptor XML (`DescriptorRecordSet`).
    case mesh
    /// CMS/NCHS ICD-10-CM tabular XML (`ICD10CM.tabular`).
    case icd10cm
    /// ClaML 2.0 (WHO ICD-10 and others).
    case claml

    /// A human-readable name.
    public var displayName: String {
        switch self {
        case .ddx: return "ddx ontology XML"
        case .owl: return "OWL RDF/XML"
        case .obo: return "OBO 1.4"
        case .mesh: return "MeSH descriptor XML"
        case .icd10cm: return "ICD-10-CM tabular XML"
        case .claml: return "ClaML"
        }
    }
}
