import Explorer
import Foundation
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Model and case text meant to break out of HTML, SVG, JSON and PDF.
enum HostileWalkthrough {
    static let text = """
    ## Thinking

    ### Finding Reasoning Paths:
    1. Cough -> <img src=x onerror=alert(1)> -> Postnasal drip
    2. Cough -> </script><script>alert(2)</script>

    ### Reasoning Process:
    The cough comes from <img src=x onerror=alert(1)> & "quotes" 'single' \u{202E}reversed\u{202C} bell\u{07} here.
    Then </script><script>alert(2)</script> follows the cough.

    ### Conclusion:
    <b>bold</b> conclusion ]]> -->

    ## Final Answer
    </textarea><svg onload=alert(3)>
    """

    static let medicalCase = MedicalCase(
        id: "hostile", title: "<h1>Title</h1>", vignette: "<script>alert('vignette')</script> & more",
        question: "Why </style><style>body{}</style>?", options: [.init(letter: "A", text: "<i>a</i>")],
        answer: "A. <i>a</i>, for teaching.", teachingPoints: ["\"</script>\" in a point"], source: "<src>", tags: [])
}

extension GraphvizBacked {
    @Suite("Walkthrough export")
    struct WalkthroughExportTests {
        static func hostile() async throws -> Walkthrough {
            try await WalkthroughFixtures.walkthrough(text: HostileWalkthrough.text, medicalCase: HostileWalkthrough.medicalCase)
        }

        static func exporter() throws -> WalkthroughExporter {
            try WalkthroughExporter(templateDirectory: RepoFiles.root.appendingPathComponent("Templates/walkthrough").path)
        }

        static func html(_ w: Walkthrough) throws -> String {
            let e = try exporter()
            return try e.html(w, svg: try e.graphSVG(w, legend: false))
        }

        /// The text between `open` (a whole tag) and the next `close`, for every occurrence.
        static func contents(of html: String, open: String, close: String) -> [String] {
            var out: [String] = []
            var rest = Substring(html)
            while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
                out.append(String(rest[start.upperBound..<end.lowerBound]))
                rest = rest[end.upperBound...]
            }
            return out
        }

        /// SHA-256 by coreutils' `sha256sum`, independent of ddx's own hashing.
        static func sha256(_ text: String) throws -> Data {
            try ScratchDirectory.with { dir in
                let file = dir.appendingPathComponent("in")
                try Data(text.utf8).write(to: file)
                let process = Process()
                let out = Pipe()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
                process.arguments = [file.path]
                process.standardOutput = out
                try process.run()
                let hex = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
                process.waitUntilExit()
                var bytes: [UInt8] = []
                var index = hex.startIndex
                while index < hex.endIndex {
                    let next = hex.index(index, offsetBy: 2)
                    bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
                    index = next
                }
                return Data(bytes)
            }
        }

        static func unescapeAttribute(_ s: String) -> String {
            s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#x27;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#61;", with: "=")
                .replacingOccurrences(of: "&#x3D;", with: "=").replacingOccurrences(of: "&#43;", with: "+")
                .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&amp;", with: "&")
        }

