/// Reads ClaML 2.0 classifications (EN 14463: WHO ICD-10, ICD-10-GM, CIM-10, …; `<ClaML>`, no namespace) in one
/// streaming pass.
///
/// - `Title@name` gives the CURIE prefix (see ``ClaMLTitle``), `Title@version` (else `@date`) the version and the
///   title text the source title.
/// - Each `Class[@code,@kind]` → concept `<prefix>:<code>` (`ICD10:R05`, `ICD10:A00-A09`, chapter `ICD10:XVIII`);
///   `SuperClass/@code` → parents (only classes present in the file).
/// - `Rubric[@kind]/Label`: `preferred` → label (the first one), `preferredLong` → exact synonym, `inclusion` →
///   synonyms (scope as for ICD-10-CM: "… NOS" exact, others related), `definition` → definition; other kinds
///   (`exclusion`, `note`, `coding-hint`, `introduction`, `text`, …) are skipped. Labels are mixed content
///   (`Term`, `Reference`, `Fragment`, `Para`): their whole text is taken.
/// - Type: chapters and blocks none; for the ICD-10 family, categories take the ICD-10-CM rule of
///   ``ICD10CMTypes`` (R00–R69 symptom, R70–R99 finding, A–Q/S–U disease); other classifications get no type.
///
/// `Meta`, `Identifier`, `ClassKinds`, `UsageKinds`, `RubricKinds`, `Modifier` and `ModifierClass` are skipped, so
/// modifier-generated codes (e.g. ICD-10 fifth characters) are not expanded. Elements in any namespace, and unknown
/// elements, are ignored with their subtree.
struct ClaMLImporter {
    func read(path: String) throws -> OntologyDocument {
        let reader = try XMLStreamReader(path: path)
        let n = Names(reader)
        var title = ClaMLTitle()
        var classes: [Concept] = []   // ids hold the bare codes until the prefix is known
        var kinds: [String?] = []
        var lines: [Int] = []
        var stack: [Tag] = []
        var rubricKind: String?
        while try reader.read() {
            guard reader.kind == .element else { continue }
            let depth = reader.depth
            if stack.count > depth { stack.removeSubrange(depth...) }
            let parent = depth > 0 ? stack[depth - 1] : .document
            guard let tag = classify(reader, n, under: parent) else {
                if depth == 0 { throw reader.error("root element is not <ClaML>") }
                stack.append(.ignored)  // read through (cheaper than skipping); nothing inside is taken
                continue
            }
            switch tag {
            case .classNode:
                guard let code = reader.attribute(n.code).map(XMLText.collapseWhitespace), !code.isEmpty else {
                    throw reader.error("<Class> has no code attribute")
                }
                classes.append(Concept(id: code, label: ""))
                kinds.append(reader.attribute(n.kind))
                lines.append(reader.line)
            case .rubric:
                rubricKind = reader.attribute(n.kind)
            case .superClass:
                if let code = reader.attribute(n.code).map(XMLText.collapseWhitespace), !code.isEmpty {
                    classes[classes.count - 1].parents.append(code)
                }
            case .title:
                title.name = reader.attribute(n.name)
                title.version = reader.attribute(n.version) ?? reader.attribute(n.date)
                let text = try reader.readText()
                title.text = text.isEmpty ? nil : text
            case .label:
                // Leaves the reader on the label's end tag.
                let text = try labelText(reader)
                if !text.isEmpty { apply(text, rubric: rubricKind, to: &classes[classes.count - 1]) }
                continue
            default:
                break
            }
            stack.append(tag)
        }
        let concepts = try finish(classes, kinds: kinds, lines: lines, title: title, path: path)
        let source = OntologySource(path: path, format: .claml, name: title.prefix, version: title.version,
                                    title: title.text ?? title.name)
        return OntologyDocument(source: source, concepts: concepts)
    }

