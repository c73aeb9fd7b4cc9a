/// Reads OWL 2 RDF/XML in the OBO/ROBOT (OWLAPI) layout — HPO, DO, SYMP, MONDO, MAxO — in one streaming pass.
///
/// Concepts are the top-level `owl:Class` elements (and `rdf:Description` typed `owl:Class`). From each it takes:
/// - the id (`oboInOwl:id`, else the CURIE of `rdf:about`; a non-OBO IRI is kept as the id only when labelled),
/// - `rdfs:label` (untagged or English preferred), the definition `obo:IAO_0000115`,
/// - oboInOwl synonyms with their scope; the synonym *type* comes from sibling `owl:Axiom`s
///   (`annotatedSource`/`annotatedProperty`/`annotatedTarget` + `oboInOwl:hasSynonymType`), joined after the pass,
///   so an axiom may come before or after its class. Other axiom annotations (definition xrefs, PMIDs) are ignored,
/// - `oboInOwl:hasDbXref` and SKOS mappings as normalised xrefs,
/// - `rdfs:subClassOf` parents, and `owl:Restriction`s (under `subClassOf` or in an `equivalentClass`
///   intersection) as typed relations (`OBOVocabulary`),
/// - `owl:deprecated`, `obo:IAO_0100001` (replaced by) and `oboInOwl:consider`.
/// Disease Ontology definitions are also mined for relation phrases (`DiseaseOntologyDefinitionMiner`).
///
/// Elements are matched by namespace URI and local name, never by prefix, so both the ROBOT layout and
/// fastobo's default-`xmlns`-per-element layout read the same. Gzip-compressed files are read directly.
struct OWLImporter {
    func read(path: String) throws -> OntologyDocument {
        let reader = try XMLStreamReader(path: path)
        let names = OWLVocabulary(reader: reader)
        let r = OWLNodeReader(reader: reader, names: names, ids: OBOIdentifiers())
        var source = OntologySource(path: path, format: .owl, name: "")
        var ontologyIRI: String?
        var defaultNamespace: String?
        var concepts: [Concept] = []
        var abouts: [String?] = []
        var synonymTypes: [String: String] = [:]
        // The open top-level record; kept non-optional so that property reads mutate it in place.
        var record = OWLTermRecord(element: .ontology, about: nil)
        var isOpen = false
        var sawRoot = false

        func finish(_ record: OWLTermRecord) {
            if record.isClass {
                if let concept = record.makeConcept(ids: r.ids) {
                    concepts.append(concept)
                    abouts.append(record.about)
                }
            } else if record.isAxiom {
                guard let subject = record.annotatedSource, let property = record.annotatedProperty,
                      let target = record.annotatedTarget, let type = record.synonymType,
                      let scope = OWLVocabulary.synonymScope(property: Substring(OBOVocabulary.lastSegment(of: property))),
                      let kind = OBOVocabulary.synonymKind(type) else { return }
                synonymTypes[Self.joinKey(subject, scope, target)] = kind
            } else if record.element == .ontology {
                ontologyIRI = record.about
                source.version = record.versionInfo ?? record.versionIRI.map(Self.version(fromIRI:))
                source.title = record.title
                source.license = record.license
                defaultNamespace = record.defaultNamespace
            }
        }

        // After a subtree skip the reader already stands on the next node, which must be looked at before reading on.
        var advance = true
        while true {
            if advance, try !reader.read() { break }
            advance = true
            switch reader.kind {
            case .element:
                break
            case .endElement:
                if isOpen, reader.depth == 1 {
                    finish(record)
                    isOpen = false
                }
                continue
            default:
                continue
            }
            let depth = reader.depth
            if depth == 0 {
                guard reader.isNamed(names.rdfRDF) else {
                    let ns = reader.namespaceURI.map { " in namespace \($0)" } ?? ""
                    throw reader.error("root element <\(reader.localName)>\(ns) is not rdf:RDF; not an OWL RDF/XML file")
                }
                sawRoot = true
            } else if depth == 1 {
                guard try open(r, into: &record) else {
                    advance = try !r.skip()
                    continue
                }
                isOpen = !reader.isEmptyElement
                if !isOpen { finish(record) }
            } else if depth == 2, isOpen {
                advance = try !readProperty(r, into: &record)
            } else {
                advance = try !r.skip()
            }
        }
        guard sawRoot else { throw OntologyError(path: path, "no rdf:RDF root element") }

        if !synonymTypes.isEmpty {
            for i in concepts.indices {
                guard let about = abouts[i] else { continue }
                for j in concepts[i].synonyms.indices {
                    let s = concepts[i].synonyms[j]
                    if let kind = synonymTypes[Self.joinKey(about, s.scope, s.text)] { concepts[i].synonyms[j].kind = kind }
                }
            }
        }
        source.name = Self.ontologyName(iri: ontologyIRI, defaultNamespace: defaultNamespace, path: path)
        return OntologyDocument(source: source, concepts: concepts)
    }