        @Test("the HTML has every step, the banner, the legend of layers and the run metadata")
        func htmlStructure() async throws {
            let w = try await WalkthroughFixtures.walkthrough()
            let html = try Self.html(w)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            for step in w.steps { #expect(html.contains("id=\"wt-step-\(step.number)\"")) }
            #expect(html.contains("Research and teaching only"))
            #expect(html.contains("only that a hop was found in the loaded ontology"))
            for layer in ["case facts", "model claims", "ontology facts"] { #expect(html.contains(layer)) }
            #expect(html.contains("Run metadata") && html.contains(w.exploration.metadata.inputSHA256))
            #expect(html.contains("id=\"node-cough\"") && html.contains("id=\"edge-cough--postnasal-drip\""))
            #expect(html.contains("No matching sentence in the model&#39;s reasoning.") || html.contains("No matching sentence in the model's reasoning."))
            #expect(html.contains("names the reference"))
            #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        }

        @Test("the Content-Security-Policy allows exactly the inline style and script, by SHA-256")
        func cspHashes() async throws {
            let html = try Self.html(try await WalkthroughFixtures.walkthrough())
            let csp = Self.unescapeAttribute(try #require(Self.contents(of: html, open: "http-equiv=\"Content-Security-Policy\" content=\"", close: "\"").first))
            #expect(csp.hasPrefix("default-src 'none';"))
            #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
            let styles = Self.contents(of: html, open: "<style>", close: "</style>")
            let scripts = Self.contents(of: html, open: "<script>", close: "</script>")
            #expect(styles.count == 1 && scripts.count == 1)
            func hash(_ s: String) throws -> String { "sha256-" + (try Self.sha256(s)).base64EncodedString() }
            #expect(csp.contains("style-src '\(try hash(styles[0]))'"))
            #expect(csp.contains("script-src '\(try hash(scripts[0]))'"))
            #expect(WalkthroughContext.hash("abc") == "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
            #expect(!html.contains(" style=\"") && !html.contains(" onclick=") && !html.contains("javascript:"))
        }

        @Test("hostile model and case text is escaped everywhere in the HTML; the JSON data escapes <")
        func htmlEscaping() async throws {
            let w = try await Self.hostile()
            let html = try Self.html(w)
            for raw in ["<img src=x", "<script>alert", "</textarea>", "<svg onload", "<b>bold", "<h1>Title", "<i>a</i>",
                        "</style><style>", "<src>"] {
                #expect(!html.contains(raw), "unescaped: \(raw)")
            }
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(Self.contents(of: html, open: "<script", close: ">").count == 2)
            #expect(html.components(separatedBy: "</script>").count == 3)
            let data = try #require(Self.contents(of: html, open: "id=\"ddx-walkthrough-data\">", close: "</script>").first)
            #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
            #expect((object["steps"] as? [Any])?.count == w.steps.count)
            let metadata = try #require(object["metadata"] as? [String: Any])
            #expect(metadata["inputSHA256"] as? String == w.exploration.metadata.inputSHA256)
            #expect((object["sections"] as? [String: Int])?["1"] == 1)
        }

        @Test("frames: one per step, well-formed XML, caption and metadata, unrevealed parts dimmed")
        func frames() async throws {
            let w = try await Self.hostile()
            let e = try Self.exporter()
            let svg = try #require(try e.graphSVG(w))
            let frames = try e.frames(w, svg: svg)
            #expect(frames.count == w.steps.count)
            for (i, frame) in frames.enumerated() {
                let inspection = try SVGInspection(Array(frame.utf8))
                #expect(inspection.allText.contains("Step \(i + 1) of \(frames.count)"))
                #expect(frame.contains("<metadata") && frame.contains("<style>"))
                #expect(frame.hasPrefix("<?xml"))
            }
            #expect(try SVGInspection(Array(frames[0].utf8)).allText.contains("Why </style><style>body{}</style>?"))
            let hop = try SVGInspection(Array(frames[1].utf8))
            #expect(hop.allText.contains("<img src=x onerror=alert(1)>"))
            #expect(frames[0].contains(".ddx-node,.ddx-edge{opacity:0.14}") && !frames[0].contains("{opacity:1}"))
            #expect(frames[1].contains("#edge-cough--"))
            let last = try #require(frames.last)
            for node in w.exploration.analysis.graph.nodes { #expect(last.contains("#node-\(node.id)")) }
            #expect(!frames[1].contains("\u{07}") && !frames[1].contains("\u{202E}"))
        }

        @Test("the frame caption is laid out below the graph, which keeps its layout")
        func frameGeometry() async throws {
            let w = try await WalkthroughFixtures.walkthrough()
            let e = try Self.exporter()
            let svg = try #require(try e.graphSVG(w))
            let frames = try e.frames(w, svg: svg)
            func viewBoxHeight(_ s: String) -> Double? {
                guard let r = s.range(of: "viewBox=\"") else { return nil }
                return s[r.upperBound...].prefix { $0 != "\"" }.split(separator: " ").last.flatMap { Double($0) }
            }
            let original = try #require(viewBoxHeight(svg))
            for frame in frames { #expect(try #require(viewBoxHeight(frame)) > original) }
            // Same drawing in every frame: only the style and caption differ.
            let strip = { (s: String) in s.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[1]
                .components(separatedBy: "<g id=\"ddx-caption\"")[0] }
            #expect(Set(frames.map(strip)).count == 1)
        }

        @Test("the PDF handout has the case page, one page per path and the reference page")
        func pdf() async throws {
            let w = try await WalkthroughFixtures.walkthrough()
            let bytes = try Self.exporter().pdf(w)
            #expect(bytes.starts(with: Array("%PDF-".utf8)))
            #expect(PDFFile.pageCount(bytes) == 1 + 4 + 1)
            #expect(try Self.exporter().pdf(w) == bytes)
            if let text = try PDFFile.text(bytes) {
                #expect(text.contains("Postnasal drip"))
                #expect(text.contains("Path 2") && text.contains("ATTESTED-VIA-IS-A"))
                #expect(text.contains("Reference answer") && text.contains("B. Antihistamines, for teaching."))
                #expect(text.components(separatedBy: "not clinical advice").count - 1 >= 6)
            }
        }

        @Test("hostile text reaches the PDF as literal text, without control characters")
        func pdfHostile() async throws {
            let bytes = try Self.exporter().pdf(try await Self.hostile())
            #expect(bytes.starts(with: Array("%PDF-".utf8)))
            if let text = try PDFFile.text(bytes) {
                #expect(text.contains("<script>alert('vignette')</script>"))
                #expect(text.contains("</textarea><svg onload=alert(3)>"))
                #expect(!text.contains("\u{07}") && !text.contains("\u{202E}"))
            }
        }

        @Test("write() renders everything first: a bad destination leaves nothing written")
        func atomicWrite() async throws {
            let w = try await WalkthroughFixtures.walkthrough()
            try ScratchDirectory.with { dir in
                let html = dir.appendingPathComponent("w.html").path
                let pdfDir = dir.appendingPathComponent("is-a-dir.pdf")
                try FileManager.default.createDirectory(at: pdfDir, withIntermediateDirectories: false)
                let error = try #require(throws: InputError.self) {
                    try Self.exporter().write(w, html: html, frames: nil, pdf: pdfDir.path)
                }
                #expect(error.description.contains("is a directory"))
                #expect(!FileManager.default.fileExists(atPath: html))
                #expect(try ScratchDirectory.leftoverTempFiles(in: dir).isEmpty)
            }
        }

        @Test("frames replace older frames in the folder and remove extra old ones")
        func frameFolder() async throws {
            let w = try await WalkthroughFixtures.walkthrough()
            try ScratchDirectory.with { dir in
                let frames = dir.appendingPathComponent("frames")
                try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: false)
                for n in [1, 42] { try Data("old".utf8).write(to: frames.appendingPathComponent(String(format: "frame-%03d.svg", n))) }
                try Data("keep".utf8).write(to: frames.appendingPathComponent("notes.txt"))
                let written = try Self.exporter().write(w, html: nil, frames: frames.path, pdf: nil)
                #expect(written == [frames.path])
                let names = try ScratchDirectory.contents(of: frames)
                #expect(names == (1...w.steps.count).map { String(format: "frame-%03d.svg", $0) } + ["notes.txt"])
                #expect(try String(contentsOf: frames.appendingPathComponent("frame-001.svg"), encoding: .utf8).hasPrefix("<?xml"))
                #expect(try ScratchDirectory.contents(of: dir) == ["frames"])
            }
        }
    }
}

/// Reading PDFs in tests: the page count from the page tree, and the text through poppler's `pdftotext` when it is
/// installed (a development tool; text checks are skipped without it).
enum PDFFile {
    static func pageCount(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let pages = text.range(of: "/Type /Pages") else { return nil }
        let after = text[pages.upperBound...]
        guard let count = after.range(of: "/Count ") else { return nil }
        return Int(after[count.upperBound...].prefix { $0.isNumber })
    }

    static func text(_ bytes: [UInt8]) throws -> String? {
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
            return try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)
        }
    }
}
