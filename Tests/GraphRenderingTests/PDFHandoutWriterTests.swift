import Foundation
import GraphRendering
import ReasoningPaths
import TestSupport
import Testing

@Suite("PDF handout", .serialized)
struct PDFHandoutWriterTests {
    static let graph = GraphFixtures.graph(paths: [
        [.init("cough", "Cough"), .init("drip", "Postnasal drip"), .init("antihistamines", "Antihistamines")],
        [.init("cough", "Cough"), .init("asthma", "Asthma")],
    ])

    static func handout(pages: [PDFHandoutPage], graph: ReasoningGraph? = graph) -> PDFHandout {
        PDFHandout(title: "Test handout", subject: "subject", creator: "ddx tests",
                   footer: "Model-generated text for research and teaching, not clinical advice.",
                   pages: pages, graph: graph, annotations: GraphFixtures.annotations)
    }

    static let threePages: [PDFHandoutPage] = [
        PDFHandoutPage(blocks: [PDFHandoutBlock(style: .title, text: "The case"),
                                PDFHandoutBlock(heading: "Question", text: "How to stop a cough?", layer: .caseFact)]),
        PDFHandoutPage(blocks: [PDFHandoutBlock(style: .title, text: "Path 1"),
                                PDFHandoutBlock(style: .small, text: "• cough → drip\n• drip → antihistamines", layer: .ontologyFact, tag: "ontology · attested"),
                                PDFHandoutBlock(text: "The model said so.", layer: .modelClaim)],
                       graph: .init(nodes: ["cough", "drip", "antihistamines"],
                                    hops: [.init(from: "cough", to: "drip"), .init(from: "drip", to: "antihistamines")],
                                    emphasised: [.init(from: "cough", to: "drip")])),
        PDFHandoutPage(blocks: [PDFHandoutBlock(style: .title, text: "Reference"),
                                PDFHandoutBlock(heading: "Teaching points", text: "• one\n• two", layer: .caseFact)]),
    ]

    static func pageCount(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let pages = text.range(of: "/Type /Pages"), let count = text[pages.upperBound...].range(of: "/Count ") else { return nil }
        return Int(text[count.upperBound...].prefix { $0.isNumber })
    }

    /// The text of each page through poppler's `pdftotext` (a development tool), or nil when it is not installed.
    static func pageTexts(_ bytes: [UInt8]) throws -> [String]? {
        let tool = "/usr/bin/pdftotext"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        return try ScratchDirectory.with { dir in
            let input = dir.appendingPathComponent("in.pdf")
            try Data(bytes).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-enc", "UTF-8", input.path, dir.appendingPathComponent("out.txt").path]
            try process.run()
            process.waitUntilExit()
            let text = try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)
            return text.components(separatedBy: "\u{0C}").dropLast().map { $0 }
        }
    }

    @Test("a multi-page PDF: one sheet per logical page, the graph drawn as vectors with its text")
    func multiPage() throws {
        let bytes = try PDFHandoutWriter().write(Self.handout(pages: Self.threePages))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: bytes.suffix(8), as: UTF8.self).contains("%%EOF"))
        #expect(Self.pageCount(bytes) == 3)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("/Subtype /Image"))
        if let pages = try Self.pageTexts(bytes) {
            #expect(pages.count == 3)
            #expect(pages[0].contains("How to stop a cough?") && pages[0].contains("CASE"))
            #expect(pages[1].contains("Postnasal drip") && pages[1].contains("Antihistamines"))
            #expect(pages[1].contains("ONTOLOGY · ATTESTED") && pages[1].contains("MODEL CLAIM"))
            for (i, page) in pages.enumerated() {
                #expect(page.contains("not clinical advice"))
                #expect(page.contains("page \(i + 1) of 3"))
            }
        }
    }

    @Test("the same handout gives the same bytes (no creation date)")
    func deterministic() throws {
        let a = try PDFHandoutWriter().write(Self.handout(pages: Self.threePages))
        let b = try PDFHandoutWriter().write(Self.handout(pages: Self.threePages))
        #expect(a == b)
        #expect(!String(decoding: a, as: UTF8.self).contains("/CreationDate"))
        #expect(String(decoding: a, as: UTF8.self).contains("/Title (Test handout)"))
    }

    @Test("a page longer than a sheet continues on the next; the footer counts all sheets")
    func overflow() throws {
        let long = (1...160).map { "• line \($0) of a very long list of evidence" }.joined(separator: "\n")
        let pages = [PDFHandoutPage(blocks: [PDFHandoutBlock(style: .title, text: "Long"),
                                             PDFHandoutBlock(text: long, layer: .modelClaim)])]
        let bytes = try PDFHandoutWriter().write(Self.handout(pages: pages, graph: nil))
        let count = try #require(Self.pageCount(bytes))
        #expect(count >= 3)
        if let texts = try Self.pageTexts(bytes) {
            #expect(texts.last?.contains("page \(count) of \(count)") == true)
            #expect(texts.joined().contains("line 160 of a very long list"))
        }
    }

    @Test("untrusted text is drawn literally: markup stays text, control and bidi characters are dropped")
    func hostileText() throws {
        let hostile = GraphFixtures.hostileLabels.joined(separator: "\n") + "\n\u{202E}reversed\u{202C} % ) ( \\ endstream"
        let graph = GraphFixtures.graph(paths: [GraphFixtures.hostileLabels.prefix(6).enumerated().map { GraphFixtures.Step("h\($0.offset)", $0.element) }])
        let pages = [PDFHandoutPage(blocks: [PDFHandoutBlock(style: .title, text: "<script>alert(1)</script>"),
                                             PDFHandoutBlock(text: hostile, layer: .caseFact)],
                                    graph: .init(nodes: ["h0", "h1"], hops: [.init(from: "h0", to: "h1")]))]
        let handout = PDFHandout(title: "x ) /Title (evil", footer: "footer \u{0}\u{1B}[31m", pages: pages, graph: graph,
                                 annotations: GraphFixtures.annotations)
        let bytes = try PDFHandoutWriter().write(handout)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(Self.pageCount(bytes) ?? 0 >= 1)
        if let texts = try Self.pageTexts(bytes) {
            let all = texts.joined()
            #expect(all.contains("<script>alert(1)</script>"))
            #expect(all.contains(#"]; x [label="pwn"#))
            #expect(!all.contains("\u{202E}") && !all.contains("\u{1B}") && !all.contains("\u{7}"))
        }
    }

    @Test("a handout without a graph or pages still gives a valid one-page PDF")
    func minimal() throws {
        let bytes = try PDFHandoutWriter().write(Self.handout(pages: [], graph: nil))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(Self.pageCount(bytes) == 1)
    }
}