    /// Starts a new record for a top-level element; returns false (leaving the reader on the element) when it is
    /// not one the importer reads (property declarations, individuals, …).
    private func open(_ r: OWLNodeReader, into record: inout OWLTermRecord) throws -> Bool {
        let reader = r.reader, n = r.names
        let element: OWLTermRecord.Element
        switch reader.localName {
        case "Class" where reader.isNamed(n.owlClass): element = .owlClass
        case "Axiom" where reader.isNamed(n.owlAxiom): element = .axiom
        case "Description" where reader.isNamed(n.rdfDescription): element = .description
        case "Ontology" where reader.isNamed(n.owlOntology): element = .ontology
        default:
            return false
        }
        // fastobo writes the axiom target as a property attribute; `rdf:type` may be one too.
        switch element {
        case .owlClass, .ontology:
            record = OWLTermRecord(element: element, about: reader.attribute(n.rdfAbout))
        case .axiom:
            record = OWLTermRecord(element: element, about: nil)
            record.annotatedTarget = reader.attribute(n.owlAnnotatedTarget).map(XMLText.collapseWhitespace)
        case .description:
            record = OWLTermRecord(element: element, about: reader.attribute(n.rdfAbout))
            if let type = reader.attribute(n.rdfType) { record.types.append(type) }
            record.annotatedTarget = reader.attribute(n.owlAnnotatedTarget).map(XMLText.collapseWhitespace)
            if let label = reader.attribute(n.rdfsLabel) { record.offerLabel(label, language: nil) }
        }
        return true
    }

