#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The RDF/XML names the OWL importer recognises, interned once per file so that each test is a pointer
/// comparison. Elements are always matched by namespace URI and local name, never by prefix.
struct OWLVocabulary {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let oboInOwl = "http://www.geneontology.org/formats/oboInOwl#"
    static let obo = "http://purl.obolibrary.org/obo/"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// The IRI of `owl:Class` and `owl:Axiom`, as `rdf:type` values on `rdf:Description`.
    static let owlClassIRI = owl + "Class"
    static let owlAxiomIRI = owl + "Axiom"

    // RDF
    let rdfRDF, rdfDescription, rdfType, rdfAbout, rdfResource: XMLName
    // OWL
    let owlClass, owlAxiom, owlOntology, owlRestriction, owlOnProperty, owlSomeValuesFrom, owlIntersectionOf,
        owlEquivalentClass, owlDeprecated, owlAnnotatedSource, owlAnnotatedProperty, owlAnnotatedTarget,
        owlVersionIRI, owlVersionInfo: XMLName
    // RDFS
    let rdfsLabel, rdfsSubClassOf: XMLName
    // OBO and oboInOwl
    let oboDefinition, oboReplacedBy: XMLName
    let oioID, oioExactSynonym, oioRelatedSynonym, oioBroadSynonym, oioNarrowSynonym, oioDbXref, oioConsider,
        oioSynonymType, oioDefaultNamespace, oioHasDefaultNamespace: XMLName
    // SKOS mappings
    let skosExactMatch, skosCloseMatch, skosBroadMatch, skosNarrowMatch, skosRelatedMatch: XMLName
    // Ontology metadata
    let dcTitle, dctermsTitle, dctermsLicense, xmlLang: XMLName

    init(reader: XMLStreamReader) {
        func n(_ ns: String, _ local: String) -> XMLName { reader.name(ns, local) }
        let rdf = Self.rdf, owl = Self.owl, oio = Self.oboInOwl, skos = Self.skos
        rdfRDF = n(rdf, "RDF")
        rdfDescription = n(rdf, "Description")
        rdfType = n(rdf, "type")
        rdfAbout = n(rdf, "about")
        rdfResource = n(rdf, "resource")
        owlClass = n(owl, "Class")
        owlAxiom = n(owl, "Axiom")
        owlOntology = n(owl, "Ontology")
        owlRestriction = n(owl, "Restriction")
        owlOnProperty = n(owl, "onProperty")
        owlSomeValuesFrom = n(owl, "someValuesFrom")
        owlIntersectionOf = n(owl, "intersectionOf")
        owlEquivalentClass = n(owl, "equivalentClass")
        owlDeprecated = n(owl, "deprecated")
        owlAnnotatedSource = n(owl, "annotatedSource")
        owlAnnotatedProperty = n(owl, "annotatedProperty")
        owlAnnotatedTarget = n(owl, "annotatedTarget")
        owlVersionIRI = n(owl, "versionIRI")
        owlVersionInfo = n(owl, "versionInfo")
        rdfsLabel = n(Self.rdfs, "label")
        rdfsSubClassOf = n(Self.rdfs, "subClassOf")
        oboDefinition = n(Self.obo, "IAO_0000115")
        oboReplacedBy = n(Self.obo, "IAO_0100001")
        oioID = n(oio, "id")
        oioExactSynonym = n(oio, "hasExactSynonym")
        oioRelatedSynonym = n(oio, "hasRelatedSynonym")
        oioBroadSynonym = n(oio, "hasBroadSynonym")
        oioNarrowSynonym = n(oio, "hasNarrowSynonym")
        oioDbXref = n(oio, "hasDbXref")
        oioConsider = n(oio, "consider")
        oioSynonymType = n(oio, "hasSynonymType")
        oioDefaultNamespace = n(oio, "default-namespace")
        oioHasDefaultNamespace = n(oio, "hasDefaultNamespace")
        skosExactMatch = n(skos, "exactMatch")
        skosCloseMatch = n(skos, "closeMatch")
        skosBroadMatch = n(skos, "broadMatch")
        skosNarrowMatch = n(skos, "narrowMatch")
        skosRelatedMatch = n(skos, "relatedMatch")
        dcTitle = n(Self.dc, "title")
        dctermsTitle = n(Self.dcterms, "title")
        dctermsLicense = n(Self.dcterms, "license")
        xmlLang = n(Self.xml, "lang")
    }

