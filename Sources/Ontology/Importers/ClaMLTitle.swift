/// What a ClaML file's `<Title name="…" version="…" date="…">` says: the CURIE prefix of its classes, the version
/// and the title text.
struct ClaMLTitle {
    /// `Title@name`, e.g. `ICD-10`, `ICD-10-GM`.
    var name: String?
    /// `Title@version`, else `Title@date`.
    var version: String?
    /// The element's text, e.g. "International Statistical Classification of Diseases …".
    var text: String?

    /// The CURIE prefix: `ICD10` for WHO ICD-10 (`ICD-10`, `ICD-10 2019`, `ICD-10-WHO`), `ICD10` followed by the
    /// modification's letters for a national modification (`ICD-10-GM` → `ICD10GM`, `ICD-10-CM` → `ICD10CM`),
    /// otherwise the name upper-cased without its non-alphanumeric characters (`CIM-10` → `CIM10`, `OPS` → `OPS`);
    /// `CLAML` when the file has no title name.
    var prefix: String {
        guard let name, !name.isEmpty else { return "CLAML" }
        let upper = name.uppercased()
        let compact = String(upper.unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        })
        guard compact.hasPrefix("ICD10") else { return compact.isEmpty ? "CLAML" : compact }
        // Letters right after "ICD10" name a modification when there are two or three of them (GM, CM, AM, CA).
        let letters = compact.dropFirst(5).prefix(while: { $0.isLetter })
        return (2...3).contains(letters.count) && letters != "WHO" ? "ICD10" + letters : "ICD10"
    }

    /// Whether the classification is a member of the ICD-10 family, whose code ranges imply concept types.
    var isICD10Family: Bool {
        let p = prefix
        return p.hasPrefix("ICD10") || p == "CIM10"
    }
}
