/// How closely a synonym matches its concept (oboInOwl and SKOS semantics).
public enum SynonymScope: String, Sendable, CaseIterable, Codable {
    case exact, related, broad, narrow
}
