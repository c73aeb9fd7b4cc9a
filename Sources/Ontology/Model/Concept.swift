/// One concept of a loaded ontology: its id, names, type, codes, parents and typed relations.
public struct Concept: Sendable, Hashable, Codable {
    /// The concept id as a CURIE, e.g. `HP:0012735`, `DOID:1234`, `MESH:D003371`, `ddx-core:cough`.
    public var id: String
    /// The preferred label.
    public var label: String
    /// The concept type, when the source says or implies it.
    public var type: ConceptType?
    /// Alternative names.
    public var synonyms: [Synonym]
    /// A textual definition.
    public var definition: String?
    /// Codes in other vocabularies (normalised CURIEs).
    public var xrefs: [Xref]
    /// Ids of `is_a` parents.
    public var parents: [String]
    /// Typed relations to other concepts.
    public var relations: [ConceptRelation]
    /// Whether the source marks the concept obsolete (deprecated).
    public var isObsolete: Bool
    /// Replacement ids given for an obsolete concept.
    public var replacedBy: [String]

    public init(id: String, label: String, type: ConceptType? = nil, synonyms: [Synonym] = [],
                definition: String? = nil, xrefs: [Xref] = [], parents: [String] = [],
                relations: [ConceptRelation] = [], isObsolete: Bool = false, replacedBy: [String] = []) {
        self.id = id
        self.label = label
        self.type = type
        self.synonyms = synonyms
        self.definition = definition
        self.xrefs = xrefs
        self.parents = parents
        self.relations = relations
        self.isObsolete = isObsolete
        self.replacedBy = replacedBy
    }
}
