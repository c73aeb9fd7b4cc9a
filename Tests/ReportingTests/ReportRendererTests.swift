import Foundation
import Reporting
import TestSupport
import Testing

@Suite struct ReportRendererTests {
    @Test func rendersPartialsAndEscapesValues() throws {
        let renderer = try ReportRenderer(templates: [
            "page": "<h1>{{title}}</h1>{{#items}}{{> item}}{{/items}}{{^items}}none{{/items}}<svg>{{{svg}}}</svg>",
            "item": "<li data-id=\"{{id}}\">{{label}}</li>",
        ])
        let html = try renderer.render(template: "page", context: [
            "title": "<script>alert(1)</script>",
            "items": [["id": "a\"b", "label": "x & y"], ["id": "c", "label": "it's"]],
            "svg": "<g/>",
        ])
        #expect(html == "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><li data-id=\"a&quot;b\">x &amp; y</li><li data-id=\"c\">it&#39;s</li><svg><g/></svg>")
        let empty = try renderer.render(template: "page", context: ["title": "t", "items": [[String: Any]](), "svg": ""])
        #expect(empty == "<h1>t</h1>none<svg></svg>")
    }

    @Test func loadsAFolderWithSubfolders() throws { try ScratchDirectory.with { url in
        let dir = url
        try FileManager.default.createDirectory(atPath: dir.path + "/parts", withIntermediateDirectories: true)
        try "A{{> parts/b}}".write(toFile: dir.path + "/a.mustache", atomically: true, encoding: .utf8)
        try "B{{n}}".write(toFile: dir.path + "/parts/b.mustache", atomically: true, encoding: .utf8)
        try "ignored".write(toFile: dir.path + "/notes.txt", atomically: true, encoding: .utf8)
        let renderer = try ReportRenderer(directory: dir.path)
        #expect(renderer.templateNames == ["a", "parts/b"])
        #expect(try renderer.render(template: "a", context: ["n": 3]) == "AB3")
        #expect(renderer.has("a") && !renderer.has("b"))
    } }

    @Test func errorsNameTheFileAndLine() throws { try ScratchDirectory.with { dir in
        try "line one\n{{#open}} never closed".write(toFile: dir.path + "/bad.mustache", atomically: true, encoding: .utf8)
        #expect {
            try ReportRenderer(directory: dir.path)
        } throws: { error in
            "\(error)".hasPrefix(dir.path + "/bad.mustache:") && "\(error)".contains("syntax error")
        }
        #expect(throws: ReportError.self) { try ReportRenderer(directory: dir.path + "/missing") }
        let renderer = try ReportRenderer(templates: ["a": "x"])
        #expect {
            try renderer.render(template: "nope", context: [:])
        } throws: { error in
            "\(error)".contains("no template nope.mustache")
        }
    } }
}

@Suite struct ReportRendererDirectoriesTests {
    @Test("a page in one folder includes partials from another; a later folder replaces a template of the same name")
    func partialsAcrossFolders() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("ddx-rr-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("one"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("two"), withIntermediateDirectories: true)
        try "[{{name}}]".write(to: root.appendingPathComponent("one/part.mustache"), atomically: true, encoding: .utf8)
        try "old".write(to: root.appendingPathComponent("one/page.mustache"), atomically: true, encoding: .utf8)
        try "page {{> part}}".write(to: root.appendingPathComponent("two/page.mustache"), atomically: true, encoding: .utf8)
        let renderer = try ReportRenderer(directories: [root.appendingPathComponent("one").path, root.appendingPathComponent("two").path])
        #expect(try renderer.render(template: "page", context: ["name": "<x>"]) == "page [&lt;x&gt;]")
        #expect(renderer.templateNames == ["page", "part"])
        #expect(throws: ReportError.self) { try ReportRenderer(directories: [root.appendingPathComponent("missing").path]) }
    }
}
