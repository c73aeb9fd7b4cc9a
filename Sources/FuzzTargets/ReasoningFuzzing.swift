import Foundation
import ReasoningPaths

/// Fuzzing of the reasoning-text parser and the graph builder on arbitrary bytes (UTF-8, UTF-16, invalid).
enum ReasoningFuzzing {
    static let target = FuzzTarget(
        name: "reasoning",
        summary: "reasoning-text parser and graph builder: limits, graph consistency, JSON round trip",
        seedDirectories: ["Tests/ReasoningPathsTests/Fixtures", "Cases"], maxInputLength: 16_384, body: run)

    /// Limits small enough that the fuzzer reaches them.
    static let limits = ParserLimits(maxPaths: 40, maxPlanEdges: 40, maxSections: 40, maxWarnings: 40,
                                     maxItemBytes: 2048)

    static func run(_ input: [UInt8]) throws {
        let name = "reasoning"
        for parser in [ReasoningParser(), ReasoningParser(limits: limits)] {
            let parsed = parser.parse(bytes: input)
            try check(parsed, limits: parser.limits, name: name)
            let graph = ReasoningGraphBuilder().build(from: parsed)
            try check(graph, name: name)
            try roundTrip(parsed, name: name)
            try roundTrip(graph, name: name)
        }
        if let text = String(validating: input, as: UTF8.self), !text.hasPrefix("\u{FEFF}") {
            let fromBytes = ReasoningParser().parse(bytes: input)
            try FuzzViolation.require(ReasoningParser().parse(text) == fromBytes || input.starts(with: [0xFE, 0xFF])
                                          || input.starts(with: [0xFF, 0xFE]), name,
                                      "parsing the text and parsing its UTF-8 bytes differ")
        }
    }

    static func check(_ parsed: ParsedReasoning, limits: ParserLimits, name: String) throws {
        try FuzzViolation.require(parsed.paths.count <= limits.maxPaths, name,
                                  "\(parsed.paths.count) paths, over the limit of \(limits.maxPaths)")
        try FuzzViolation.require(parsed.planEdges.count <= limits.maxPlanEdges, name,
                                  "\(parsed.planEdges.count) plan edges, over the limit of \(limits.maxPlanEdges)")
        try FuzzViolation.require(parsed.sections.count <= limits.maxSections, name,
                                  "\(parsed.sections.count) sections, over the limit of \(limits.maxSections)")
        for path in parsed.paths {
            let hops = max(path.steps.count - 1, 0)
            try FuzzViolation.require(!path.steps.isEmpty, name, "a path without steps at line \(path.line)")
            try FuzzViolation.require(path.relations.count == hops && path.elided.count == hops, name,
                                      "path at line \(path.line): \(path.steps.count) steps but "
                                          + "\(path.relations.count) relations and \(path.elided.count) elision flags")
            try FuzzViolation.require(path.line >= 1 && path.line <= max(parsed.lineCount, 1), name,
                                      "path line \(path.line) outside 1...\(parsed.lineCount)")
            for step in path.steps {
                try FuzzViolation.require(step.text.utf8.count <= limits.maxItemBytes, name,
                                          "a step of \(step.text.utf8.count) bytes, over \(limits.maxItemBytes)")
            }
        }
    }

    static func check(_ graph: ReasoningGraph, name: String) throws {
        let ids = Set(graph.nodes.map(\.id))
        try FuzzViolation.require(ids.count == graph.nodes.count, name, "two graph nodes share an id")
        for edge in graph.edges {
            try FuzzViolation.require(ids.contains(edge.from) && ids.contains(edge.to), name,
                                      "edge \(edge.from) -> \(edge.to) names a node the graph does not have")
        }
    }

    /// The JSON ddx writes must read back as the same value.
    static func roundTrip<T: Codable & Equatable>(_ value: T, name: String) throws {
        let data: Data
        do { data = try JSONEncoder().encode(value) } catch {
            throw FuzzViolation(name, "\(T.self) does not encode as JSON: \(error)")
        }
        let decoded: T
        do { decoded = try JSONDecoder().decode(T.self, from: data) } catch {
            throw FuzzViolation(name, "\(T.self) JSON does not decode: \(error)")
        }
        try FuzzViolation.require(decoded == value, name, "\(T.self) changes in a JSON round trip")
    }
}
