/// Reads ddx's own ontology XML (`urn:x-ddx:ontology:1`, schema `Ontologies/ddx-ontology.rng`) in one pass.
///
/// Concept ids are emitted as `<ontology-id>:<id>`; a `ref` without a prefix points into the same file and must
/// resolve there. Unknown elements or values in ddx's namespace are errors naming the line; elements in other
/// namespaces are skipped.
struct NativeOntologyImporter {
    static let namespace = "urn:x-ddx:ontology:1"

    func read(path: String) throws -> OntologyDocument {
        let reader = try XMLStreamReader(path: path)
        let ns = Self.namespace
        let n = Names(reader: reader, ns: ns)
        var source = OntologySource(path: path, format: .ddx, name: "")
        var concepts: [Concept] = []
        var seen: [String: Int] = [:]
        var pendingRefs: [(ref: String, line: Int, owner: String)] = []
        var current: Concept?
        var sawRoot = false

        var positioned = false   // true when skipSubtree() already moved the reader onto the next node
        while true {
            if !positioned { guard try reader.read() else { break } }
            positioned = false
            guard reader.kind == .element else {
                if reader.kind == .endElement, reader.isNamed(n.concept), let c = current {
                    concepts.append(c)
                    current = nil
                }
                continue
            }
            if reader.depth == 0 {
                guard reader.isNamed(n.ontology) else {
                    throw reader.error("root element is not <ontology> in namespace \(ns)")
                }
                sawRoot = true
                guard let id = reader.attribute(n.id), Self.isValidID(id) else {
                    throw reader.error("<ontology> needs an id attribute of lower-case letters, digits and hyphens")
                }
                source.name = id
                source.version = reader.attribute(n.version)
                continue
            }
            guard reader.namespaceURI == ns else {
                if try !reader.skipSubtree() { break }
                positioned = true
                continue
            }
            if reader.isNamed(n.concept) {
                guard let local = reader.attribute(n.id), Self.isValidID(local) else {
                    throw reader.error("<concept> needs an id attribute of lower-case letters, digits and hyphens")
                }
                guard let typeName = reader.attribute(n.type) else {
                    throw reader.error("concept '\(local)' has no type attribute")
                }
                guard let type = ConceptType(rawValue: typeName) else {
                    throw reader.error("concept '\(local)': unknown type '\(typeName)' (expected one of \(ConceptType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                let id = source.name + ":" + local
                if let first = seen[id] {
                    throw reader.error("duplicate concept id '\(local)' (first defined on line \(first))")
                }
                seen[id] = reader.line
                current = Concept(id: id, label: "", type: type)
                if reader.isEmptyElement { throw reader.error("concept '\(local)' has no label") }
                continue
            }
            if current == nil {
                switch reader.localName {
                case "meta": continue
                case "title": source.title = try reader.readText()
                case "license": source.license = try reader.readText()
                case "description", "source": continue
                default: throw reader.error("unexpected element <\(reader.localName)>")
                }
                continue
            }
            let owner = current!.id
            switch reader.localName {
            case "label":
                let text = try reader.readText()
                if text.isEmpty { throw reader.error("concept '\(owner)' has an empty label") }
                if !current!.label.isEmpty { throw reader.error("concept '\(owner)' has more than one label") }
                current!.label = text
            case "synonym":
                let text = try reader.readText()
                if text.isEmpty { throw reader.error("concept '\(owner)' has an empty synonym") }
                var scope = SynonymScope.exact
                if let raw = reader.attribute(n.scope) {
                    guard let s = SynonymScope(rawValue: raw) else {
                        throw reader.error("synonym scope '\(raw)' is not exact, related, broad or narrow")
                    }
                    scope = s
                }
                current!.synonyms.append(Synonym(text, scope: scope, kind: reader.attribute(n.kind)))
            case "definition":
                current!.definition = try reader.readText()
            case "xref":
                guard let raw = reader.attribute(n.code), let code = CURIE.normalize(raw) else {
                    throw reader.error("concept '\(owner)': xref needs a code attribute holding a CURIE such as HP:0012735")
                }
                var match = XrefMatch.exact
                if let m = reader.attribute(n.match) {
                    guard let parsed = XrefMatch(rawValue: m), parsed != .unspecified else {
                        throw reader.error("xref match '\(m)' is not exact, broad, narrow or related")
                    }
                    match = parsed
                }
                current!.xrefs.append(Xref(code, match: match))
            case "is_a":
                guard let ref = reader.attribute(n.ref), !ref.isEmpty else {
                    throw reader.error("concept '\(owner)': is_a needs a ref attribute")
                }
                let target = qualify(ref, in: source.name)
                current!.parents.append(target)
                pendingRefs.append((target, reader.line, owner))
            case "relation":
                guard let typeName = reader.attribute(n.type) else {
                    throw reader.error("concept '\(owner)': relation has no type attribute")
                }
                let kind = RelationKind(rawValue: typeName)
                guard RelationKind.nativeKinds.contains(kind) else {
                    throw reader.error("concept '\(owner)': unknown relation type '\(typeName)' (expected one of \(RelationKind.nativeKinds.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let ref = reader.attribute(n.ref), !ref.isEmpty else {
                    throw reader.error("concept '\(owner)': relation needs a ref attribute")
                }
                let target = qualify(ref, in: source.name)
                current!.relations.append(ConceptRelation(kind, target: target,
                                                          frequency: reader.attribute(n.frequency),
                                                          evidence: reader.attribute(n.evidence) ?? "curated",
                                                          source: reader.attribute(n.source)))
                pendingRefs.append((target, reader.line, owner))
            default:
                throw reader.error("unexpected element <\(reader.localName)> in concept '\(owner)'")
            }
        }
        guard sawRoot else { throw OntologyError(path: path, "no <ontology> root element") }
        for concept in concepts where concept.label.isEmpty {
            throw OntologyError(path: path, line: seen[concept.id], "concept '\(concept.id)' has no label")
        }
        let local = source.name + ":"
        for pending in pendingRefs where pending.ref.hasPrefix(local) && seen[pending.ref] == nil {
            throw OntologyError(path: path, line: pending.line,
                                "concept '\(pending.owner)' refers to '\(pending.ref)', which this file does not define")
        }
        return OntologyDocument(source: source, concepts: concepts)
    }

    private func qualify(_ ref: String, in ontology: String) -> String {
        ref.contains(":") ? ref : ontology + ":" + ref
    }

    static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.first != UInt8(ascii: "-"), id.utf8.last != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    private struct Names {
        let ontology, concept: XMLName
        let id, version, type, scope, kind, code, match, ref, frequency, evidence, source: XMLName
        init(reader: XMLStreamReader, ns: String) {
            ontology = reader.name(ns, "ontology")
            concept = reader.name(ns, "concept")
            id = reader.name(nil, "id")
            version = reader.name(nil, "version")
            type = reader.name(nil, "type")
            scope = reader.name(nil, "scope")
            kind = reader.name(nil, "kind")
            code = reader.name(nil, "code")
            match = reader.name(nil, "match")
            ref = reader.name(nil, "ref")
            frequency = reader.name(nil, "frequency")
            evidence = reader.name(nil, "evidence")
            source = reader.name(nil, "source")
        }
    }
}
