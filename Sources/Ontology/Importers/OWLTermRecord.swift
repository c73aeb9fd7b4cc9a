/// What the OWL importer collects from one top-level RDF/XML element (a class, an axiom, the ontology header or
/// a typed `rdf:Description`) before deciding what it was.
struct OWLTermRecord {
    /// The element the record was opened by.
    enum Element { case owlClass, axiom, ontology, description }

    var element: Element
    var about: String?

    // Class annotations.
    var label: String?
    var labelIsPreferred = false
    var oboID: String?
    var definition: String?
    var synonyms: [Synonym] = []
    var xrefs: [Xref] = []
    var parents: [String] = []
    var relations: [ConceptRelation] = []
    var deprecated = false
    var replacedBy: [String] = []
    /// `rdf:type` IRIs (for `rdf:Description` elements).
    var types: [String] = []

    // Axiom annotations.
    var annotatedSource: String?
    var annotatedProperty: String?
    var annotatedTarget: String?
    var synonymType: String?

    // Ontology header.
    var versionIRI: String?
    var versionInfo: String?
    var title: String?
    var license: String?
    var defaultNamespace: String?

    init(element: Element, about: String?) {
        self.element = element
        self.about = about
    }

    /// Whether the record describes a class (an `owl:Class`, or an `rdf:Description` typed `owl:Class`).
    var isClass: Bool {
        element == .owlClass || (element == .description && types.contains(OWLVocabulary.owlClassIRI))
    }

    /// Whether the record describes an `owl:Axiom` (reified annotation).
    var isAxiom: Bool {
        element == .axiom || (element == .description && types.contains(OWLVocabulary.owlAxiomIRI))
    }

    /// Takes a label, preferring one without a language tag or in English over others.
    mutating func offerLabel(_ text: String, language: String?) {
        guard !text.isEmpty else { return }
        let preferred = language.map { $0.isEmpty || $0 == "en" || $0.hasPrefix("en-") } ?? true
        if label == nil || (preferred && !labelIsPreferred) {
            label = text
            labelIsPreferred = preferred
        }
    }

    /// Adds a parent or relation target from a class expression in `rdfs:subClassOf` (`asEquivalence` false) or
    /// `owl:equivalentClass` (true: a bare named class is an equivalence, not a parent).
    mutating func add(_ expression: OWLClassExpression, asEquivalence: Bool, ids: OBOIdentifiers) {
        switch expression {
        case .named(let iri):
            if !asEquivalence { addParent(iri, ids: ids) }
        case .restriction(let property, let filler):
            guard let target = filler?.head else { return }
            let kind = ids.relationKind(forProperty: property)
            let id = ids.identifier(forIRI: target)
            if !relations.contains(where: { $0.kind == kind && $0.target == id }) {
                relations.append(ConceptRelation(kind, target: id, evidence: "curated"))
            }
        case .intersection(let members):
            for member in members { add(member, asEquivalence: false, ids: ids) }
        case .other:
            return
        }
    }

    mutating func addParent(_ iri: String, ids: OBOIdentifiers) {
        let id = ids.identifier(forIRI: iri)
        if !parents.contains(id) { parents.append(id) }
    }

    /// The concept the record describes, or nil when it gives no usable id (blank nodes; IRIs that are neither
    /// OBO PURLs nor labelled).
    func makeConcept(ids: OBOIdentifiers) -> Concept? {
        let id: String
        if let raw = oboID, raw.utf8.contains(UInt8(ascii: ":")), let curie = ids.normalize(raw) {
            id = curie
        } else if let about, let curie = ids.curie(fromIRI: about) {
            id = curie
        } else if let about, !about.isEmpty, label != nil, !about.hasPrefix("_:") {
            id = about
        } else {
            return nil
        }
        var concept = Concept(id: id, label: label ?? "", type: OBOVocabulary.conceptType(forID: id),
                              synonyms: synonyms, definition: definition, xrefs: xrefs, parents: parents,
                              relations: relations, isObsolete: deprecated, replacedBy: replacedBy)
        if let definition, DiseaseOntologyDefinitionMiner.applies(to: id) {
            concept.relations += DiseaseOntologyDefinitionMiner.relations(in: definition)
        }
        return concept
    }
}
