internal import CLibXML2

/// A secure, streaming XML reader over libxml2's `xmlTextReader`: one forward pass, no network, no DTD loading
/// and no entity expansion. Gzip-compressed files are read directly.
///
/// Any DOCTYPE that declares entities (the shape of XXE and "billion laughs" attacks) and any entity reference
/// stops the read with an `OntologyError` naming the file and line.
final class XMLStreamReader {
    /// The kinds of node the importers care about.
    enum NodeKind { case element, endElement, text, other }

    let path: String
    private let reader: OpaquePointer
    private let errors: ErrorSink
    /// Whether the current node is an empty element (`<a/>`), valid on `.element` nodes.
    private(set) var isEmptyElement = false
    private(set) var kind: NodeKind = .other
    /// Whether the file's DOCTYPE declares only flat internal entities, which are substituted.
    private let allowsEntities: Bool

    /// Opens `path` for reading. Throws when the file cannot be opened.
    init(path: String) throws {
        self.path = path
        XMLLibrary.initialize()
        // No DTDLOAD/DTDATTR/DTDVALID: a DOCTYPE never triggers a fetch. Entities are substituted (NOENT) only
        // when the pre-check found nothing but short, flat internal ones (Protégé's namespace shorthands).
        allowsEntities = try DTDEntityPolicy.check(path: path) == .flatInternal
        var flags = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOWARNING.rawValue
        if allowsEntities { flags |= XML_PARSE_NOENT.rawValue }
        let options = Int32(flags)
        guard let r = xmlReaderForFile(path, nil, options) else {
            throw OntologyError(path: path, "cannot open the file for reading")
        }
        reader = r
        errors = ErrorSink()
        xmlTextReaderSetStructuredErrorHandler(r, xmlStreamReaderErrorHandler,
                                               Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// The 1-based line of the current node (the parser's position when there is no node).
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let n = Int(xmlGetLineNo(node))
            if n > 0 { return n }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The depth of the current node (the root element is at depth 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Advances to the next node; returns false at the end of the document. Throws on malformed or unsafe XML.
    func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status < 0 || errors.message != nil { throw currentError() }
        if status == 0 { return false }
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            kind = .element
            isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            kind = .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            kind = .text
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            kind = .other
            try rejectEntityDeclarations()
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
            throw OntologyError(path: path, line: line,
                                "entity reference refused (ddx never expands XML entities)")
        default:
            kind = .other
        }
        return true
    }

    /// Moves past the current element's subtree (to its next sibling). Returns false at the end of the document.
    func skipSubtree() throws -> Bool {
        let status = xmlTextReaderNext(reader)
        if status < 0 || errors.message != nil { throw currentError() }
        if status == 0 { return false }
        // Re-evaluate the node we landed on.
        let type = xmlTextReaderNodeType(reader)
        if type == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
            kind = .element
            isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
        } else if type == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) {
            kind = .endElement
        } else if type == Int32(XML_READER_TYPE_TEXT.rawValue) || type == Int32(XML_READER_TYPE_CDATA.rawValue) {
            kind = .text
        } else {
            kind = .other
        }
        return true
    }

    /// Interns a qualified name once so that element tests are a pointer and a string comparison.
    func name(_ namespace: String?, _ local: String) -> XMLName {
        let ns = namespace.map { xmlTextReaderConstString(reader, $0) }
        return XMLName(namespace: ns.flatMap { $0 }, local: xmlTextReaderConstString(reader, local)!)
    }

    /// Whether the current node has the given namespace URI and local name.
    func isNamed(_ name: XMLName) -> Bool {
        // The node's own fields: `xmlTextReaderConstNamespaceUri` would hash the URI into the dictionary per call.
        guard let node = xmlTextReaderCurrentNode(reader), let local = node.pointee.name else { return false }
        guard local == name.local || xmlStrEqual(local, name.local) != 0 else { return false }
        let ns = node.pointee.ns?.pointee.href
        if let want = name.namespace {
            guard let ns, ns == want || xmlStrEqual(ns, want) != 0 else { return false }
        } else if ns != nil {
            return false
        }
        return true
    }

    /// An attribute of the current element by namespace and local name, read from the node's attribute list
    /// without copying when its value is a single text node.
    private func directAttribute(_ name: XMLName) -> String?? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return .none }
        var attr = node.pointee.properties
        while let a = attr {
            defer { attr = a.pointee.next }
            guard let n = a.pointee.name, n == name.local || xmlStrEqual(n, name.local) != 0 else { continue }
            let ns = a.pointee.ns?.pointee.href
            if let want = name.namespace {
                guard let ns, ns == want || xmlStrEqual(ns, want) != 0 else { continue }
            } else if ns != nil {
                continue
            }
            guard let text = a.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
                  let content = text.pointee.content else { return .none }
            return .some(String(cString: content))
        }
        return .some(nil)
    }

    /// The current node's namespace URI, if any.
    var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The current node's local name.
    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The value of the current text node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// An attribute of the current element by namespace and local name (no namespace for plain attributes).
    func attribute(_ name: XMLName) -> String? {
        if kind == .element, let direct = directAttribute(name) { return direct }
        let raw: UnsafeMutablePointer<xmlChar>?
        if let ns = name.namespace {
            raw = xmlTextReaderGetAttributeNs(reader, name.local, ns)
        } else {
            raw = xmlTextReaderGetAttribute(reader, name.local)
        }
        guard let raw else { return nil }
        defer { clibxml2_free(raw) }
        return String(cString: raw)
    }

    /// The concatenated text of the current element's subtree (mixed content included), trimmed.
    /// The reader stays on the element; the subtree's nodes are still visited afterwards.
    func readText() throws -> String {
        guard let raw = xmlTextReaderReadString(reader) else {
            if errors.message != nil { throw currentError() }
            return ""
        }
        defer { clibxml2_free(raw) }
        return XMLText.collapseWhitespace(String(cString: raw))
    }

    /// An error at the current line.
    func error(_ message: String) -> OntologyError {
        OntologyError(path: path, line: line, message)
    }

    private func currentError() -> OntologyError {
        if CompressedFile.isMisreadGzip(path) { return CompressedFile.concatenatedGzipError(path) }
        if let message = errors.message {
            return OntologyError(path: path, line: errors.line ?? line, message)
        }
        return OntologyError(path: path, line: line, "not well-formed XML")
    }

    private func rejectEntityDeclarations() throws {
        if allowsEntities { return }
        // The document through the current (DOCTYPE) node: xmlTextReaderCurrentDoc would hand the document's
        // ownership to the caller, and the reader would then never free it (a leak per file, found by fuzzing).
        guard let doc = xmlTextReaderCurrentNode(reader)?.pointee.doc else { return }
        for dtd in [doc.pointee.intSubset, doc.pointee.extSubset] {
            guard let dtd else { continue }
            if dtd.pointee.entities != nil || dtd.pointee.pentities != nil {
                throw OntologyError(path: path, line: line,
                                    "DOCTYPE declares entities; refused (ddx never expands XML entities: XXE and entity-expansion protection)")
            }
        }
    }
}

/// An interned namespace URI and local name.
struct XMLName {
    let namespace: UnsafePointer<xmlChar>?
    let local: UnsafePointer<xmlChar>
}

/// Collects the first error libxml2 reports while reading.
final class ErrorSink {
    var message: String?
    var line: Int?
}

private func xmlStreamReaderErrorHandler(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var text = error.pointee.message.map { String(cString: $0) } ?? "XML error"
    while let last = text.last, last == "\n" || last == " " { text.removeLast() }
    sink.message = text
    sink.line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
}
