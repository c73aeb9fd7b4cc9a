/// Reads the CMS/NCHS ICD-10-CM tabular list (`<ICD10CM.tabular>`, no namespace) in one streaming pass.
///
/// Concepts, in file order:
/// - each `chapter` → `ICD10CM:chapter-<name>` (e.g. `ICD10CM:chapter-18`), label from `desc`, no type;
/// - each `section` → `ICD10CM:<id>` (e.g. `ICD10CM:R00-R09`), parent its chapter, no type. A section whose id
///   is a single code (`R99`, `B20`) would clash with the category of the same code, so it becomes `R99-R99`;
/// - each `diag` → `ICD10CM:<name>` (e.g. `ICD10CM:R05.3`), label from `desc`, parent the enclosing `diag`
///   (or the section for a category), type from ``ICD10CMTypes``, synonyms from `inclusionTerm/note`.
///
/// Notes, excludes, code-first/code-also instructions and 7th-character extensions (`sevenChrDef`) are not
/// read: extensions are not expanded into codes. Elements in any namespace, and unknown elements, are ignored with
/// their subtree; `name`, `desc` and `note` hold plain text (markup inside them is ignored). The version is the
/// file's `<version>` (e.g. `2026`), else the file name.
struct ICD10CMImporter {
    /// The CURIE prefix of the concepts.
    static let prefix = "ICD10CM"

    func read(path: String) throws -> OntologyDocument {
        let reader = try XMLStreamReader(path: path)
        let n = Names(reader)
        var concepts: [Concept] = []
        var parentIndex: [Int] = []
        var lineOf: [Int] = []
        // stack[d] is the element open at depth d and the concept it defines (-1 for none).
        var stack: [(tag: Tag, concept: Int)] = []
        var version: String?
        var title: String?
        var advanced = false

        scan: while true {
            if !advanced { guard try reader.read() else { break scan } }
            advanced = false
            guard reader.kind == .element else { continue }
            let depth = reader.depth
            if stack.count > depth { stack.removeSubrange(depth...) }
            let parent = depth > 0 ? stack[depth - 1] : (tag: Tag.document, concept: -1)
            guard let tag = classify(reader, n, under: parent.tag) else {
                if depth == 0 {
                    throw reader.error("root element is not <ICD10CM.tabular>")
                }
                stack.append((.ignored, -1))  // read through (cheaper than skipping); nothing inside is taken
                continue
            }
            var owner = parent.concept
            switch tag {
            case .chapter, .section, .diag:
                owner = concepts.count
                var id = ""
                if tag == .section {
                    guard let raw = reader.attribute(n.id), !raw.isEmpty else {
                        throw reader.error("<section> has no id attribute")
                    }
                    id = Self.prefix + ":" + (raw.utf8.contains(UInt8(ascii: "-")) ? raw : raw + "-" + raw)
                }
                concepts.append(Concept(id: id, label: ""))
                parentIndex.append(parent.concept)
                lineOf.append(reader.line)
            case .version, .title, .name, .desc, .note:
                // A leaf holds one text node: take it directly (cheaper than readText + skipSubtree). Markup
                // inside a leaf is ignored by the loop, since no element is known under a leaf.
                stack.append((tag, owner))
                var text = ""
                if !reader.isEmptyElement {
                    guard try reader.read() else { break scan }
                    if reader.kind == .text {
                        text = Self.collapsed(reader.value)
                    } else {
                        advanced = reader.kind == .element
                    }
                }
                switch tag {
                case .version: if !text.isEmpty { version = text }
                case .title: if title == nil, !text.isEmpty { title = text }
                case .name:
                    guard !text.isEmpty, !text.utf8.contains(0x20) else {
                        throw reader.error("<name> must hold a code without spaces, found '\(text)'")
                    }
                    if parent.tag == .chapter {
                        concepts[owner].id = Self.prefix + ":chapter-" + text
                    } else {
                        concepts[owner].id = Self.prefix + ":" + text
                        concepts[owner].type = ICD10CMTypes.type(forCode: text)
                    }
                case .desc: if concepts[owner].label.isEmpty { concepts[owner].label = text }
                default:  // an inclusion term
                    if !text.isEmpty {
                        concepts[owner].synonyms.append(Synonym(text, scope: ICD10CMTypes.inclusionScope(text)))
                    }
                }
                continue
            default:
                break
            }
            stack.append((tag, owner))
        }
        try resolve(&concepts, parentIndex: parentIndex, lineOf: lineOf, path: path)
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let source = OntologySource(path: path, format: .icd10cm, name: Self.prefix,
                                    version: version ?? fileName, title: title ?? "ICD-10-CM tabular list")
        return OntologyDocument(source: source, concepts: concepts)
    }

