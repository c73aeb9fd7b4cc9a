/// What the MeSH importer collects from one `DescriptorRecord` before turning it into a ``Concept``.
struct MeSHRecord {
    /// One `ConceptList/Concept` of the record.
    struct Entry {
        var ui = ""
        var isPreferred = false
        var scopeNote: String?
        var umlsCUI: String?
        var terms: [Synonym] = []
    }

    /// One `ConceptRelation` (`RelationName` NRW, BRD or REL; Concept2 is narrower/broader/related to Concept1).
    struct Relation {
        var name: String?
        var concept1 = ""
        var concept2 = ""
    }

    /// The line the record starts on.
    var line: Int
    var ui = ""
    var label = ""
    var treeNumbers: [String] = []
    var entries: [Entry] = []
    var relations: [Relation] = []
    var actions: [String] = []

    /// The synonym kind of a term's `LexicalTag`: abbreviations and acronyms, trade names; nil otherwise.
    static func kind(lexicalTag: String?) -> String? {
        switch lexicalTag {
        case "ABB", "ABX", "ACR", "ACX": return "abbreviation"
        case "TRD": return "brand"
        default: return nil
        }
    }

    /// The concept: label, synonyms, definition, type and pharmacological actions (parents are set later,
    /// once every tree number is known).
    func concept() -> Concept {
        var concept = Concept(id: MeSHImporter.prefix + ":" + ui, label: label,
                              type: MeSHTreeTypes.type(of: treeNumbers))
        let preferredUI = entries.first(where: \.isPreferred)?.ui
        var seen: Set<String> = [label]
        for entry in entries.filter(\.isPreferred) + entries.filter({ !$0.isPreferred }) {
            let scope = entry.isPreferred ? .exact : scope(of: entry.ui, preferredUI: preferredUI)
            for term in entry.terms where !term.text.isEmpty && seen.insert(term.text).inserted {
                concept.synonyms.append(Synonym(term.text, scope: scope, kind: term.kind))
            }
            if entry.isPreferred {
                concept.definition = entry.scopeNote
                if let cui = entry.umlsCUI { concept.xrefs.append(Xref("UMLS:" + cui, match: .exact)) }
            }
        }
        var targets: Set<String> = []
        for action in actions where targets.insert(action).inserted {
            concept.relations.append(ConceptRelation(.pharmacologicalAction, target: MeSHImporter.prefix + ":" + action,
                                                     evidence: "curated"))
        }
        return concept
    }

    /// How a non-preferred concept relates to the preferred one, from the record's `ConceptRelation`s:
    /// `NRW` → narrow, `BRD` → broad, `REL` or nothing stated → related.
    private func scope(of conceptUI: String, preferredUI: String?) -> SynonymScope {
        for relation in relations {
            let forward = relation.concept2 == conceptUI && (preferredUI == nil || relation.concept1 == preferredUI)
            let backward = relation.concept1 == conceptUI && relation.concept2 == preferredUI
            guard forward || backward else { continue }
            switch relation.name {
            case "NRW": return forward ? .narrow : .broad
            case "BRD": return forward ? .broad : .narrow
            default: return .related
            }
        }
        return .related
    }
}