    /// Reads one property element of a top-level record (the reader is on it) and consumes it. Returns true when
    /// it skipped the element's subtree, leaving the reader on the following node.
    private func readProperty(_ r: OWLNodeReader, into record: inout OWLTermRecord) throws -> Bool {
        let reader = r.reader, n = r.names
        guard let property = OWLVocabulary.property(named: reader.localName),
              reader.isNamed(n.name(of: property)) || (property == .title && reader.isNamed(n.dctermsTitle)) else {
            return try r.skip()
        }
        switch property {
        case .label:
            let language = reader.attribute(n.xmlLang)
            record.offerLabel(try r.literal(), language: language)
        case .exactSynonym: try synonym(r, .exact, &record)
        case .relatedSynonym: try synonym(r, .related, &record)
        case .broadSynonym: try synonym(r, .broad, &record)
        case .narrowSynonym: try synonym(r, .narrow, &record)
        case .dbXref:
            // Xrefs inside axioms qualify a definition or synonym (PMIDs, ORCIDs), not the concept.
            guard record.element == .owlClass || record.element == .description else { return try r.skip() }
            if let raw = try r.resourceOrLiteral(), let code = r.ids.xrefCode(raw) {
                record.xrefs.append(Xref(code, match: .unspecified))
            }
        case .subClassOf:
            if let iri = reader.attribute(n.rdfResource) {
                record.addParent(iri, ids: r.ids)
                try r.consume()
            } else if let expression = try OWLClassExpression.readFirstChild(r) {
                record.add(expression, asEquivalence: false, ids: r.ids)
            }
        case .id:
            record.oboID = try r.literal()
        case .definition:
            let text = try r.literal()
            if record.definition == nil, !text.isEmpty { record.definition = text }
        case .equivalentClass:
            if reader.attribute(n.rdfResource) != nil {
                try r.consume()
            } else if let expression = try OWLClassExpression.readFirstChild(r) {
                record.add(expression, asEquivalence: true, ids: r.ids)
            }
        case .deprecated:
            let value = try r.literal().lowercased()
            record.deprecated = value == "true" || value == "1"
        case .replacedBy, .consider:
            if let raw = try r.resourceOrLiteral() {
                let id = r.ids.identifier(raw)
                if !record.replacedBy.contains(id) { record.replacedBy.append(id) }
            }
        case .exactMatch: try mapping(r, .exact, &record)
        case .closeMatch: try mapping(r, .related, &record)
        case .broadMatch: try mapping(r, .broad, &record)
        case .narrowMatch: try mapping(r, .narrow, &record)
        case .relatedMatch: try mapping(r, .related, &record)
        case .type:
            if let iri = try r.resource() { record.types.append(iri) }
        case .annotatedSource:
            record.annotatedSource = try r.resource()
        case .annotatedProperty:
            record.annotatedProperty = try r.resource()
        case .annotatedTarget:
            // Only synonym axioms are used: skip copying long definition texts of definition axioms.
            if let p = record.annotatedProperty, !p.hasSuffix("Synonym") { return try r.skip() }
            record.annotatedTarget = try r.literal()
        case .synonymType:
            record.synonymType = try r.resourceOrLiteral()
        case .versionIRI:
            record.versionIRI = try r.resource()
        case .versionInfo:
            record.versionInfo = try r.literal()
        case .title:
            record.title = try r.literal()
        case .license:
            record.license = try r.resourceOrLiteral()
        case .defaultNamespace, .hasDefaultNamespace:
            record.defaultNamespace = try r.literal()
        }
        return false
    }

    private func synonym(_ r: OWLNodeReader, _ scope: SynonymScope, _ record: inout OWLTermRecord) throws {
        let text = try r.literal()
        guard !text.isEmpty, record.element != .ontology else { return }
        record.synonyms.append(Synonym(text, scope: scope))
    }

    private func mapping(_ r: OWLNodeReader, _ match: XrefMatch, _ record: inout OWLTermRecord) throws {
        if let raw = try r.resourceOrLiteral(), let code = r.ids.xrefCode(raw) {
            let x = Xref(code, match: match)
            if !record.xrefs.contains(x) { record.xrefs.append(x) }
        }
    }

    /// The key joining a synonym to the axiom that types it.
    static func joinKey(_ source: String, _ scope: SynonymScope, _ text: String) -> String {
        var key = source
        key.reserveCapacity(source.utf8.count + text.utf8.count + 12)
        key += "\u{1}"
        key += scope.rawValue
        key += "\u{1}"
        key += text
        return key
    }

    /// The release named in a version IRI (`…/releases/2026-07-30/symp.owl` → `2026-07-30`), else the IRI.
    static func version(fromIRI iri: String) -> String {
        let parts = iri.split(separator: "/")
        if let i = parts.firstIndex(of: "releases"), i + 1 < parts.count { return String(parts[i + 1]) }
        return iri
    }

    /// The ontology's short name: the last segment of its IRI without `.owl` (`symp`, `maxo-base`), else the
    /// default namespace, else the file name.
    static func ontologyName(iri: String?, defaultNamespace: String?, path: String) -> String {
        if let iri {
            var last = OBOVocabulary.lastSegment(of: iri)
            if last.hasSuffix(".owl") { last.removeLast(4) }
            if !last.isEmpty { return last }
        }
        if let defaultNamespace, !defaultNamespace.isEmpty { return defaultNamespace }
        var file = OBOVocabulary.lastSegment(of: path)
        for suffix in [".gz", ".owl", ".rdf"] where file.hasSuffix(suffix) { file.removeLast(suffix.count) }
        return file
    }
}
