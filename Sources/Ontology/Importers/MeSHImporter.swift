/// Reads NLM MeSH descriptor XML (`DescriptorRecordSet`, no namespace) in one streaming pass.
///
/// - `DescriptorUI` → id `MESH:D003371`; `DescriptorName/String` → label.
/// - Every `Term/String` of every `Concept` → synonyms (the label itself and repeats are left out; permuted terms,
///   `IsPermutedTermYN="Y"` in older files, are word-order variants and are skipped). Terms of the preferred concept
///   are exact; terms of another concept take the scope of its `ConceptRelation` to the preferred one
///   (NRW → narrow, BRD → broad, REL or none → related). `LexicalTag` ABB/ABX/ACR/ACX → kind `abbreviation`,
///   TRD → kind `brand`.
/// - The preferred concept's `ScopeNote` → definition; its `ConceptUMLSUI` (older files) → an exact UMLS xref.
/// - `TreeNumber`s → parents, resolved after the pass: the parent of `C08.618.248` is the descriptor that owns
///   `C08.618` (none for a top-level tree number, or when that descriptor is not in the file). Type by tree, see
///   ``MeSHTreeTypes``.
/// - `PharmacologicalAction/DescriptorReferredTo/DescriptorUI` (in the record, or in a concept in older files) →
///   a `pharmacological_action` relation to that descriptor.
///
/// A `<!DOCTYPE DescriptorRecordSet SYSTEM "desc2025.dtd">` line is accepted and the DTD is never loaded; its year
/// becomes the version. Elements in any namespace, and elements not listed above, are ignored with their subtree;
/// the elements whose text is read (`DescriptorUI`, `String`, `TreeNumber`, `ScopeNote`, …) hold plain text.
struct MeSHImporter {
    /// The CURIE prefix of the concepts.
    static let prefix = "MESH"

    func read(path: String) throws -> OntologyDocument {
        let reader = try XMLStreamReader(path: path)
        let n = MeSHNames(reader)
        var concepts: [Concept] = []
        var trees: [[String]] = []
        var firstLine: [String: Int] = [:]
        var record: MeSHRecord?
        var stack: [MeSHNames.Tag] = []
        var language: String?
        var advanced = false

        scan: while true {
            if !advanced { guard try reader.read() else { break scan } }
            advanced = false
            if reader.kind == .endElement, record != nil, stack.count > reader.depth, stack[reader.depth] == .record {
                stack.removeSubrange(reader.depth...)
                let done = record.take()!
                guard !done.ui.isEmpty else {
                    throw OntologyError(path: path, line: done.line, "descriptor without a <DescriptorUI>")
                }
                guard !done.label.isEmpty else {
                    throw OntologyError(path: path, line: done.line, "descriptor \(done.ui) has no <DescriptorName>")
                }
                if let first = firstLine.updateValue(done.line, forKey: done.ui) {
                    throw OntologyError(path: path, line: done.line,
                                        "duplicate descriptor \(done.ui) (first on line \(first))")
                }
                concepts.append(done.concept())
                trees.append(done.treeNumbers)
                continue
            }
            guard reader.kind == .element else { continue }
            let depth = reader.depth
            if stack.count > depth { stack.removeSubrange(depth...) }
            let parent = depth > 0 ? stack[depth - 1] : .document
            guard let tag = n.classify(reader, under: parent) else {
                if depth == 0 { throw reader.error("root element is not <DescriptorRecordSet>") }
                stack.append(.ignored)  // read through (cheaper than skipping); nothing inside is taken
                continue
            }
            switch tag {
            case .recordSet:
                language = reader.attribute(n.languageCode)
            case .record:
                record = MeSHRecord(line: reader.line)
            case .concept:
                record?.entries.append(MeSHRecord.Entry(isPreferred: reader.attribute(n.preferredConcept) == "Y"))
            case .conceptRelation:
                record?.relations.append(MeSHRecord.Relation(name: reader.attribute(n.relationName)))
            case .term:
                if reader.attribute(n.permuted) == "Y" {
                    stack.append(.ignored)
                    continue
                }
                let kind = MeSHRecord.kind(lexicalTag: reader.attribute(n.lexicalTag))
                if let last = record?.entries.indices.last {
                    record!.entries[last].terms.append(Synonym("", kind: kind))  // String fills the text in
                }
            case .descriptorUI, .string, .treeNumber, .scopeNote, .conceptUI, .conceptUMLSUI, .concept1UI, .concept2UI:
                // A leaf holds one text node: take it directly (cheaper than readText + skipSubtree). Markup inside
                // a leaf is ignored by the loop, since no element is known under a leaf.
                stack.append(tag)
                var text = ""
                if !reader.isEmptyElement {
                    guard try reader.read() else { break scan }
                    if reader.kind == .text {
                        text = XMLText.collapseWhitespace(reader.value)
                    } else {
                        advanced = reader.kind == .element
                    }
                }
                if record != nil { store(text, tag: tag, parent: parent, in: &record!) }
                continue
            default:
                break
            }
            stack.append(tag)
        }
        resolveParents(&concepts, trees: trees)
        let version = Self.dtdYear(path: path)
        let title = "Medical Subject Headings (MeSH) descriptors" + (language.map { " (\($0))" } ?? "")
        let source = OntologySource(path: path, format: .mesh, name: Self.prefix, version: version, title: title)
        return OntologyDocument(source: source, concepts: concepts)
    }

