import Testing
import ReasoningPaths

@Suite("Hostile and broken input")
struct RobustnessTests {
    @Test func emptyAndBlankInput() {
        let e = ReasoningParser().parse(bytes: [])
        #expect(e.format == .unknown && e.paths.isEmpty && e.lineCount == 0)
        #expect(e.warnings.first?.message.contains("empty input") == true)
        let b = ReasoningParser().parse("  \n\n\t\n")
        #expect(b.warnings.first?.message.contains("only white space") == true)
    }

    @Test func binaryGarbage() {
        // Deterministic noise: a multiplicative hash of the index covers every byte value.
        let bytes = (0..<200_000).map { (i: UInt32) in UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 13) }
        let p = ReasoningParser().parse(bytes: bytes)
        #expect(p.warnings.first?.message.contains("does not look like text") == true)
        #expect(p.warnings.count <= ParserLimits.default.maxWarnings + 1)
    }

    @Test func invalidUTF8IsReportedAndReplaced() {
        let bytes = Array("Finding reasoning paths:\n1. Fever -> ".utf8) + [0xFF, 0xFE] + Array(" Sepsis\n".utf8)
        let p = ReasoningParser().parse(bytes: bytes)
        #expect(p.warnings.contains { $0.message.contains("2 invalid UTF-8 sequences") })
        #expect(p.paths.first?.steps.last?.text == "\u{FFFD}\u{FFFD} Sepsis")
    }

    @Test func truncatedPathItem() throws {
        let p = try Fixture.parse("truncated")
        #expect(p.paths.count == 2)
        #expect(p.paths[1].steps.last?.text == "Reduce postnasal dr")
        #expect(p.warnings.contains { $0.line == 5 && $0.message.contains("last path may be incomplete") })
    }

    @Test func truncatedProseWithNewline() {
        let p = ReasoningParser().parse("## Thinking\n\nThe cough is probably caused by pneumoni\n")
        #expect(p.warnings.contains { $0.line == 3 && $0.message.contains("cut off") })
    }

    @Test func utf16AndCRLFAndBOM() {
        let text = "Finding reasoning paths:\r\n1. A -> B\r\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in text.utf16 { utf16.append(UInt8(u & 0xFF)); utf16.append(UInt8(u >> 8)) }
        let p = ReasoningParser().parse(bytes: utf16)
        #expect(p.stepNames == [["A", "B"]])
        #expect(p.warnings.first?.message.contains("UTF-16") == true)
        let bom = ReasoningParser().parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(bom.stepNames == [["A", "B"]] && bom.sections.first?.kind == .findingPaths)
        let cr = ReasoningParser().parse("Finding reasoning paths:\r1. A -> B\r2. C -> D\r")
        #expect(cr.paths.count == 2 && cr.lineCount == 3)
    }

    @Test func fiftyMegabytesStaysBounded() {
        var text = "## Thinking\n\n### Finding Reasoning Paths:\n"
        let line = "1. **Cough -> Expectorants (e.g., guaifenesin) -> Thin mucus -> Easier clearance**  \n"
        let repeats = 50 * 1024 * 1024 / line.utf8.count
        text.reserveCapacity(repeats * line.utf8.count + 100)
        for _ in 0..<repeats { text += line }
        let p = ReasoningParser().parse(text)
        #expect(p.paths.count == ParserLimits.default.maxPaths)
        #expect(p.warnings.contains { $0.message.contains("more path items were not kept") })
        #expect(p.lineCount == repeats + 3)
    }

    @Test func hugeSingleLineItemIsCut() {
        let long = String(repeating: "x", count: 200_000)
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. \(long) -> B\n")
        #expect(p.warnings.contains { $0.message.contains("longer than") })
        #expect((p.paths.first?.steps.first?.text.utf8.count ?? 0) <= ParserLimits.default.maxItemBytes)
    }

    @Test func hundredMegabyteSingleLineStaysBounded() {
        // One 100 MB line with arrows all along: a single item, cut at the item limit, in bounded memory.
        var bytes = Array("Finding reasoning paths:\n1. ".utf8)
        let chunk = Array("Cough -> ".utf8)
        bytes.reserveCapacity(100 << 20 + 64)
        while bytes.count < 100 << 20 { bytes += chunk }
        let p = ReasoningParser().parse(bytes: bytes)
        #expect(p.paths.count == 1)
        let item = p.paths.first.map { $0.steps.reduce(0) { $0 + $1.text.utf8.count } } ?? 0
        #expect(item <= ParserLimits.default.maxItemBytes)
        #expect(p.warnings.contains { $0.message.contains("longer than") })
        #expect(p.lineCount == 2)
    }

    @Test func tenThousandStepPathIsCutAtTheItemLimit() {
        let steps = (1...10_000).map { "Step \($0)" }
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. " + steps.joined(separator: " -> ") + "\n")
        let path = p.paths.first
        #expect(p.paths.count == 1)
        #expect((path?.steps.count ?? 0) > 1000 && (path?.steps.count ?? 0) < 10_000)
        #expect(path?.steps.first?.name == "Step 1")
        #expect(p.warnings.contains { $0.message.contains("longer than") })
        let graph = ReasoningGraphBuilder().build(from: p)
        #expect(graph.nodes.count == path?.steps.count)
        #expect(graph.edges.count == graph.nodes.count - 1)
    }

    @Test func cyclesBecomeOneNodePerName() {
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. A -> B -> A -> B -> C\n2. C -> A\n3. D -> D\n")
        let graph = ReasoningGraphBuilder().build(from: p)
        #expect(graph.nodes.map(\.label).sorted() == ["A", "B", "C", "D"])
        let hops = Set(graph.edges.map { "\($0.from)>\($0.to)" })
        let id = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.label, $0.id) })
        for (a, b) in [("A", "B"), ("B", "A"), ("B", "C"), ("C", "A"), ("D", "D")] {
            #expect(hops.contains("\(id[a]!)>\(id[b]!)"), "missing hop \(a) -> \(b): \(hops)")
        }
    }

    @Test func warningsForTagsOpenedOnOneLineComeInNameOrder() {
        // Found by fuzzing: the order followed the hash seed, so two runs gave different JSON.
        let p = ReasoningParser().parse("<Outline> x <Think> y\nCough -> Fever\n")
        let unclosed = p.warnings.filter { $0.message.hasSuffix("opened here is never closed") }.map(\.message)
        #expect(unclosed == ["<Outline> opened here is never closed", "<Think> opened here is never closed"])
    }

    @Test func warningFloodIsCapped() {
        var text = "Finding reasoning paths:\n"
        for _ in 0..<5000 { text += "1.\n" }
        let p = ReasoningParser().parse(text)
        #expect(p.warnings.count == ParserLimits.default.maxWarnings + 1)
        #expect(p.warnings.last?.message.contains("more warnings were not listed") == true)
    }

    @Test func hostileStepTextIsKeptVerbatim() {
        let hostile = "<script>alert(1)</script> \"]; x [label=\"pwn"
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. \(hostile) -> B\n")
        #expect(p.paths.first?.steps.first?.text == hostile)
    }
}
