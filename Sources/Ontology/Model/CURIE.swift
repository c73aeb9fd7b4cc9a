/// Normalisation of compact identifiers (CURIEs) and OBO PURLs, so that codes from different sources compare equal.
public enum CURIE {
    /// The prefix spellings seen in the wild, mapped to ddx's normalised prefixes.
    static let prefixAliases: [String: String] = [
        "HP": "HP", "HPO": "HP",
        "DOID": "DOID", "SYMP": "SYMP", "MONDO": "MONDO", "MAXO": "MAXO", "CHEBI": "CHEBI",
        "NCIT": "NCIT", "NCI": "NCIT", "NCI_THESAURUS": "NCIT",
        "MESH": "MESH", "MSH": "MESH",
        "UMLS": "UMLS", "UMLS_CUI": "UMLS",
        "SNOMEDCT": "SNOMEDCT", "SNOMEDCT_US": "SNOMEDCT", "SNOMED": "SNOMEDCT", "SCTID": "SNOMEDCT",
        "SNOMEDCT_US_2025_09_01": "SNOMEDCT",
        "ICD10CM": "ICD10CM", "ICD10": "ICD10", "ICD10WHO": "ICD10", "ICD11": "ICD11", "ICD9CM": "ICD9CM",
        "ICD9CM_2005": "ICD9CM",
        "OMIM": "OMIM", "MIM": "OMIM",
        "ORPHA": "ORPHA", "ORDO": "ORPHA", "ORPHANET": "ORPHA",
        "RXNORM": "RXNORM", "ATC": "ATC", "LOINC": "LOINC", "GARD": "GARD", "MEDDRA": "MEDDRA",
        "EFO": "EFO", "KEGG": "KEGG",
    ]

    /// Normalises a CURIE's prefix (`MSH:D003371` → `MESH:D003371`, `UMLS_CUI:C0010200` → `UMLS:C0010200`,
    /// `SNOMEDCT_US_2025_09_01:49727002` → `SNOMEDCT:49727002`) and turns OBO PURLs into CURIEs.
    /// Returns nil for text that is not a CURIE (no prefix, spaces, a bare URL that is not an OBO PURL).
    public static func normalize(_ raw: String) -> String? {
        var text = Substring(raw)
        while let f = text.first, f == " " || f == "\t" || f == "\n" || f == "\r" { text = text.dropFirst() }
        while let l = text.last, l == " " || l == "\t" || l == "\n" || l == "\r" { text = text.dropLast() }
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            return fromIRI(String(text))
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let prefix = text[..<colon]
        let local = text[text.index(after: colon)...]
        guard !prefix.isEmpty, !local.isEmpty, !local.contains(" "), !prefix.contains(" ") else { return nil }
        return normalizedPrefix(String(prefix)) + ":" + local
    }

    /// The normalised spelling of a prefix; unknown prefixes are upper-cased.
    public static func normalizedPrefix(_ prefix: String) -> String {
        let upper = prefix.uppercased()
        if let known = prefixAliases[upper] { return known }
        if upper.hasPrefix("SNOMEDCT") { return "SNOMEDCT" }
        if upper.hasPrefix("UMLS") { return "UMLS" }
        return upper
    }

    /// Turns an OBO PURL (`http://purl.obolibrary.org/obo/HP_0012735`) into a CURIE (`HP:0012735`);
    /// other IRIs keep their last path or fragment segment under the prefix `IRI` only when nothing better exists.
    public static func fromIRI(_ iri: String) -> String? {
        let oboBase = "http://purl.obolibrary.org/obo/"
        if iri.hasPrefix(oboBase) {
            let local = iri.dropFirst(oboBase.count)
            if let underscore = local.firstIndex(of: "_") {
                let prefix = local[..<underscore]
                let rest = local[local.index(after: underscore)...]
                if !prefix.isEmpty, !rest.isEmpty, !prefix.contains("/"), !prefix.contains("#") {
                    return normalizedPrefix(String(prefix)) + ":" + rest
                }
            }
            return nil
        }
        if iri.hasPrefix("http://identifiers.org/") || iri.hasPrefix("https://identifiers.org/") {
            let tail = iri.split(separator: "/", omittingEmptySubsequences: true).suffix(2)
            if tail.count == 2 {
                let p = tail.first!
                let l = tail.last!
                if l.contains(":") { return normalize(String(l)) }
                return normalizedPrefix(String(p)) + ":" + l
            }
        }
        return nil
    }

    /// The prefix of a CURIE (`HP` for `HP:0012735`), or nil.
    public static func prefix(of curie: String) -> String? {
        guard let colon = curie.firstIndex(of: ":") else { return nil }
        return String(curie[..<colon])
    }
}
