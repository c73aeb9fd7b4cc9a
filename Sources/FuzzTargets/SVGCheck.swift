import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks SVG from model text: well-formed XML, no `script` or `foreignObject` element, no `on…` event attribute,
/// and no `href` or `src` to a `javascript:` or `data:` URL.
enum SVGCheck {
    static func check(_ svg: [UInt8], name: String) throws {
        let parser = XMLParser(data: Data(svg))
        let delegate = Delegate()
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        try FuzzViolation.require(ok, name, "the SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        if let problem = delegate.problem { throw FuzzViolation(name, "SVG: \(problem)") }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var problem: String?

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            let local = element.split(separator: ":").last.map(String.init)?.lowercased() ?? element
            if local == "script" || local == "foreignobject" { problem = problem ?? "a <\(element)> element" }
            for (key, value) in attributes {
                let attribute = key.split(separator: ":").last.map(String.init)?.lowercased() ?? key
                if attribute.hasPrefix("on") { problem = problem ?? "an event attribute \(key)" }
                guard ["href", "src", "action"].contains(attribute) else { continue }
                // Browsers ignore control characters and spaces in a URL's scheme.
                let url = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
                if url.hasPrefix("javascript:") || url.hasPrefix("data:") {
                    problem = problem ?? "attribute \(key) holds a \(url.prefix(11)) URL"
                }
            }
        }
    }
}
