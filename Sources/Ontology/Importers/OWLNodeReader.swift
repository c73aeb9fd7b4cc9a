/// Small reading steps over an `XMLStreamReader` positioned on an element, shared by the OWL importer's parts.
///
/// Every step except `skip()` leaves the reader on the element's last node (its end tag, or the element itself when
/// empty), so the caller's next `read()` moves to the following sibling.
struct OWLNodeReader {
    let reader: XMLStreamReader
    let names: OWLVocabulary
    /// CURIE normalisation with a per-file cache.
    let ids: OBOIdentifiers

    /// The element's text content (all text nodes of its subtree joined), whitespace collapsed.
    func literal() throws -> String {
        if reader.isEmptyElement { return "" }
        let depth = reader.depth
        var text = ""
        var pieces = 0
        while try reader.read() {
            switch reader.kind {
            case .text:
                if pieces == 0 { text = reader.value } else { text += reader.value }
                pieces += 1
            case .endElement where reader.depth == depth:
                return OBOLineScanner.foldingWhitespace(text)
            default:
                continue
            }
        }
        throw reader.error("unexpected end of document inside an element")
    }

    /// The element's `rdf:resource` IRI, or its text when it carries a literal instead; nil when it has neither.
    /// Consumes the element.
    func resourceOrLiteral() throws -> String? {
        if let iri = reader.attribute(names.rdfResource) {
            try consume()
            return iri
        }
        let text = try literal()
        return text.isEmpty ? nil : text
    }

    /// The element's `rdf:resource` IRI (nil when absent). Consumes the element.
    func resource() throws -> String? {
        let iri = reader.attribute(names.rdfResource)
        try consume()
        return iri
    }

    /// Moves to the end of the current element without looking at its content.
    func consume() throws {
        if reader.isEmptyElement { return }
        let depth = reader.depth
        while try reader.read() {
            if reader.kind == .endElement, reader.depth == depth { return }
        }
        throw reader.error("unexpected end of document inside an element")
    }

    /// Skips the current element's subtree in one libxml2 call. Returns true when the reader now stands on the
    /// node after the element (the caller must look at it before reading on); false when nothing moved (an empty
    /// element) or the document ended (the next `read()` then returns false).
    func skip() throws -> Bool {
        if reader.isEmptyElement { return false }
        return try reader.skipSubtree()
    }

    /// Calls `body` for each child element of the current element; `body` must consume the child.
    /// Returns with the reader on the current element's end tag.
    func forEachChild(_ body: () throws -> Void) throws {
        if reader.isEmptyElement { return }
        let depth = reader.depth
        while try reader.read() {
            switch reader.kind {
            case .element:
                let childDepth = reader.depth
                try body()
                // Guard against a body that did not consume its element.
                if reader.kind == .element, reader.depth == childDepth, !reader.isEmptyElement { try consume() }
            case .endElement where reader.depth == depth:
                return
            default:
                continue
            }
        }
        throw reader.error("unexpected end of document inside an element")
    }
}
