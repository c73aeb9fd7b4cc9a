/// The looser level of normalisation: word families ("dysplastic"/"dysplasia", "cystic"/"cyst",
/// "duplicated"/"duplication") share a root, organ adjectives fold to their noun ("renal" → kidney) and the
/// generic words for "abnormal" fold together. Roots feed the matcher's lower-scored tiers only, so a rule here
/// can make two terms compare closer but never equal at the exact or normalised tiers.
extension TermNormalizer {
    /// Words with the same meaning in clinical terminology, each mapped to one representative. Every entry is an
    /// equivalence: an adjective that means "of the <noun>", or a synonym MeSH and HPO list for the same heading.
    static let equivalents: [String: String] = [
        // Organ adjectives whose noun is a different word (Latin/Greek adjective, English noun).
        "renal": "kidney", "nephric": "kidney", "hepatic": "liver", "cardiac": "heart", "pulmonary": "lung",
        "cutaneous": "skin", "ocular": "eye", "ophthalmic": "eye", "otic": "ear", "aural": "ear", "auditory": "hearing",
        "gastric": "stomach", "nasal": "nose", "oral": "mouth", "dental": "tooth", "splenic": "spleen",
        "pancreatic": "pancreas", "osseous": "bone", "articular": "joint", "costal": "rib", "mammary": "breast",
        "palpebral": "eyelid", "thoracic": "thorax", "facial": "face", "hematic": "blood",
        "diabetic": "diabetes", "epileptic": "epilepsy", "septic": "sepsis", "tumoral": "neoplasm",
        // "Abnormal" and its nouns: HPO writes the same class as "Abnormality of X", "X anomaly", "Abnormal X",
        // with "Malformation of X" and "Deformity of X" as its own narrow synonyms.
        "abnormality": "abnormal", "anomaly": "abnormal", "anomalous": "abnormal", "malformation": "abnormal",
        "malformed": "abnormal", "deformity": "abnormal", "deformed": "abnormal",
        // HPO lists "Cerebellar signs" and "Lower motor neuron manifestations" as exact synonyms of "Abnormal X".
        "sign": "abnormal", "manifestation": "abnormal",
        // "Numerous nevi" has the exact synonym "Multiple pigmented nevi".
        "numerous": "multiple",
        // MeSH D009369 "Neoplasms" lists Tumors, Neoplasia, Cancer and Malignancy as entry terms.
        "tumor": "neoplasm", "neoplasia": "neoplasm", "neoplastic": "neoplasm", "cancer": "neoplasm",
        "cancerous": "neoplasm", "malignancy": "neoplasm",
    ]

    /// The representatives of `equivalents`: already roots, never stemmed.
    static let representatives = Set(equivalents.values)

    /// Suffix rules, tried in order; the first whose suffix matches and leaves a stem of four or more letters
    /// applies. Inspired by Porter's suffix stripping (Porter 1980, "An algorithm for suffix stripping"), cut down
    /// to the derivational endings of clinical adjectives and nouns; endings that carry meaning (-itis, -osis,
    /// -oma, -emia, -plasia) keep a distinctive stem.
    static let suffixRules: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("omatous", "om"), ("matic", "m"), ("atous", ""), ("astic", "as"), ("otic", "os"), ("osis", "os"),
        ("itic", "it"), ("itis", "it"), ("ically", ""), ("ical", ""), ("ification", "if"), ("ified", "if"),
        ("ify", "if"), ("ation", ""), ("ated", ""), ("ating", ""), ("alized", ""), ("ized", ""), ("ement", ""),
        ("ment", ""), ("ness", ""), ("ity", ""), ("ious", ""), ("ous", ""), ("ing", ""), ("ive", ""),
        ("ion", ""), ("ular", "ul"), ("ule", "ul"), ("inal", ""), ("ial", ""), ("ian", ""), ("ium", ""),
        ("ine", ""), ("ary", ""), ("ed", ""), ("ic", ""), ("al", ""), ("ar", ""), ("ia", ""), ("y", ""),
        ("um", ""), ("us", ""), ("on", ""), ("a", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The root of a canonical word (output of `canonicalWord`).
    static func root(_ canonical: String) -> String {
        if let mapped = equivalents[canonical] { return mapped }
        if representatives.contains(canonical) { return canonical }
        let w = Array(canonical.utf8)
        guard w.count > 4, w.allSatisfy({ $0 >= 0x61 }) else { return canonical }
        for rule in suffixRules where w.count - rule.suffix.count >= 4 {
            if w.suffix(rule.suffix.count).elementsEqual(rule.suffix) {
                return String(decoding: w.dropLast(rule.suffix.count) + rule.replacement, as: UTF8.self)
            }
        }
        // consonant + "le" ↔ "-ular" (clavicle/clavicular, mandible/mandibular, muscle/muscular).
        let n = w.count
        if n >= 6, w[n - 1] == 0x65, w[n - 2] == 0x6C, !isVowel(w[n - 3]) {
            return String(decoding: w.dropLast(2) + [0x75, 0x6C], as: UTF8.self)
        }
        if n >= 5, w[n - 1] == 0x65 { return String(decoding: w.dropLast(), as: UTF8.self) }
        return canonical
    }

    /// The roots of `text`'s tokens, in order (duplicates kept).
    public static func roots(_ text: String) -> [String] {
        tokens(text).map(root)
    }
}
