/// Writes loaded ontologies as ddx's own ontology XML (`urn:x-ddx:ontology:1`, schema `Ontologies/ddx-ontology.rng`),
/// for `ddx ontology convert`.
///
/// ```swift
/// let document = try OntologyLoader().load(file: "desc2025.xml")
/// let (text, report) = OntologyXMLWriter(ontologyID: "mesh").write(document)
/// ```
///
/// How the input is fitted into the format (each step is counted in the ``ConversionReport``):
/// - Concepts are written in input order; obsolete ones and repeated ids are left out.
/// - Ids become local slugs (``LocalIDAllocator``: `ICD10CM:R05.3` → `icd10cm-r05-3`); the original CURIE is kept
///   as `<xref code="ICD10CM:R05.3" match="exact"/>` when its prefix is in the closed list (``xrefPrefixes``).
/// - A concept without a type takes the type of its nearest typed `is_a` ancestor; failing that, the commonest type
///   of its nearest typed descendants (so an ICD chapter of diseases is a `disease`, which keeps `is_a` links
///   type-coherent); failing that, the type its nearest ancestor gets that way; failing that, `finding`
///   (``OntologyTypeInference``).
/// - Xrefs outside the closed prefix list are dropped; `unspecified` matches are written as `exact`.
/// - Parents and relation targets must be among the concepts written, and are written as local ids.
/// - Relations keep ddx's kinds (``RelationKind/nativeKinds``); `therapeutic_use` becomes `treats`; every other
///   kind (`pharmacological_action`, `has_material_basis_in`, `part_of`, …) is dropped.
/// - Synonym kinds outside the schema's list are left off (`plural_form` becomes `plural`); relation
///   frequency, evidence and source attributes are kept only when the schema allows their values.
///
/// The writer returns text; writing the file (atomically) is the caller's job.
public struct OntologyXMLWriter: Sendable {
    /// The prefixes ddx's format allows in `xref/@code`.
    public static let xrefPrefixes: Set<String> = [
        "HP", "DOID", "SYMP", "MONDO", "MAXO", "NCIT", "MESH", "UMLS", "SNOMEDCT", "ICD10CM", "ICD10", "ICD11",
        "OMIM", "ORPHA", "CHEBI", "RXNORM", "ATC", "LOINC",
    ]
    static let synonymKinds: Set<String> = [
        "layperson", "abbreviation", "plural", "uk_spelling", "us_spelling", "brand",
    ]
    static let frequencies: Set<String> = ["very_frequent", "frequent", "occasional", "rare"]

    /// The ontology id to write (made into a slug); default: the first document's source name.
    public var ontologyID: String?
    /// The version to write; default: the first document's version, else `unversioned`.
    public var version: String?
    /// The title; default: the source's title (or titles).
    public var title: String?
    /// The licence; default: the source's licence, else `see source`.
    public var license: String?

    public init(ontologyID: String? = nil, version: String? = nil, title: String? = nil, license: String? = nil) {
        self.ontologyID = ontologyID
        self.version = version
        self.title = title
        self.license = license
    }

    /// The ddx XML text for one document, and what the conversion changed.
    public func write(_ document: OntologyDocument) -> (text: String, report: ConversionReport) {
        write([document])
    }

