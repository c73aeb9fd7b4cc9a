/// Reads OBO 1.4 flat files (HPO's `hp.obo`, DO's OBO subsets, `maxo.obo`), gzip-compressed or not.
///
/// - Header: `data-version` (its release part) → version, `ontology` → name (`default-namespace` and
///   then the file name as fall-backs), `property_value: dc:title "…"` → title, `…license …` → licence.
/// - `[Term]` stanzas become concepts (`[Typedef]`, `[Instance]` and other stanzas are skipped): `id`, `name`,
///   `def` (the quoted text), `synonym` (`"text" SCOPE [TYPE] [xrefs]`, TYPE → kind), `xref` (the code only),
///   `is_a`, `relationship: REL TARGET` (mapped like OWL properties, `OBOVocabulary`), `intersection_of`
///   (genus → parent, `rel target` → relation), `is_obsolete`, `replaced_by`, `consider`.
/// - `! comments`, trailing `{…}` modifiers and escapes (`\n`, `\"`, `\\`) are handled; DO definitions are mined
///   for relation phrases.
/// Malformed lines (a tag line without `:`, an unterminated quote, a `[Term]` without id) are errors naming the
/// file and line.
struct OBOImporter {
    func read(path: String) throws -> OntologyDocument {
        let bytes = try CompressedFile.readAll(path)
        if CompressedFile.contradictsGzipTrailer(path, byteCount: bytes.count) {
            throw CompressedFile.concatenatedGzipError(path)
        }
        return try bytes.withUnsafeBufferPointer { try parse($0, path: path) }
    }

    private enum Section { case header, term, other }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> OntologyDocument {
        var source = OntologySource(path: path, format: .obo, name: "")
        var ontology: String?
        var defaultNamespace: String?
        var concepts: [Concept] = []
        var section = Section.header
        // The open term stanza (valid while `section == .term`); non-optional so tag lines mutate it in place.
        var stanza = OBOTermStanza(line: 0)
        let ids = OBOIdentifiers()
        var lineNumber = 0
        var position = 0
        let count = bytes.count
        let colon = UInt8(ascii: ":"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        func closeStanza() throws {
            guard section == .term else { return }
            do { concepts.append(try stanza.makeConcept()) } catch {
                throw OntologyError(path: path, line: stanza.line, error.message)
            }
        }

        // Skip a UTF-8 byte-order mark.
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        while position < count {
            lineNumber += 1
            var end = position
            while end < count, bytes[end] != newline { end += 1 }
            let lineStart = position
            position = end + 1
            var lineEnd = end
            if lineEnd > lineStart, bytes[lineEnd - 1] == cr { lineEnd -= 1 }
            var first = lineStart
            while first < lineEnd, OBOLineScanner.isSpace(bytes[first]) { first += 1 }
            if first == lineEnd || bytes[first] == OBOLineScanner.bang { continue }

            if bytes[first] == UInt8(ascii: "[") {
                var close = lineEnd
                while close > first, OBOLineScanner.isSpace(bytes[close - 1]) { close -= 1 }
                guard bytes[close - 1] == UInt8(ascii: "]"), close - first > 2 else {
                    throw OntologyError(path: path, line: lineNumber, "malformed stanza header (expected e.g. [Term])")
                }
                try closeStanza()
                let name = OBOLineScanner.text(bytes, first + 1, close - 1, unescape: false)
                if name == "Term" {
                    section = .term
                    stanza = OBOTermStanza(line: lineNumber)
                } else {
                    section = .other
                }
                continue
            }

            var tagEnd = first
            while tagEnd < lineEnd, bytes[tagEnd] != colon { tagEnd += 1 }
            guard tagEnd < lineEnd, tagEnd > first else {
                throw OntologyError(path: path, line: lineNumber, "tag line without ':' (expected 'tag: value')")
            }
            var tagBytes = UnsafeBufferPointer(rebasing: bytes[first..<tagEnd])
            while let last = tagBytes.last, OBOLineScanner.isSpace(last) { tagBytes = UnsafeBufferPointer(rebasing: tagBytes.dropLast()) }
            var value = OBOLineScanner(bytes: bytes, start: tagEnd + 1, end: lineEnd)
            value.skipSpaces()

            switch section {
            case .term:
                guard let tag = OBOTermStanza.Tag(tagBytes) else { continue }
                do { try stanza.apply(tag, &value, ids: ids) } catch {
                    throw OntologyError(path: path, line: lineNumber, error.message)
                }
            case .header:
                let tag = String(decoding: tagBytes, as: UTF8.self)
                try header(tag, &value, source: &source, ontology: &ontology, defaultNamespace: &defaultNamespace,
                           path: path, line: lineNumber)
            case .other:
                continue
            }
        }
        try closeStanza()
        source.name = Self.ontologyName(ontology: ontology, defaultNamespace: defaultNamespace, path: path)
        return OntologyDocument(source: source, concepts: concepts)
    }

    /// Applies one header tag line.
    private func header(_ tag: String, _ value: inout OBOLineScanner, source: inout OntologySource,
                        ontology: inout String?, defaultNamespace: inout String?, path: String, line: Int) throws {
        value.stripCommentAndModifiers()
        switch tag {
        case "data-version":
            source.version = Self.release(value.rest())
        case "ontology":
            ontology = value.token()
        case "default-namespace":
            defaultNamespace = value.token()
        case "property_value":
            guard let property = value.token() else { return }
            let text: String?
            do { text = try value.quoted() ?? value.token() } catch {
                throw OntologyError(path: path, line: line, "unterminated quoted text (a \" is missing)")
            }
            switch property {
            case "dc:title", "dcterms:title", "terms:title", "http://purl.org/dc/elements/1.1/title":
                source.title = text
            case "dcterms:license", "terms:license", "dc:license", "http://purl.org/dc/terms/license":
                source.license = text
            case "owl:versionInfo":
                if source.version == nil { source.version = text }
            default:
                return
            }
        case "license":
            source.license = value.rest()
        default:
            return
        }
    }

    /// The release in a `data-version` such as `hp/releases/2026-02-16` → `2026-02-16`.
    static func release(_ dataVersion: String) -> String {
        let parts = dataVersion.split(separator: "/")
        if let i = parts.firstIndex(of: "releases"), i + 1 < parts.count { return String(parts[i + 1]) }
        return dataVersion
    }

    /// The ontology's short name: `ontology:` without `.obo`, else the default namespace, else the file name.
    static func ontologyName(ontology: String?, defaultNamespace: String?, path: String) -> String {
        if var name = ontology, !name.isEmpty {
            if name.hasSuffix(".obo") { name.removeLast(4) }
            return name
        }
        if let defaultNamespace, !defaultNamespace.isEmpty { return defaultNamespace }
        var file = OBOVocabulary.lastSegment(of: path)
        for suffix in [".gz", ".obo"] where file.hasSuffix(suffix) { file.removeLast(suffix.count) }
        return file
    }
}