    /// Puts the text of a leaf element where it belongs in the record.
    private func store(_ text: String, tag: MeSHNames.Tag, parent: MeSHNames.Tag, in record: inout MeSHRecord) {
        let last = record.entries.count - 1
        switch (tag, parent) {
        case (.descriptorUI, .record): record.ui = text
        case (.descriptorUI, _): if !text.isEmpty { record.actions.append(text) }  // DescriptorReferredTo
        case (.string, .descriptorName): record.label = text
        case (.string, _):  // Term/String
            record.entries[last].terms[record.entries[last].terms.count - 1].text = text
        case (.treeNumber, _): if !text.isEmpty { record.treeNumbers.append(text) }
        case (.scopeNote, _): if !text.isEmpty { record.entries[last].scopeNote = text }
        case (.conceptUI, _): record.entries[last].ui = text
        case (.conceptUMLSUI, _): if !text.isEmpty { record.entries[last].umlsCUI = text }
        case (.concept1UI, _): record.relations[record.relations.count - 1].concept1 = text
        case (.concept2UI, _): record.relations[record.relations.count - 1].concept2 = text
        default: break
        }
    }

    /// Sets each concept's parents from its tree numbers: the owner of the tree number minus its last segment.
    private func resolveParents(_ concepts: inout [Concept], trees: [[String]]) {
        var owner: [String: Int] = [:]
        owner.reserveCapacity(trees.count * 2)
        for (i, list) in trees.enumerated() {
            for tree in list where owner[tree] == nil { owner[tree] = i }
        }
        for i in concepts.indices {
            var parents: [String] = []
            for tree in trees[i] {
                guard let dot = tree.lastIndex(of: "."), let p = owner[String(tree[..<dot])], p != i else { continue }
                let id = concepts[p].id
                if !parents.contains(id) { parents.append(id) }
            }
            concepts[i].parents = parents
        }
    }

    /// The year in the DOCTYPE's system id (`desc2025.dtd` or `…/nlmdescriptorrecordset_20250101.dtd` → `2025`),
    /// read from the first bytes of the file.
    static func dtdYear(path: String) -> String? {
        guard let bytes = try? CompressedFile.readPrefix(path, count: 2048),
              let doctype = find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) else { return nil }
        let end = bytes[doctype...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        let head = Array(bytes[..<end])
        for marker in ["nlmdescriptorrecordset_", "desc"] {
            guard let at = find(Array(marker.utf8), in: head, from: doctype) else { continue }
            let digits = head[(at + marker.utf8.count)...].prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
            if digits.count == 4 || digits.count == 8 { return String(decoding: digits.prefix(4), as: UTF8.self) }
        }
        return nil
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        for i in start...(bytes.count - pattern.count) where bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
            return i
        }
        return nil
    }
}
