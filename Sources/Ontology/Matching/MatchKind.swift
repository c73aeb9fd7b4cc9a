/// How a mention matched a concept, from strongest to weakest.
public enum MatchKind: String, Sendable, Codable, CaseIterable {
    /// The mention equals the concept's label (ignoring case and surrounding space).
    case exact
    /// The mention equals one of the concept's synonyms (ignoring case).
    case synonym
    /// Equal after normalisation (punctuation, spelling, plurals, split prefixes, "NOS").
    case normalized
    /// The same words after normalisation, in another order ("Pain, chest").
    case wordOrder = "word-order"
    /// The same word roots in any order: word families ("dysplastic patella" / "patellar dysplasia"), organ
    /// adjectives ("renal" / "kidney") and the synonyms of "abnormality".
    case root
    /// Overlapping word roots, weighted by rarity (and single-typo tolerant).
    case fuzzy
}