    /// The property elements a top-level record reads (found by local name, then checked by namespace).
    enum Property {
        case label, exactSynonym, relatedSynonym, broadSynonym, narrowSynonym, dbXref, subClassOf, id, definition,
             equivalentClass, deprecated, replacedBy, consider, exactMatch, closeMatch, broadMatch, narrowMatch,
             relatedMatch, type, annotatedSource, annotatedProperty, annotatedTarget, synonymType, versionIRI,
             versionInfo, title, license, defaultNamespace, hasDefaultNamespace
    }

    /// Local names of the property elements, grouped by byte length for `property(named:)`.
    private static let propertiesByLength: [[(name: [UInt8], property: Property)]] = {
        let all: [(String, Property)] = [
            ("label", .label), ("hasExactSynonym", .exactSynonym), ("hasRelatedSynonym", .relatedSynonym),
            ("hasBroadSynonym", .broadSynonym), ("hasNarrowSynonym", .narrowSynonym), ("hasDbXref", .dbXref),
            ("subClassOf", .subClassOf), ("id", .id), ("IAO_0000115", .definition),
            ("equivalentClass", .equivalentClass), ("deprecated", .deprecated), ("IAO_0100001", .replacedBy),
            ("consider", .consider), ("exactMatch", .exactMatch), ("closeMatch", .closeMatch),
            ("broadMatch", .broadMatch), ("narrowMatch", .narrowMatch), ("relatedMatch", .relatedMatch),
            ("type", .type), ("annotatedSource", .annotatedSource), ("annotatedProperty", .annotatedProperty),
            ("annotatedTarget", .annotatedTarget), ("hasSynonymType", .synonymType), ("versionIRI", .versionIRI),
            ("versionInfo", .versionInfo), ("title", .title), ("license", .license),
            ("default-namespace", .defaultNamespace), ("hasDefaultNamespace", .hasDefaultNamespace),
        ]
        var table = Array(repeating: [(name: [UInt8], property: Property)](), count: 20)
        for (name, property) in all { table[name.utf8.count].append((Array(name.utf8), property)) }
        return table
    }()

    /// The property a local name stands for (the namespace is checked by the caller). A length-bucketed byte
    /// comparison: it runs on every element of the file and is cheaper than hashing the name.
    static func property(named local: String) -> Property? {
        var local = local
        return local.withUTF8 { u -> Property? in
            guard u.count < propertiesByLength.count else { return nil }
            for candidate in propertiesByLength[u.count]
            where candidate.name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, u.baseAddress!, u.count) == 0 }) {
                return candidate.property
            }
            return nil
        }
    }

    /// The qualified name a property element must have (`title` also accepts `dcterms:title`).
    func name(of property: Property) -> XMLName {
        switch property {
        case .label: return rdfsLabel
        case .exactSynonym: return oioExactSynonym
        case .relatedSynonym: return oioRelatedSynonym
        case .broadSynonym: return oioBroadSynonym
        case .narrowSynonym: return oioNarrowSynonym
        case .dbXref: return oioDbXref
        case .subClassOf: return rdfsSubClassOf
        case .id: return oioID
        case .definition: return oboDefinition
        case .equivalentClass: return owlEquivalentClass
        case .deprecated: return owlDeprecated
        case .replacedBy: return oboReplacedBy
        case .consider: return oioConsider
        case .exactMatch: return skosExactMatch
        case .closeMatch: return skosCloseMatch
        case .broadMatch: return skosBroadMatch
        case .narrowMatch: return skosNarrowMatch
        case .relatedMatch: return skosRelatedMatch
        case .type: return rdfType
        case .annotatedSource: return owlAnnotatedSource
        case .annotatedProperty: return owlAnnotatedProperty
        case .annotatedTarget: return owlAnnotatedTarget
        case .synonymType: return oioSynonymType
        case .versionIRI: return owlVersionIRI
        case .versionInfo: return owlVersionInfo
        case .title: return dcTitle
        case .license: return dctermsLicense
        case .defaultNamespace: return oioDefaultNamespace
        case .hasDefaultNamespace: return oioHasDefaultNamespace
        }
    }

    /// The synonym scope named by an oboInOwl synonym property's local name (`hasExactSynonym` → exact).
    static func synonymScope(property local: Substring) -> SynonymScope? {
        switch local {
        case "hasExactSynonym": return .exact
        case "hasRelatedSynonym": return .related
        case "hasBroadSynonym": return .broad
        case "hasNarrowSynonym": return .narrow
        default: return nil
        }
    }
}
