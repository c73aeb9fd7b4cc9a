import Explorer
import Foundation
import GraphRendering
import ReasoningPaths
import Testing
import TestSupport

extension GraphvizBacked {
    @Suite("DiagramExporter")
    struct DiagramExporterTests {
        static let extensions: [(String, DiagramFormat)] = [
            ("out.svg", .svg), ("out.png", .png), ("out.pdf", .pdf), ("out.dot", .dot), ("out.mmd", .mmd),
            ("out.json", .json), ("OUT.SVG", .svg), ("Graph.Json", .json), ("graph.gv", .dot),
            ("graph.mermaid", .mmd), ("dir.d/sub/out.pdf", .pdf), ("/tmp/x.y/out.PNG", .png),
        ]

        @Test("the output extension chooses the format", arguments: extensions)
        func formatFromExtension(path: String, expected: DiagramFormat) throws {
            #expect(try DiagramExporter.format(for: path, explicit: nil) == expected)
        }

        @Test("an explicit format wins over the extension, and is all that is needed for '-'")
        func explicitFormat() throws {
            #expect(try DiagramExporter.format(for: "out.txt", explicit: .svg) == .svg)
            #expect(try DiagramExporter.format(for: "out.png", explicit: .json) == .json)
            #expect(try DiagramExporter.format(for: "-", explicit: .png) == .png)
            #expect(try DiagramExporter.format(for: "noext", explicit: .mmd) == .mmd)
        }

        @Test("an unknown extension is a one-line error naming the path and listing the known ones")
        func unknownExtension() throws {
            let error = try #require(throws: InputError.self) { try DiagramExporter.format(for: "out.xyz", explicit: nil) }
            #expect(error.description.hasPrefix("out.xyz: "))
            #expect(error.description.contains("'.xyz'"))
            for format in DiagramFormat.allCases { #expect(error.description.contains("." + format.rawValue)) }
            #expect(!error.description.contains("\n"))
        }

        @Test("a missing extension is a one-line error asking for --format", arguments: ["out", "dir.d/out", "-"])
        func missingExtension(path: String) throws {
            let error = try #require(throws: InputError.self) { try DiagramExporter.format(for: path, explicit: nil) }
            #expect(error.description.hasPrefix(path + ": "))
            #expect(error.description.contains("--format"))
            #expect(!error.description.contains("\n"))
        }

        @Test("a text with no paths cannot be rendered; the error names the source and explains HuatuoGPT")
        func emptyGraphHuatuo() throws {
            let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.fixture("huatuo")))
            #expect(analysis.graph.nodes.isEmpty)
            for format in DiagramFormat.allCases {
                let error = try #require(throws: InputError.self) { try DiagramExporter().render(analysis, as: format) }
                #expect(error.description.hasPrefix(RepoFiles.fixture("huatuo") + ": no reasoning paths found"))
                #expect(error.description.contains("HuatuoGPT-o1"))
            }
        }

        @Test("an empty text cannot be rendered either")
        func emptyGraphEmptyText() throws {
            let analysis = TextAnalysis(input: ReasoningInput(bytes: [], sourceName: "empty.txt"))
            let error = try #require(throws: InputError.self) { try DiagramExporter().render(analysis, as: .svg) }
            #expect(error.description.hasPrefix("empty.txt: no reasoning paths found; nothing to render"))
        }

        @Test("a failed export creates neither the file nor its missing parent directories")
        func failedExportWritesNothing() throws {
            let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.fixture("huatuo")))
            try ScratchDirectory.with { dir throws in
                let path = dir.appendingPathComponent("new/dir/out.svg").path
                #expect(throws: InputError.self) { try DiagramExporter().export(analysis, to: path) }
                #expect(try ScratchDirectory.contents(of: dir).isEmpty)
            }
        }

        @Test("export writes the rendered bytes, returns their count and leaves no temporary file")
        func exportWrites() throws {
            let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.coughCase))
            try ScratchDirectory.with { dir throws in
                for (name, prefix) in [("g.svg", "<"), ("g.mmd", "flowchart"), ("g.json", "{"), ("g.gv", "digraph")] {
                    let url = dir.appendingPathComponent(name)
                    let count = try DiagramExporter().export(analysis, to: url.path)
                    let bytes = try ScratchDirectory.bytes(url)
                    #expect(bytes.count == count)
                    #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(prefix), "\(name)")
                    // Graphviz writes '-' in SVG text as `&#45;`.
                    let footer = name.hasSuffix(".svg")
                        ? DiagramAnnotations.disclaimer.replacingOccurrences(of: "-", with: "&#45;") : DiagramAnnotations.disclaimer
                    #expect(String(decoding: bytes, as: UTF8.self).contains(footer), "\(name)")
                }
                #expect(try ScratchDirectory.contents(of: dir) == ["g.gv", "g.json", "g.mmd", "g.svg"])
            }
        }

        @Test("render carries the title and the input's SHA-256")
        func renderAnnotations() throws {
            let analysis = TextAnalysis(input: try ReasoningInput.read(path: RepoFiles.coughCase))
            let json = try DiagramExporter().render(analysis, as: .json, title: "Cough in an adult")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
            #expect(object["title"] as? String == "Cough in an adult")
            #expect(object["inputSHA256"] as? String == analysis.input.sha256)
            #expect(object["source"] as? String == RepoFiles.coughCase)
            #expect(object["disclaimer"] as? String == DiagramAnnotations.disclaimer)
            let svg = String(decoding: try DiagramExporter().render(analysis, as: .svg, title: "Cough in an adult"),
                             as: UTF8.self)
            #expect(svg.contains("Cough in an adult"))
            #expect(svg.contains(analysis.input.sha256))
        }
    }
}
