import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG export as XML and collects what a viewer would show.
struct SVGInspection {
    /// Decoded contents of every `<text>` element, in document order.
    let texts: [String]
    /// Decoded `xlink:title` tooltips, in document order.
    let tooltips: [String]
    /// Decoded `<title>` elements (Graphviz object names).
    let titles: [String]

    /// Parses `bytes`; throws when they are not well-formed XML.
    init(_ bytes: [UInt8]) throws {
        let document = try XMLDocument(data: Data(bytes), options: [.nodeLoadExternalEntitiesNever])
        texts = try document.nodes(forXPath: "//*[local-name()='text']").map { $0.stringValue ?? "" }
        tooltips = try document.nodes(forXPath: "//*[local-name()='a']/@*[local-name()='title']").map { $0.stringValue ?? "" }
        titles = try document.nodes(forXPath: "//*[local-name()='title']").map { $0.stringValue ?? "" }
    }

    /// All `<text>` contents joined with newlines.
    var allText: String { texts.joined(separator: "\n") }
}
