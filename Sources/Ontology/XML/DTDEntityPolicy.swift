/// Decides, before libxml2 parses a file, whether its DOCTYPE's entity declarations are safe to expand.
///
/// Protégé and older OWLAPI files declare namespace shorthands such as `<!ENTITY obo "http://purl.obolibrary.org/obo/">`
/// and write `rdf:about="&obo;HP_0000118"`. Those are allowed: internal general entities whose value holds no
/// further reference and is short. Anything else — an external entity (`SYSTEM`/`PUBLIC`, the XXE shape), a
/// parameter entity (`%`), or an entity whose value refers to another (the "billion laughs" shape) — is refused
/// before any parsing happens.
enum DTDEntityPolicy {
    enum Verdict: Equatable {
        /// No entity declarations: parse without substitution.
        case none
        /// Only short, flat internal entities: safe to substitute.
        case flatInternal
    }

    /// Bytes of the file searched for the DOCTYPE's internal subset.
    static let prologLimit = 1 << 20
    /// Longest entity value accepted.
    static let maxValueLength = 2048

    static func check(path: String) throws -> Verdict {
        let bytes = try CompressedFile.readPrefix(path, count: prologLimit)
        return try check(bytes: bytes, path: path)
    }

    static func check(bytes: [UInt8], path: String) throws -> Verdict {
        // The DOCTYPE must come before the root element, so only the prolog is searched (a byte scan: the
        // prefix read can be a megabyte of content).
        let prolog = bytes[..<(firstElementStart(in: bytes) ?? bytes.endIndex)]
        guard prolog.count >= 9, containsDoctype(prolog) else { return .none }
        let text = String(decoding: prolog, as: UTF8.self)
        guard let doctype = text.range(of: "<!DOCTYPE") else { return .none }
        guard text[doctype.upperBound...].contains("<!ENTITY") else { return .none }
        func refuse(_ why: String) -> OntologyError {
            let line = text[..<doctype.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            return OntologyError(path: path, line: line, "DOCTYPE \(why); refused (ddx never expands external, parameter or nested XML entities: XXE and entity-expansion protection)")
        }
        guard let open = text[doctype.upperBound...].firstIndex(of: "["),
              let close = text[open...].range(of: "]") else {
            throw refuse("declares entities outside an internal subset ddx can check")
        }
        let subset = text[text.index(after: open)..<close.lowerBound]
        var rest = subset[...]
        while let decl = rest.range(of: "<!ENTITY") {
            guard let end = rest[decl.upperBound...].firstIndex(of: ">") else { throw refuse("has an unterminated entity declaration") }
            let body = rest[decl.upperBound..<end].trimmingCharactersSpaces()
            if body.hasPrefix("%") { throw refuse("declares a parameter entity") }
            let parts = body.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { throw refuse("has a malformed entity declaration") }
            let definition = parts[1].trimmingCharactersSpaces()
            if definition.hasPrefix("SYSTEM") || definition.hasPrefix("PUBLIC") {
                throw refuse("declares an external entity '\(parts[0])'")
            }
            guard let quote = definition.first, quote == "\"" || quote == "'",
                  let closing = definition.dropFirst().firstIndex(of: quote) else {
                throw refuse("has an entity '\(parts[0])' without a quoted value")
            }
            let value = definition[definition.index(after: definition.startIndex)..<closing]
            if value.contains("&") || value.contains("%") { throw refuse("declares entity '\(parts[0])' in terms of another entity") }
            if value.count > maxValueLength { throw refuse("declares an entity '\(parts[0])' longer than \(maxValueLength) characters") }
            rest = rest[rest.index(after: end)...]
        }
        return .flatInternal
    }

    /// The offset of the first `<` that opens an element (not `<?`, `<!`), if any.
    private static func firstElementStart(in bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x3C, bytes[i + 1] != 0x3F, bytes[i + 1] != 0x21 { return i }
            i += 1
        }
        return nil
    }

    private static func containsDoctype(_ bytes: ArraySlice<UInt8>) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if bytes[i] == 0x3C, bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

extension Substring {
    func trimmingCharactersSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\n" || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