    /// The whole text of the `Label` the reader is on (mixed content: `Term`, `Reference`, `Fragment`, `Para`), with
    /// whitespace collapsed and elements in other namespaces left out. Leaves the reader on the label's end tag.
    private func labelText(_ reader: XMLStreamReader) throws -> String {
        if reader.isEmptyElement { return "" }
        let depth = reader.depth
        var text = ""
        var advanced = false
        while true {
            if !advanced { guard try reader.read() else { break } }
            advanced = false
            switch reader.kind {
            case .text:
                text += reader.value
            case .element:
                if reader.namespaceURI != nil {
                    advanced = try reader.skipSubtree()
                    if !advanced { return XMLText.collapseWhitespace(text) }
                }
            case .endElement:
                if reader.depth == depth { return XMLText.collapseWhitespace(text) }
            case .other:
                text += " "  // blank text between elements (and comments) separates words
            }
        }
        return XMLText.collapseWhitespace(text)
    }

    /// Files one rubric label into the class it belongs to.
    private func apply(_ text: String, rubric: String?, to concept: inout Concept) {
        switch rubric {
        case "preferred":
            if concept.label.isEmpty { concept.label = text }
        case "preferredLong":
            concept.synonyms.append(Synonym(text, scope: .exact))
        case "inclusion":
            concept.synonyms.append(Synonym(text, scope: ICD10CMTypes.inclusionScope(text)))
        case "definition":
            if concept.definition == nil { concept.definition = text }
        default:
            break
        }
    }

    /// Prefixes the codes, keeps parents that exist, drops synonyms equal to the label, sets types.
    private func finish(_ classes: [Concept], kinds: [String?], lines: [Int], title: ClaMLTitle,
                        path: String) throws -> [Concept] {
        let prefix = title.prefix + ":"
        let typed = title.isICD10Family
        var firstLine: [String: Int] = [:]
        for (i, c) in classes.enumerated() {
            if let first = firstLine.updateValue(lines[i], forKey: c.id) {
                throw OntologyError(path: path, line: lines[i], "duplicate class '\(c.id)' (first on line \(first))")
            }
            if c.label.isEmpty {
                throw OntologyError(path: path, line: lines[i], "class '\(c.id)' has no preferred rubric label")
            }
        }
        return classes.enumerated().map { i, c in
            var concept = c
            concept.id = prefix + Self.localCode(c.id)
            concept.parents = c.parents.filter { firstLine[$0] != nil }.map { prefix + Self.localCode($0) }
            var seen: Set<String> = [c.label]
            concept.synonyms = c.synonyms.filter { seen.insert($0.text).inserted }
            if typed, kinds[i] != "chapter", kinds[i] != "block" {
                concept.type = ICD10CMTypes.type(forCode: c.id)
            }
            return concept
        }
    }

    /// A code usable as the local part of a CURIE: inner spaces become underscores.
    static func localCode(_ code: String) -> String {
        code.utf8.contains(0x20) ? String(code.map { $0 == " " ? "_" : $0 }) : code
    }

    /// The elements the importer reads; anything else is ignored with its subtree.
    private enum Tag { case document, root, title, classNode, superClass, rubric, label, ignored }

    private func classify(_ r: XMLStreamReader, _ n: Names, under parent: Tag) -> Tag? {
        switch parent {
        case .document: return r.isNamed(n.root) ? .root : nil
        case .root:
            if r.isNamed(n.classNode) { return .classNode }
            return r.isNamed(n.title) ? .title : nil
        case .classNode:
            if r.isNamed(n.rubric) { return .rubric }
            return r.isNamed(n.superClass) ? .superClass : nil
        case .rubric: return r.isNamed(n.label) ? .label : nil
        default: return nil
        }
    }

    private struct Names {
        let root, title, classNode, superClass, rubric, label: XMLName
        let code, kind, name, version, date: XMLName
        init(_ r: XMLStreamReader) {
            root = r.name(nil, "ClaML")
            title = r.name(nil, "Title")
            classNode = r.name(nil, "Class")
            superClass = r.name(nil, "SuperClass")
            rubric = r.name(nil, "Rubric")
            label = r.name(nil, "Label")
            code = r.name(nil, "code")
            kind = r.name(nil, "kind")
            name = r.name(nil, "name")
            version = r.name(nil, "version")
            date = r.name(nil, "date")
        }
    }
}