    /// The ddx XML text for several documents merged into one ontology, and what the conversion changed.
    public func write(_ documents: [OntologyDocument]) -> (text: String, report: ConversionReport) {
        var report = ConversionReport()
        // 1. Choose the concepts and give them local ids.
        var ids = LocalIDAllocator()
        var localID: [String: String] = [:]
        var chosen: [Concept] = []
        for document in documents {
            for concept in document.concepts {
                if concept.isObsolete { report.skippedObsolete += 1; continue }
                if localID[concept.id] != nil { report.skippedDuplicates += 1; continue }
                localID[concept.id] = ids.allocate(concept.id)
                chosen.append(concept)
            }
        }
        report.renamedIDs = ids.renamed
        report.written = chosen.count

        // 2. Write the concepts, noting the xref prefixes they use; then the header that lists them.
        var types = OntologyTypeInference(concepts: chosen)
        var body = XMLOutputBuffer(capacity: chosen.count * 256)
        var usedPrefixes: Set<String> = []
        for concept in chosen {
            let type: ConceptType
            if let own = concept.type {
                type = own
            } else if let inferred = types.ancestorType(of: concept.id) ?? types.descendantType(of: concept.id)
                        ?? types.groupType(of: concept.id) {
                type = inferred
                report.inferredTypes += 1
            } else {
                type = .finding
                report.defaultedTypes += 1
            }
            writeConcept(concept, id: localID[concept.id]!, type: type, localID: localID, usedPrefixes: &usedPrefixes,
                         report: &report, into: &body)
        }
        var out = XMLOutputBuffer(capacity: body.bytes.count + 4096)
        writeHeader(documents, usedPrefixes: usedPrefixes, into: &out)
        out.append(body)
        out.raw("</ontology>\n")
        return (out.string, report)
    }

    private func writeConcept(_ concept: Concept, id: String, type: ConceptType, localID: [String: String],
                              usedPrefixes: inout Set<String>, report: inout ConversionReport,
                              into out: inout XMLOutputBuffer) {
        out.raw("  <concept"); out.attribute("id", id); out.attribute("type", type.rawValue); out.raw(">\n")
        // A label XML cannot hold (only control characters, e.g. an OBO term with a mangled id and no name) falls
        // back to the source id and then to the local id, so the written file always reads back.
        let label = nonBlank(concept.label) ?? nonBlank(concept.id) ?? id
        out.element("label", label)
        var written: [String] = [label]
        for synonym in concept.synonyms where !Self.isBlank(synonym.text) && !written.contains(synonym.text) {
            written.append(synonym.text)
            out.raw("    <synonym")
            if synonym.scope != .exact { out.attribute("scope", synonym.scope.rawValue) }
            if let kind = Self.synonymKind(synonym.kind) { out.attribute("kind", kind) }
            out.raw(">"); out.text(synonym.text); out.raw("</synonym>\n")
        }
        if let definition = concept.definition, !Self.isBlank(definition) { out.element("definition", definition) }

        written.removeAll(keepingCapacity: true)
        var xrefs: [(code: String, match: XrefMatch)] = []
        if let prefix = Self.writableXrefPrefix(concept.id) {
            usedPrefixes.insert(prefix)
            xrefs.append((concept.id, .exact))
        }
        for xref in concept.xrefs {
            let code = CURIE.normalize(xref.code) ?? xref.code
            guard let prefix = Self.writableXrefPrefix(code) else { report.droppedXrefs += 1; continue }
            usedPrefixes.insert(prefix)
            xrefs.append((code, xref.match == .unspecified ? .exact : xref.match))
        }
        for xref in xrefs where !written.contains(xref.code) {
            written.append(xref.code)
            out.raw("    <xref"); out.attribute("code", xref.code); out.attribute("match", xref.match.rawValue)
            out.raw("/>\n")
        }

        written.removeAll(keepingCapacity: true)
        for parent in concept.parents {
            guard let ref = localID[parent], ref != id else { report.droppedParents += 1; continue }
            guard !written.contains(ref) else { continue }
            written.append(ref)
            out.raw("    <is_a"); out.attribute("ref", ref); out.raw("/>\n")
        }

        written.removeAll(keepingCapacity: true)
        for relation in concept.relations {
            guard let kind = Self.nativeKind(relation.kind), let ref = localID[relation.target] else {
                report.droppedRelations += 1
                continue
            }
            guard !written.contains(kind.rawValue + " " + ref) else { continue }
            written.append(kind.rawValue + " " + ref)
            out.raw("    <relation"); out.attribute("type", kind.rawValue); out.attribute("ref", ref)
            if let f = relation.frequency, Self.frequencies.contains(f) { out.attribute("frequency", f) }
            if let e = relation.evidence, e == "curated" || e == "derived" { out.attribute("evidence", e) }
            if let s = relation.source, Self.isSourceCURIE(s) { out.attribute("source", s) }
            out.raw("/>\n")
        }
        out.raw("  </concept>\n")
    }

