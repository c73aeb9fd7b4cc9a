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
