/// The concept-type and synonym-scope rules shared by the ICD-10 family importers (ICD-10-CM tabular, ClaML).
///
/// Types by code (chapters and blocks/sections get no type):
/// - R00–R69 (symptoms and signs) → `symptom`; R70–R99 (abnormal clinical, laboratory and imaging findings,
///   ill-defined causes of mortality) → `finding`;
/// - A–Q (diseases, pregnancy, perinatal conditions, malformations), S–T (injuries and poisonings: ddx has no
///   injury type, and they are disorders) and U (special purposes, e.g. U07.1 COVID-19) → `disease`;
/// - V–Y (external causes) and Z (factors influencing health status) → no type: they are circumstances,
///   not clinical entities of ddx's closed type set.
///
/// Inclusion terms are the conditions a code is to be used for: some are true synonyms, some are narrower.
/// A term ending in "NOS" ("Fever NOS": not otherwise specified) names the unspecified form the code stands for,
/// so it is an `exact` synonym; every other inclusion term is `related`, which claims no equivalence.
enum ICD10CMTypes {
    /// The concept type of a category or subcategory code (`R05.3`, `J18.9`), or nil.
    static func type(forCode code: String) -> ConceptType? {
        let bytes = Array(code.utf8.prefix(3))
        guard let letter = bytes.first else { return nil }
        switch letter | 0x20 {  // lower-case ASCII letter
        case UInt8(ascii: "r"):
            guard bytes.count == 3, let tens = digit(bytes[1]), let ones = digit(bytes[2]) else { return .symptom }
            return tens * 10 + ones < 70 ? .symptom : .finding
        case UInt8(ascii: "a")...UInt8(ascii: "q"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "u"):
            return .disease
        default:
            return nil
        }
    }

    /// The scope of an inclusion term: `exact` for "… NOS" terms (also the German "o.n.A." and French "SAI" of
    /// ICD-10-GM and CIM-10 ClaML files), else `related`.
    static func inclusionScope(_ text: String) -> SynonymScope {
        text.hasSuffix(" NOS") || text.hasSuffix(" o.n.A.") || text.hasSuffix(" SAI") ? .exact : .related
    }

    private static func digit(_ b: UInt8) -> Int? {
        b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
    }
}