    /// The XML declaration, the root start tag and the meta block.
    private func writeHeader(_ documents: [OntologyDocument], usedPrefixes: Set<String>,
                             into out: inout XMLOutputBuffer) {
        let first = documents.first?.source
        let id = LocalIDAllocator.slug(ontologyID ?? first?.name ?? "converted")
        let version = nonBlank(self.version) ?? nonBlank(first?.version) ?? "unversioned"
        let titles = documents.map { nonBlank($0.source.title) ?? $0.source.name }
        let title = nonBlank(self.title) ?? nonBlank(Self.uniqueJoined(titles)) ?? "Converted ontology"
        let licenses = documents.compactMap { nonBlank($0.source.license) }
        let license = nonBlank(self.license) ?? nonBlank(Self.uniqueJoined(licenses)) ?? "see source"
        let description = "Converted by ddx from " + documents.map { doc -> String in
            let file = doc.source.path.split(separator: "/").last.map(String.init) ?? doc.source.path
            return "\(file) (\(doc.source.format.displayName)\(doc.source.version.map { ", version \($0)" } ?? ""))"
        }.joined(separator: ", ") + "."

        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ontology")
        out.attribute("xmlns", NativeOntologyImporter.namespace)
        out.attribute("id", id)
        out.attribute("version", version)
        out.raw(" xml:lang=\"en\">\n  <meta>\n")
        out.element("title", title)
        out.element("license", license)
        out.element("description", description)
        // One entry per xref prefix used: the version of the document whose concepts carry that prefix, else
        // "unspecified".
        var versions: [String: String] = [:]
        for document in documents {
            guard let version = nonBlank(document.source.version) else { continue }
            for concept in document.concepts {
                if let p = Self.writableXrefPrefix(concept.id), versions[p] == nil { versions[p] = version }
            }
        }
        for prefix in usedPrefixes.sorted() {
            out.raw("    <source")
            out.attribute("prefix", prefix)
            out.attribute("version", versions[prefix] ?? "unspecified")
            out.raw("/>\n")
        }
        out.raw("  </meta>\n")
    }

    /// The prefix of `code` when it is a CURIE the format's `xref/@code` accepts (a closed-list prefix and a local
    /// part of letters, digits, `.`, `-` and `_`), else nil.
    static func writableXrefPrefix(_ code: String) -> String? {
        let utf8 = code.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let local = utf8[utf8.index(after: colon)...]
        guard !local.isEmpty, local.allSatisfy({ b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }) else { return nil }
        let prefix = String(code[..<colon])
        return xrefPrefixes.contains(prefix) ? prefix : nil
    }

    /// The relation kind as ddx's format names it, or nil when the format has no name for it.
    static func nativeKind(_ kind: RelationKind) -> RelationKind? {
        if RelationKind.nativeKinds.contains(kind) { return kind }
        if kind == .therapeuticUse { return .treats }
        return nil
    }

    /// The synonym kind when the schema allows it (`plural_form` → `plural`), else nil.
    static func synonymKind(_ kind: String?) -> String? {
        guard let kind else { return nil }
        if kind == "plural_form" { return "plural" }
        return synonymKinds.contains(kind) ? kind : nil
    }

    /// Whether `source` fits the schema's `relation/@source` pattern `[A-Za-z][A-Za-z0-9_.-]*:[^\s]+`.
    static func isSourceCURIE(_ source: String) -> Bool {
        guard let prefix = CURIE.prefix(of: source), let first = prefix.utf8.first,
              (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        let prefixOK = prefix.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
        }
        let rest = source.utf8.dropFirst(prefix.utf8.count + 1)
        return prefixOK && !rest.isEmpty && !rest.contains(where: Self.isXMLSpace)
    }

    private static func isXMLSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// Whether `text` has nothing the format can show: only white space and characters XML forbids.
    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ($0.isASCII && isXMLSpace(UInt8($0.value))) || !XMLEscaping.isAllowed($0) }
    }

    private func nonBlank(_ text: String?) -> String? {
        guard let text, !Self.isBlank(text) else { return nil }
        return text
    }

    private static func uniqueJoined(_ items: [String]) -> String {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}
