import Explorer
import ReasoningPaths
import Testing

@Suite("ParseBenchmarkInput")
struct ParseBenchmarkInputTests {
    @Test("generation is deterministic and the two kinds differ")
    func deterministic() {
        let a = ParseBenchmarkInput.generate(.mixed, bytes: 200_000)
        let b = ParseBenchmarkInput.generate(.mixed, bytes: 200_000)
        #expect(a == b)
        #expect(ParseBenchmarkInput.generate(.paths, bytes: 50_000) == ParseBenchmarkInput.generate(.paths, bytes: 50_000))
        #expect(ParseBenchmarkInput.generate(.paths, bytes: 50_000) != Array(a.prefix(50_000)))
        // A shorter request is a prefix of a longer one: same generator, same seed.
        let short = ParseBenchmarkInput.generate(.paths, bytes: 10_000)
        #expect(Array(ParseBenchmarkInput.generate(.paths, bytes: 30_000).prefix(short.count)) == short)
    }

    @Test("the text is at least the requested size and at most one document more",
          arguments: ParseBenchmarkInput.Kind.allCases, [1, 1_000, 100_000, 1 << 20])
    func size(kind: ParseBenchmarkInput.Kind, bytes: Int) {
        let text = ParseBenchmarkInput.generate(kind, bytes: bytes)
        #expect(text.count >= bytes)
        #expect(text.count < bytes + 8192)
        #expect(text.last == 0x0A)
    }

    @Test("nothing is generated for zero bytes")
    func empty() {
        for kind in ParseBenchmarkInput.Kind.allCases { #expect(ParseBenchmarkInput.generate(kind, bytes: 0).isEmpty) }
    }

    @Test("the generated text is valid UTF-8")
    func utf8() {
        for kind in ParseBenchmarkInput.Kind.allCases {
            let text = ParseBenchmarkInput.generate(kind, bytes: 100_000)
            #expect(String(validating: text, as: UTF8.self) != nil)
        }
    }

    @Test("the parser finds a chain of 3 to 5 steps on every line of a 'paths' text")
    func pathsKindParses() {
        let text = ParseBenchmarkInput.generate(.paths, bytes: 100_000)
        let lines = text.filter { $0 == 0x0A }.count
        let parsed = ReasoningParser(limits: .unlimited).parse(bytes: text)
        #expect(parsed.paths.count == lines)
        #expect(parsed.paths.allSatisfy { $0.kind == .chain && (3...5).contains($0.steps.count) })
        #expect(parsed.warnings.isEmpty)
    }

    @Test("the parser finds paths, sections, plan edges and answers in a 'mixed' text")
    func mixedKindParses() {
        let parsed = ReasoningParser(limits: .unlimited).parse(bytes: ParseBenchmarkInput.generate(.mixed, bytes: 200_000))
        #expect(parsed.paths.count > 100)
        #expect(parsed.paths.allSatisfy { $0.steps.count >= 3 })
        #expect(!parsed.planEdges.isEmpty)
        let kinds = Set(parsed.sections.map(\.kind))
        #expect(kinds.isSuperset(of: [.thinking, .findingPaths, .reasoningProcess, .conclusion, .finalResponse, .plan, .execution]))
    }
}
