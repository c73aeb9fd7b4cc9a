import GraphRendering
import Grounding
import ReasoningPaths

/// Merges two explorations into a `ReasoningComparison`.
///
/// Nodes merge when their ids match (the parser's normalised names) or, failing that, when both sides linked them
/// to the same ontology concept with an exact or synonym match — "Antitussives" and "Cough suppressants" become
/// one node when the ontology says they are one concept.
public struct ComparisonBuilder: Sendable {
    /// Lowest linking score at which two differently worded nodes merge through their shared concept.
    public var conceptMergeScore: Double

    public init(conceptMergeScore: Double = 0.9) {
        self.conceptMergeScore = conceptMergeScore
    }

    public func compare(_ a: Exploration, _ b: Exploration) -> ReasoningComparison {
        let ga = a.analysis.graph, gb = b.analysis.graph
        let mapB = mergeMap(a, b)
        func mb(_ id: String) -> String { mapB[id] ?? id }

        // Nodes.
        var nodes: [String: ReasoningComparison.Node] = [:]
        for n in ga.nodes {
            nodes[n.id] = .init(id: n.id, label: n.label, labelB: nil, provenance: .onlyA, linesA: n.lines, linesB: [],
                                idB: nil, concept: conceptText(a, n.id))
        }
        for n in gb.nodes {
            let id = mb(n.id)
            if var existing = nodes[id] {
                existing.provenance = .both
                existing.linesB = n.lines
                existing.idB = n.id == id ? nil : n.id
                if existing.label.lowercased() != n.label.lowercased() { existing.labelB = n.label }
                if existing.concept == nil { existing.concept = conceptText(b, n.id) }
                nodes[id] = existing
            } else {
                nodes[id] = .init(id: id, label: n.label, labelB: nil, provenance: .onlyB, linesA: [], linesB: n.lines,
                                  idB: nil, concept: conceptText(b, n.id))
            }
        }

        // Hops.
        struct Key: Hashable { let from: String, to: String }
        var hops: [Key: ReasoningComparison.Hop] = [:]
        for e in ga.edges {
            let verification = a.analysis.grounding?.verification(from: e.from, to: e.to)
            hops[Key(from: e.from, to: e.to)] = .init(from: e.from, to: e.to, provenance: .onlyA,
                                                     verdictA: verification?.verdict, verdictB: nil,
                                                     evidenceA: verification.map(GroundingAnnotations.evidenceLines) ?? [],
                                                     linesA: e.lines, linesB: [])
        }
        for e in gb.edges {
            let key = Key(from: mb(e.from), to: mb(e.to))
            let verification = b.analysis.grounding?.verification(from: e.from, to: e.to)
            let evidence = verification.map(GroundingAnnotations.evidenceLines) ?? []
            if var h = hops[key] {
                h.provenance = .both
                h.verdictB = verification?.verdict
                h.evidenceB = evidence
                h.linesB = e.lines
                hops[key] = h
            } else {
                hops[key] = .init(from: key.from, to: key.to, provenance: .onlyB, verdictA: nil,
                                  verdictB: verification?.verdict, evidenceB: evidence, linesA: [], linesB: e.lines)
            }
        }

        // The merged graph, for rendering: A's paths then B's, renumbered.
        let offset = ga.paths.count
        let pathsB = gb.paths.map { p in
            GraphPath(index: p.index + offset, number: p.number, label: p.label.map { "B: \($0)" } ?? "B \(p.index)",
                      line: p.line, kind: p.kind, nodes: p.nodes.map(mb))
        }
        let pathsA = ga.paths.map { p in
            GraphPath(index: p.index, number: p.number, label: p.label.map { "A: \($0)" } ?? "A \(p.index)", line: p.line,
                      kind: p.kind, nodes: p.nodes)
        }
        let rolesA = Dictionary(ga.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let rolesB = Dictionary(gb.nodes.map { (mb($0.id), $0) }, uniquingKeysWith: { x, _ in x })
        let graphNodes = nodes.values.sorted { $0.id < $1.id }.map { n -> GraphNode in
            let na = rolesA[n.id], nb = rolesB[n.id]
            let paths = (na?.paths ?? []) + (nb?.paths.map { $0 + offset } ?? [])
            return GraphNode(id: n.id, label: n.label, role: na?.role ?? nb?.role ?? .mechanism, paths: paths.sorted(),
                             lines: [], qualifiers: (na?.qualifiers ?? []) + (nb?.qualifiers ?? []).filter { !(na?.qualifiers ?? []).contains($0) })
        }
        let edgesA = Dictionary(ga.edges.map { (Key(from: $0.from, to: $0.to), $0) }, uniquingKeysWith: { x, _ in x })
        let edgesB = Dictionary(gb.edges.map { (Key(from: mb($0.from), to: mb($0.to)), $0) }, uniquingKeysWith: { x, _ in x })
        let graphEdges = hops.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map { k -> GraphEdge in
            let ea = edgesA[k], eb = edgesB[k]
            return GraphEdge(from: k.from, to: k.to, paths: ((ea?.paths ?? []) + (eb?.paths.map { $0 + offset } ?? [])).sorted(),
                             lines: [], relations: (ea?.relations ?? []) + (eb?.relations ?? []).filter { !(ea?.relations ?? []).contains($0) },
                             elided: (ea?.elided ?? true) && (eb?.elided ?? true))
        }
        let merged = ReasoningGraph(nodes: graphNodes, edges: graphEdges, paths: pathsA + pathsB)

        let (divergences, unmatchedA, unmatchedB) = Self.divergences(pathsA: ga.paths.map(\.nodes),
                                                                      pathsB: gb.paths.map { $0.nodes.map(mb) })
        return ReasoningComparison(a: a, b: b, graph: merged,
                                   nodes: nodes.values.sorted { $0.id < $1.id },
                                   hops: hops.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) },
                                   divergences: divergences, unmatchedPathsA: unmatchedA, unmatchedPathsB: unmatchedB,
                                   answers: Self.agreement(a.analysis.parsed.finalAnswer, b.analysis.parsed.finalAnswer,
                                                           options: a.medicalCase?.options ?? b.medicalCase?.options ?? []),
                                   answerOverlap: Self.overlap(a.analysis.parsed.finalAnswer, b.analysis.parsed.finalAnswer))
    }

    /// B node id → A node id for B nodes that have no A node of the same id but share a confidently linked concept.
    private func mergeMap(_ a: Exploration, _ b: Exploration) -> [String: String] {
        guard let groundA = a.analysis.grounding, let groundB = b.analysis.grounding else { return [:] }
        let idsA = Set(a.analysis.graph.nodes.map(\.id))
        var byConcept: [String: String] = [:]
        for n in groundA.nodes {
            guard let best = n.best, best.score >= conceptMergeScore else { continue }
            if byConcept[best.id] == nil { byConcept[best.id] = n.node }
        }
        var map: [String: String] = [:]
        var taken = Set<String>()
        for n in groundB.nodes where !idsA.contains(n.node) {
            guard let best = n.best, best.score >= conceptMergeScore, let target = byConcept[best.id],
                  !taken.contains(target) else { continue }
            // Only when B has no node of the target id itself (else it would merge two B nodes).
            guard !b.analysis.graph.nodes.contains(where: { $0.id == target }) else { continue }
            map[n.node] = target
            taken.insert(target)
        }
        return map
    }

    private func conceptText(_ e: Exploration, _ id: String) -> String? {
        e.analysis.grounding?.grounding(ofNode: id)?.best.map { "\($0.id) \($0.label)" }
    }

    /// For each path of A, the path of B with the longest shared start (ties: lowest index); paths of either
    /// side whose first node no path of the other starts with are listed as unmatched.
    static func divergences(pathsA: [[String]], pathsB: [[String]]) -> ([ReasoningComparison.Divergence], [Int], [Int]) {
        var out: [ReasoningComparison.Divergence] = []
        var unmatchedA: [Int] = []
        var matchedB = Set<Int>()
        for (i, pa) in pathsA.enumerated() {
            var best: (j: Int, k: Int)?
            for (j, pb) in pathsB.enumerated() {
                var k = 0
                while k < pa.count, k < pb.count, pa[k] == pb[k] { k += 1 }
                if k > 0, k > (best?.k ?? 0) { best = (j, k) }
            }
            guard let best else { unmatchedA.append(i + 1); continue }
            matchedB.insert(best.j)
            let pb = pathsB[best.j]
            out.append(.init(pathA: i + 1, pathB: best.j + 1, shared: Array(pa.prefix(best.k)),
                             nextA: best.k < pa.count ? pa[best.k] : nil, nextB: best.k < pb.count ? pb[best.k] : nil))
        }
        let firstsA = Set(pathsA.compactMap(\.first))
        let unmatchedB = pathsB.enumerated().filter { j, pb in !matchedB.contains(j) && !(pb.first.map(firstsA.contains) ?? false) }
            .map { $0.offset + 1 }
        return (out, unmatchedA, unmatchedB)
    }

    /// Jaccard overlap of the content words (4+ letters, normalised) of two answers.
    static func overlap(_ x: String?, _ y: String?) -> Double {
        func words(_ s: String?) -> Set<Substring> {
            Set(BatchAnswerMatch.normalize(s ?? "").split(separator: " ").filter { $0.count >= 4 })
        }
        let wx = words(x), wy = words(y)
        guard !wx.isEmpty, !wy.isEmpty else { return 0 }
        return Double(wx.intersection(wy).count) / Double(wx.union(wy).count)
    }

    /// Agreement of two final answers: the same option letter, or (normalised) one answer's text in the other's,
    /// judged both ways with `BatchAnswerMatch`'s rules.
    static func agreement(_ x: String?, _ y: String?, options: [MedicalCase.Option]) -> ReasoningComparison.AnswerAgreement {
        guard let x, let y, !BatchAnswerMatch.normalize(x).isEmpty, !BatchAnswerMatch.normalize(y).isEmpty else { return .missing }
        let opts = options.map { BatchOption(letter: $0.letter, text: $0.text) }
        return BatchAnswerMatch.agrees(answer: x, gold: y, options: opts) || BatchAnswerMatch.agrees(answer: y, gold: x, options: opts)
            ? .agree : .disagree
    }
}
