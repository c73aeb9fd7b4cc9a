#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `[Term]` stanza of an OBO file being read: applies tag lines and yields the concept.
struct OBOTermStanza {
    /// The line of the `[Term]` header (for errors about the whole stanza).
    let line: Int
    var id: String?
    var name: String?
    var definition: String?
    var synonyms: [Synonym] = []
    var xrefs: [Xref] = []
    var parents: [String] = []
    var relations: [ConceptRelation] = []
    var isObsolete = false
    var replacedBy: [String] = []

    init(line: Int) { self.line = line }

    /// The tags a term stanza reads.
    enum Tag {
        case id, name, def, synonym, exactSynonym, relatedSynonym, broadSynonym, narrowSynonym, xref, isA,
             relationship, intersectionOf, isObsolete, replacedBy, consider

        /// The tag spelled by `bytes`, or nil for tags the importer ignores (compared bytewise: this runs on every
        /// line of the file).
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            func is_(_ word: StaticString) -> Bool {
                word.utf8CodeUnitCount == bytes.count
                    && memcmp(word.utf8Start, bytes.baseAddress!, bytes.count) == 0
            }
            switch bytes.count {
            case 2 where is_("id"): self = .id
            case 3 where is_("def"): self = .def
            case 4 where is_("name"): self = .name
            case 4 where is_("is_a"): self = .isA
            case 4 where is_("xref"): self = .xref
            case 7 where is_("synonym"): self = .synonym
            case 8 where is_("consider"): self = .consider
            case 11 where is_("is_obsolete"): self = .isObsolete
            case 11 where is_("replaced_by"): self = .replacedBy
            case 12 where is_("relationship"): self = .relationship
            case 13 where is_("exact_synonym"): self = .exactSynonym
            case 13 where is_("broad_synonym"): self = .broadSynonym
            case 14 where is_("narrow_synonym"): self = .narrowSynonym
            case 15 where is_("related_synonym"): self = .relatedSynonym
            case 15 where is_("intersection_of"): self = .intersectionOf
            default: return nil
            }
        }
    }

    /// Applies one tag line. Throws `OBOStanzaError` for a malformed value.
    mutating func apply(_ tag: Tag, _ value: inout OBOLineScanner, ids: OBOIdentifiers) throws(OBOStanzaError) {
        switch tag {
        case .id:
            value.stripCommentAndModifiers()
            guard let raw = value.token() else { throw .init("id: has no value") }
            id = ids.identifier(raw)
        case .name:
            value.stripCommentAndModifiers()
            name = OBOLineScanner.foldingWhitespace(value.rest())
        case .def:
            value.stripCommentAndModifiers()
            guard let text = try quoted(&value) else { throw .init("def: must start with quoted text") }
            // Escaped line breaks become spaces, as in the XML importers' text.
            definition = OBOLineScanner.foldingWhitespace(text)
        case .synonym:
            try synonym(&value, scope: nil)
        case .exactSynonym: try synonym(&value, scope: .exact)
        case .relatedSynonym: try synonym(&value, scope: .related)
        case .broadSynonym: try synonym(&value, scope: .broad)
        case .narrowSynonym: try synonym(&value, scope: .narrow)
        case .xref:
            value.stripCommentAndModifiers()
            if let raw = value.token(), let code = ids.xrefCode(raw), !xrefs.contains(where: { $0.code == code }) {
                xrefs.append(Xref(code, match: .unspecified))
            }
        case .isA:
            value.stripCommentAndModifiers()
            guard let raw = value.token() else { throw .init("is_a: has no value") }
            addParent(ids.identifier(raw))
        case .relationship:
            value.stripCommentAndModifiers()
            guard let rel = value.token(), let target = value.token() else {
                throw .init("relationship: needs a relation and a target")
            }
            addRelation(ids.relationKind(forProperty: rel), ids.identifier(target))
        case .intersectionOf:
            value.stripCommentAndModifiers()
            guard let first = value.token() else { throw .init("intersection_of: has no value") }
            if let second = value.token() {
                addRelation(ids.relationKind(forProperty: first), ids.identifier(second))
            } else {
                addParent(ids.identifier(first))
            }
        case .isObsolete:
            value.stripCommentAndModifiers()
            isObsolete = value.token() == "true"
        case .replacedBy, .consider:
            value.stripCommentAndModifiers()
            if let raw = value.token() {
                let target = ids.identifier(raw)
                if !replacedBy.contains(target) { replacedBy.append(target) }
            }
        }
    }

    private func quoted(_ value: inout OBOLineScanner) throws(OBOStanzaError) -> String? {
        do {
            return try value.quoted()
        } catch {
            throw .init("unterminated quoted text (a \" is missing)")
        }
    }

    /// `"text" SCOPE [TYPE] [xrefs]`; the scope defaults to related (OBO 1.2) or is given by an old-style tag.
    private mutating func synonym(_ value: inout OBOLineScanner, scope given: SynonymScope?) throws(OBOStanzaError) {
        value.stripCommentAndModifiers()
        guard let text = try quoted(&value) else { throw .init("synonym: must start with quoted text") }
        var scope = given ?? .related
        var kind: String?
        value.skipSpaces()
        if given == nil, value.first != nil, value.first != OBOLineScanner.openBracket,
           let word = value.token() {
            switch word {
            case "EXACT": scope = .exact
            case "RELATED": scope = .related
            case "BROAD": scope = .broad
            case "NARROW": scope = .narrow
            default: throw .init("synonym scope '\(word)' is not EXACT, RELATED, BROAD or NARROW")
            }
            value.skipSpaces()
            if value.first != nil, value.first != OBOLineScanner.openBracket, let type = value.token() {
                kind = OBOVocabulary.synonymKind(type)
            }
        }
        guard !text.isEmpty else { return }
        synonyms.append(Synonym(OBOLineScanner.foldingWhitespace(text), scope: scope, kind: kind))
    }

    private mutating func addParent(_ id: String) {
        if !parents.contains(id) { parents.append(id) }
    }

    private mutating func addRelation(_ kind: RelationKind, _ target: String) {
        if !relations.contains(where: { $0.kind == kind && $0.target == target }) {
            relations.append(ConceptRelation(kind, target: target, evidence: "curated"))
        }
    }

    /// The concept, or an error when the stanza has no id.
    func makeConcept() throws(OBOStanzaError) -> Concept {
        guard let id else { throw .init("[Term] stanza has no id") }
        var concept = Concept(id: id, label: name ?? "", type: OBOVocabulary.conceptType(forID: id),
                              synonyms: synonyms, definition: definition, xrefs: xrefs, parents: parents,
                              relations: relations, isObsolete: isObsolete, replacedBy: replacedBy)
        if let definition, DiseaseOntologyDefinitionMiner.applies(to: id) {
            concept.relations += DiseaseOntologyDefinitionMiner.relations(in: definition)
        }
        return concept
    }
}
