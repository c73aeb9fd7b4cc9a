import Foundation
internal import CLibXML2

/// Validates XML files against a RELAX NG schema with libxml2 (no network, no entity expansion).
///
/// ```swift
/// let problems = try SchemaValidator(schema: "Ontologies/ddx-ontology.rng").validate(file: "Ontologies/ddx-core.xml")
/// ```
public final class SchemaValidator: @unchecked Sendable {
    private let schema: OpaquePointer
    /// The schema file.
    public let schemaPath: String
    private let lock = NSLock()

    /// Loads and compiles the schema; throws a one-line error naming the schema file when it is not valid RELAX NG.
    public init(schema path: String) throws {
        XMLLibrary.initialize()
        schemaPath = path
        guard let parser = xmlRelaxNGNewParserCtxt(path) else {
            throw OntologyError(path: path, "cannot read the RELAX NG schema")
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let sink = ValidationErrorSink()
        xmlRelaxNGSetParserStructuredErrors(parser, validationErrorHandler, Unmanaged.passUnretained(sink).toOpaque())
        guard let compiled = xmlRelaxNGParse(parser) else {
            throw sink.errors.first ?? OntologyError(path: path, "not a valid RELAX NG schema")
        }
        schema = compiled
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// The schema violations in `file` (empty when it is valid). Malformed XML gives one error.
    public func validate(file: String) throws -> [OntologyError] {
        lock.lock()
        defer { lock.unlock() }
        // Entity declarations are refused before the tree is built (same rule as the streaming importers).
        let reader = try XMLStreamReader(path: file)
        while try reader.read() {}
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
        let sink = ValidationErrorSink()
        guard let doc = xmlReadFile(file, nil, options) else {
            throw OntologyError(path: file, "not well-formed XML")
        }
        defer { xmlFreeDoc(doc) }
        guard let context = xmlRelaxNGNewValidCtxt(schema) else {
            throw OntologyError(path: file, "out of memory creating the validation context")
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, validationErrorHandler, Unmanaged.passUnretained(sink).toOpaque())
        let status = xmlRelaxNGValidateDoc(context, doc)
        if status == 0 { return [] }
        if sink.errors.isEmpty { return [OntologyError(path: file, "does not match the schema \(schemaPath)")] }
        return sink.errors.map { OntologyError(path: file, line: $0.line, $0.message) }
    }
}

final class ValidationErrorSink {
    var errors: [OntologyError] = []
}

private func validationErrorHandler(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let sink = Unmanaged<ValidationErrorSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.errors.count < 100 else { return }
    var text = error.pointee.message.map { String(cString: $0) } ?? "schema violation"
    while let last = text.last, last == "\n" || last == " " { text.removeLast() }
    let file = error.pointee.file.map { String(cString: $0) } ?? ""
    sink.errors.append(OntologyError(path: file, line: error.pointee.line > 0 ? Int(error.pointee.line) : nil, text))
}
