import Crypto
import Foundation
import Reporting

/// The report's one stylesheet and one script (`report.css`, `report.js` in the template folder), inlined into the
/// page and allowed by the Content-Security-Policy through their SHA-256 hashes, so nothing else can run or style the
/// page: no other inline script, no event-handler attribute, no external file.
///
/// ```swift
/// let assets = try ReportInlineAssets(directory: "Templates/report")
/// print(assets.contentSecurityPolicy)   // default-src 'none'; style-src 'sha256-…'; script-src 'sha256-…'; …
/// ```
public struct ReportInlineAssets: Sendable {
    /// The stylesheet, exactly as inlined.
    public let style: String
    /// The script, exactly as inlined.
    public let script: String

    /// Reads `report.css` and `report.js` from `directory`; a one-line error when one is missing or could close its
    /// element early (`</style`, `</script`).
    public init(directory: String) throws {
        style = try Self.read(directory, "report.css", closing: "</style")
        script = try Self.read(directory, "report.js", closing: "</script")
    }

    /// One stylesheet made of `styleFiles` joined in order (e.g. the report's and a page's own additions) and the
    /// script in `scriptFile`, with the same checks.
    public init(styleFiles: [String], scriptFile: String) throws {
        style = try styleFiles.map { try Self.read(($0 as NSString).deletingLastPathComponent, ($0 as NSString).lastPathComponent,
                                                   closing: "</style") }.joined(separator: "\n")
        script = try Self.read((scriptFile as NSString).deletingLastPathComponent, (scriptFile as NSString).lastPathComponent,
                               closing: "</script")
    }

    /// Uses the given texts (for tests).
    public init(style: String, script: String) {
        self.style = style
        self.script = script
    }

    /// `'sha256-<base64>'` of `text`'s UTF-8 bytes, as CSP source expressions write it.
    public static func hashSource(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Array(text.utf8))).base64EncodedString() + "'"
    }

    /// The policy: nothing by default; the one style and the one script by hash; images only as `data:` URLs; no
    /// `<base>`, no form targets.
    public var contentSecurityPolicy: String {
        "default-src 'none'; style-src \(Self.hashSource(style)); script-src \(Self.hashSource(script)); img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// Renders template `name` with `context` plus this policy, stylesheet and script (`csp`, `style`, `script`),
    /// and checks the page (`problem(in:)`); one-line errors name `templatePath`.
    func page(_ templates: ReportRenderer, template name: String, context: [String: Any], templatePath: String) throws -> String {
        var context = context
        context["csp"] = contentSecurityPolicy
        context["style"] = style
        context["script"] = script
        let page: String
        do {
            page = try templates.render(template: name, context: context)
        } catch let error as ReportError {
            throw InputError(error.description)
        }
        if let problem = problem(in: page) { throw InputError("\(templatePath): \(problem)") }
        return page
    }

    /// Checks a rendered page: the policy is in a `<meta http-equiv="Content-Security-Policy">`, and the page's only
    /// `<style>` and only executable `<script>` hold exactly this stylesheet and script (JSON data blocks aside).
    /// Returns a description of the first problem, or nil.
    public func problem(in html: String) -> String? {
        guard html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"") else {
            return "the page has no <meta http-equiv=\"Content-Security-Policy\" content=\"{{csp}}\">"
        }
        let styles = Self.elements("style", in: html)
        guard styles.count == 1, styles[0].body == style else {
            return "the page must hold report.css exactly once, as <style>{{{style}}}</style> (found \(styles.count) <style> element\(styles.count == 1 ? " with other content" : "s"))"
        }
        let scripts = Self.elements("script", in: html).filter { !$0.tag.contains("type=\"application/json\"") }
        guard scripts.count == 1, scripts[0].body == script else {
            return "the page must hold report.js exactly once, as <script>{{{script}}}</script> (found \(scripts.count) executable <script> element\(scripts.count == 1 ? " with other content" : "s"))"
        }
        return nil
    }

    /// Every `<name …>…</name>` in `html` (case-insensitive), as its start tag and body.
    static func elements(_ name: String, in html: String) -> [(tag: String, body: String)] {
        let lower = html.lowercased()
        guard lower.utf8.count == html.utf8.count else {
            // Lower-casing changed byte lengths (rare non-ASCII case mappings): fall back to an exact-case scan.
            return elements(name, in: html, haystack: html)
        }
        return elements(name, in: html, haystack: lower)
    }

    private static func elements(_ name: String, in html: String, haystack: String) -> [(tag: String, body: String)] {
        let bytes = Array(html.utf8), hay = Array(haystack.utf8)
        let open = Array("<\(name)".utf8), close = Array("</\(name)".utf8)
        var out: [(String, String)] = []
        var i = 0
        while let start = find(open, in: hay, from: i) {
            let next = start + open.count
            // `<styles>` or `<scripted` are other names.
            guard next < hay.count, [0x20, 0x3E, 0x09, 0x0A, 0x0D, 0x2F].contains(hay[next]) else { i = next; continue }
            guard let tagEnd = hay[next...].firstIndex(of: 0x3E) else { break }
            let bodyStart = tagEnd + 1
            let end = find(close, in: hay, from: bodyStart) ?? hay.count
            out.append((String(decoding: bytes[start...tagEnd], as: UTF8.self), String(decoding: bytes[bodyStart..<end], as: UTF8.self)))
            i = end
        }
        return out
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func read(_ directory: String, _ name: String, closing: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): missing (the page's stylesheet or script; see the template folder's README.md)")
        }
        // The HTML parser turns CR LF and CR into LF before the browser hashes an element, so do the same here.
        var text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.lowercased().contains(closing) {
            throw InputError("\(path): contains \(closing), which would end the inline element early")
        }
        return text
    }
}
