import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG export parsed as XML, with what a viewer would show. Parsing fails on malformed XML.
public struct SVGInspection {
    /// Decoded contents of every `<text>` element, in document order.
    public let texts: [String]
    /// Decoded `xlink:title` tooltips, in document order.
    public let tooltips: [String]
    /// Decoded `<title>` elements (Graphviz object names).
    public let titles: [String]
    /// Decoded `<title>` of every Graphviz node group (`<g class="node …">`; ddx adds its own classes after `node`).
    public let nodeTitles: [String]
    /// Names of every event-handler attribute (`onload`, `onclick`, …) on any element.
    public let eventAttributes: [String]
    /// Values of every `href` / `xlink:href` attribute.
    public let linkTargets: [String]

    /// Parses `bytes`; throws when they are not well-formed XML. External entities are never loaded.
    public init(_ bytes: [UInt8]) throws {
        let document = try XMLDocument(data: Data(bytes), options: [.nodeLoadExternalEntitiesNever])
        texts = try document.nodes(forXPath: "//*[local-name()='text']").map { $0.stringValue ?? "" }
        tooltips = try document.nodes(forXPath: "//*[local-name()='a']/@*[local-name()='title']").map { $0.stringValue ?? "" }
        titles = try document.nodes(forXPath: "//*[local-name()='title']").map { $0.stringValue ?? "" }
        nodeTitles = try document.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', normalize-space(@class), ' '), ' node ')]/*[local-name()='title']")
            .map { $0.stringValue ?? "" }
        eventAttributes = try document.nodes(forXPath: "//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]")
            .map { $0.name ?? "?" }
        linkTargets = try document.nodes(forXPath: "//@*[local-name()='href']").map { $0.stringValue ?? "" }
    }

    /// All `<text>` contents joined with newlines.
    public var allText: String { texts.joined(separator: "\n") }
}
