import Foundation
import Mustache

/// Renders reports from a folder of Mustache templates (`NAME.mustache`, partials included by `{{> NAME}}`)
/// and a context of plain values: `[String: Any]` dictionaries, arrays, strings, numbers and booleans.
///
/// `{{name}}` HTML-escapes (`& < > " '`); `{{{name}}}` inserts as-is and is meant only for markup ddx made
/// itself (the Graphviz SVG, the embedded style and script).
///
/// ```swift
/// let renderer = try ReportRenderer(directory: "Templates/report")
/// let html = try renderer.render(template: "explore", context: ["title": "Cough"])
/// ```
public struct ReportRenderer: Sendable {
    /// The folder the templates came from.
    public let directory: String
    /// Template names found (file names without `.mustache`, subfolders as `sub/name`), sorted.
    public let templateNames: [String]
    private let library: MustacheLibrary

    /// Loads every `*.mustache` file under `directory`; a one-line error naming the file and line on bad syntax.
    public init(directory: String) throws {
        try self.init(directories: [directory])
    }

    /// Loads every `*.mustache` file under each of `directories`, in order, so a page in one folder can include
    /// partials from another (a template in a later folder replaces one of the same name from an earlier folder);
    /// `directory` is the last folder.
    public init(directories: [String]) throws {
        precondition(!directories.isEmpty, "ReportRenderer needs at least one template folder")
        var library = MustacheLibrary()
        var names = Set<String>()
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ReportError("\(directory): no such template folder")
            }
            let root = directory.hasSuffix("/") ? directory : directory + "/"
            guard let walker = FileManager.default.enumerator(atPath: root) else {
                throw ReportError("\(directory): cannot list the template folder")
            }
            for case let relative as String in walker where relative.hasSuffix(".mustache") {
                let path = root + relative
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ReportError("\(path): cannot read the template")
                }
                let name = String(relative.dropLast(".mustache".count))
                do {
                    try library.register(String(decoding: data, as: UTF8.self), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    throw ReportError("\(path):\(error.context.lineNumber):\(error.context.columnNumber): template syntax error (\(error.error))")
                }
                names.insert(name)
            }
        }
        self.directory = directories[directories.count - 1]
        self.templateNames = names.sorted()
        self.library = library
    }

    /// Creates a renderer from templates given as text, keyed by name (for tests and built-in fallbacks).
    public init(templates: [String: String], directory: String = "<memory>") throws {
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ReportError("\(directory)/\(name).mustache:\(error.context.lineNumber):\(error.context.columnNumber): template syntax error (\(error.error))")
            }
        }
        self.directory = directory
        self.templateNames = templates.keys.sorted()
        self.library = library
    }

    /// Whether the folder has a template called `name`.
    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders template `name` with `context`; a one-line error when the template does not exist.
    public func render(template name: String, context: [String: Any]) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw ReportError("\(directory): no template \(name).mustache (found: \(templateNames.joined(separator: ", ")))")
        }
        return output
    }
}
