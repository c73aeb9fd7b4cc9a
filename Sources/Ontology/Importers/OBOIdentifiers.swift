#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast, cached CURIE handling for the OWL and OBO importers, which see hundreds of thousands of ids per file.
///
/// It gives the same results as `CURIE.fromIRI` and `CURIE.normalize` (and defers to them for anything but the
/// common shapes: OBO PURLs and plain `PREFIX:local` codes), but scans bytes instead of using Foundation string
/// searches, and normalises each distinct prefix once.
final class OBOIdentifiers {
    private static let oboBase = Array("http://purl.obolibrary.org/obo/".utf8)
    private var prefixes: [String: String] = [:]
    private var relationKinds: [String: RelationKind] = [:]

    init() {}

    /// `http://purl.obolibrary.org/obo/HP_0012735` → `HP:0012735`; nil for IRIs that give no CURIE.
    func curie(fromIRI iri: String) -> String? {
        var copy = iri
        let start = Self.oboBase.count
        let isPURL = copy.withUTF8 { u in
            u.count > start && Self.oboBase.withUnsafeBufferPointer { memcmp($0.baseAddress!, u.baseAddress!, start) == 0 }
        }
        guard isPURL else { return CURIE.fromIRI(iri) }
        return copy.withUTF8 { u -> String? in
            var underscore = -1
            for i in start..<u.count {
                let b = u[i]
                if b == UInt8(ascii: "_") { underscore = i; break }
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "#") { return nil }
            }
            guard underscore > start, underscore + 1 < u.count else { return nil }
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: u[start..<underscore]), as: UTF8.self)
            return Self.curie(normalizedPrefix(prefix), UnsafeBufferPointer(rebasing: u[(underscore + 1)...]))
        }
    }

    /// `MSH:D003371` → `MESH:D003371`, OBO PURLs → CURIEs; nil for text that is not a CURIE.
    func normalize(_ raw: String) -> String? {
        var copy = raw
        let outcome = copy.withUTF8 { u -> Outcome in
            guard let first = u.first, let last = u.last, !Self.isSpace(first), !Self.isSpace(last),
                  !u.starts(with: "http".utf8) else { return .uncommon }
            var colon = -1
            for i in 0..<u.count {
                let b = u[i]
                if b == UInt8(ascii: ":") { if colon < 0 { colon = i } } else if b == 0x20 { return .notCURIE }
            }
            guard colon > 0, colon + 1 < u.count else { return .notCURIE }
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: u[..<colon]), as: UTF8.self)
            let normalized = normalizedPrefix(prefix)
            // Most codes already carry the normalised prefix: the string is kept as it is.
            if normalized == prefix { return .unchanged }
            return .rewritten(Self.curie(normalized, UnsafeBufferPointer(rebasing: u[(colon + 1)...])))
        }
        switch outcome {
        case .unchanged: return raw
        case .rewritten(let curie): return curie
        case .notCURIE: return nil
        case .uncommon: return CURIE.normalize(raw)
        }
    }

    /// What the fast path of `normalize` found.
    private enum Outcome {
        case unchanged, rewritten(String), notCURIE
        /// Surrounding whitespace or a URL: left to `CURIE.normalize`.
        case uncommon
    }

    /// A CURIE for an IRI when it has one, else the IRI itself (for parents and relation targets).
    func identifier(forIRI iri: String) -> String {
        curie(fromIRI: iri) ?? iri
    }

    /// A CURIE with a normalised prefix, or the raw text when it is not one (OBO ids, is_a targets).
    func identifier(_ raw: String) -> String {
        normalize(raw) ?? raw
    }

    /// A cross-reference code, or nil for things that are not codes: plain URLs, `url:` links, ORCIDs.
    func xrefCode(_ raw: String) -> String? {
        guard let code = normalize(raw) else { return nil }
        for junk in ["URL:", "HTTP:", "HTTPS:", "ORCID:"] where code.hasPrefix(junk) { return nil }
        return code
    }

    /// `OBOVocabulary.relationKind(forProperty:)`, remembered per property.
    func relationKind(forProperty property: String) -> RelationKind {
        if let known = relationKinds[property] { return known }
        let kind = OBOVocabulary.relationKind(forProperty: property)
        relationKinds[property] = kind
        return kind
    }

    /// `prefix:local` built in one allocation.
    private static func curie(_ prefix: String, _ local: UnsafeBufferPointer<UInt8>) -> String {
        var prefix = prefix
        return prefix.withUTF8 { p in
            String(unsafeUninitializedCapacity: p.count + 1 + local.count) { out in
                _ = out.initialize(fromContentsOf: p)
                out[p.count] = UInt8(ascii: ":")
                _ = UnsafeMutableBufferPointer(rebasing: out[(p.count + 1)...]).initialize(fromContentsOf: local)
                return p.count + 1 + local.count
            }
        }
    }

    private func normalizedPrefix(_ prefix: String) -> String {
        if let known = prefixes[prefix] { return known }
        let normalized = CURIE.normalizedPrefix(prefix)
        prefixes[prefix] = normalized
        return normalized
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