    /// `text` with whitespace collapsed as ``XMLText/collapseWhitespace(_:)`` does; the common case, text that needs
    /// nothing, is recognised over the contiguous UTF-8 bytes without building a new string.
    private static func collapsed(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            if first == 0x20 || last == 0x20 { return false }
            var previousSpace = false
            for b in bytes {
                if b == 0x0A || b == 0x09 || b == 0x0D || (b == 0x20 && previousSpace) { return false }
                previousSpace = b == 0x20
            }
            return true
        }
        return clean ? text : XMLText.collapseWhitespace(text)
    }

    /// Checks ids and labels and sets parents, once every concept's id is known.
    private func resolve(_ concepts: inout [Concept], parentIndex: [Int], lineOf: [Int], path: String) throws {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(concepts.count)
        for i in concepts.indices {
            let id = concepts[i].id
            guard !id.isEmpty else {
                throw OntologyError(path: path, line: lineOf[i], "chapter or <diag> without a <name>")
            }
            guard !concepts[i].label.isEmpty else {
                throw OntologyError(path: path, line: lineOf[i], "'\(id)' has no <desc>")
            }
            if let first = seen.updateValue(i, forKey: id) {
                throw OntologyError(path: path, line: lineOf[i],
                                    "duplicate code '\(id)' (first defined on line \(lineOf[first]))")
            }
            if parentIndex[i] >= 0 { concepts[i].parents = [concepts[parentIndex[i]].id] }
        }
    }

    /// The elements the importer reads; anything else is ignored with its subtree.
    private enum Tag { case document, root, version, introduction, introSection, title, chapter, section, diag,
                            name, desc, inclusionTerm, note, ignored }

    /// Which known element the current node is, given its parent; nil when it is to be ignored.
    private func classify(_ r: XMLStreamReader, _ n: Names, under parent: Tag) -> Tag? {
        switch parent {
        case .document: return r.isNamed(n.root) ? .root : nil
        case .root:
            if r.isNamed(n.chapter) { return .chapter }
            if r.isNamed(n.version) { return .version }
            if r.isNamed(n.introduction) { return .introduction }
            return nil
        case .introduction:
            return r.isNamed(n.introSection) && r.attribute(n.type) == "title" ? .introSection : nil
        case .introSection: return r.isNamed(n.title) ? .title : nil
        case .chapter:
            if r.isNamed(n.section) { return .section }
            if r.isNamed(n.name) { return .name }
            if r.isNamed(n.desc) { return .desc }
            return nil
        case .section:
            if r.isNamed(n.diag) { return .diag }
            if r.isNamed(n.desc) { return .desc }
            return nil
        case .diag:
            if r.isNamed(n.diag) { return .diag }
            if r.isNamed(n.name) { return .name }
            if r.isNamed(n.desc) { return .desc }
            if r.isNamed(n.inclusionTerm) { return .inclusionTerm }
            return nil
        case .inclusionTerm: return r.isNamed(n.note) ? .note : nil
        default: return nil
        }
    }

    private struct Names {
        let root, version, introduction, introSection, title, chapter, section, diag, name, desc: XMLName
        let inclusionTerm, note, id, type: XMLName
        init(_ r: XMLStreamReader) {
            root = r.name(nil, "ICD10CM.tabular")
            version = r.name(nil, "version")
            introduction = r.name(nil, "introduction")
            introSection = r.name(nil, "introSection")
            title = r.name(nil, "title")
            chapter = r.name(nil, "chapter")
            section = r.name(nil, "section")
            diag = r.name(nil, "diag")
            name = r.name(nil, "name")
            desc = r.name(nil, "desc")
            inclusionTerm = r.name(nil, "inclusionTerm")
            note = r.name(nil, "note")
            id = r.name(nil, "id")
            type = r.name(nil, "type")
        }
    }
}
