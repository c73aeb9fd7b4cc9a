/// Turns CURIE concept ids into the local ids of ddx's own format (`[a-z0-9]+(-[a-z0-9]+)*`), uniquely.
///
/// The mapping lower-cases ASCII letters and turns every run of other characters into one hyphen:
/// `HP:0012735` → `hp-0012735`, `ICD10CM:R05.3` → `icd10cm-r05-3`, `MESH:D003371` → `mesh-d003371`. It is
/// reversible through the exact xref the writer adds for the original CURIE. When two ids map to the same slug,
/// the later one takes a suffix (`-2`, `-3`, …).
struct LocalIDAllocator {
    private var taken: Set<String> = []
    /// How many ids took a suffix.
    private(set) var renamed = 0

    /// The slug of `id`, without uniqueness (`concept` when nothing is left).
    static func slug(_ id: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(id.utf8.count)
        var pendingHyphen = false
        for b in id.utf8 {
            let lower = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "concept" : String(decoding: out, as: UTF8.self)
    }

    /// A slug for `id` no other call has returned.
    mutating func allocate(_ id: String) -> String {
        let base = Self.slug(id)
        if taken.insert(base).inserted { return base }
        renamed += 1
        var n = 2
        while !taken.insert("\(base)-\(n)").inserted { n += 1 }
        return "\(base)-\(n)"
    }
}
