import GraphRendering
import ReasoningPaths

/// Small reasoning graphs built by hand for the rendering tests.
enum GraphFixtures {
    /// A fixed fake SHA-256.
    static let sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    /// Annotations with a source and a title.
    static let annotations = DiagramAnnotations(inputSHA256: sha, sourceName: "case-01.txt",
                                                title: "Chest pain in a 54-year-old smoker")

    /// The labels no export may interpret.
    static let hostileLabels: [String] = [
        #"He said "hi""#,
        #"back\slash\n"#,
        "<script>alert(1)</script>",
        #""]; x [label="pwn"#,
        "&amp; &lt;",
        "🫀 heart",
        "tab\tnewline\nbell\u{7}nul\u{0}esc\u{1B}[31m",
        #"escapes \N \G \L \T \H \E \l \r end\"#,
        String(repeating: "long ", count: 2_000),
    ]

    /// One path step: id, label, and optional relation/elision on the hop *into* this step.
    struct Step {
        var id: String
        var label: String
        var relation: String?
        var elided = false

        init(_ id: String, _ label: String, relation: String? = nil, elided: Bool = false) {
            self.id = id
            self.label = label
            self.relation = relation
            self.elided = elided
        }
    }

    /// Builds a graph the way the parser does: roles from positions, edges merged over paths.
    static func graph(paths: [[Step]], qualifiers: [String: [String]] = [:]) -> ReasoningGraph {
        var nodes: [String: GraphNode] = [:]
        var edges: [String: GraphEdge] = [:]
        var graphPaths: [GraphPath] = []
        for (offset, steps) in paths.enumerated() {
            let index = offset + 1
            let line = index * 2
            graphPaths.append(GraphPath(index: index, number: index, label: "Path \(index)", line: line,
                                        kind: steps.count == 1 ? .prose : .chain, nodes: steps.map(\.id)))
            for (position, step) in steps.enumerated() {
                let role: NodeRole = steps.count == 1 ? .statement
                    : position == 0 ? .finding : position == steps.count - 1 ? .conclusion : .mechanism
                var node = nodes[step.id] ?? GraphNode(id: step.id, label: step.label, role: role, paths: [], lines: [],
                                                       qualifiers: qualifiers[step.id] ?? [])
                if !node.paths.contains(index) { node.paths.append(index) }
                if !node.lines.contains(line) { node.lines.append(line) }
                nodes[step.id] = node
                guard position > 0 else { continue }
                let from = steps[position - 1].id
                let key = from + "\u{1}" + step.id
                var edge = edges[key] ?? GraphEdge(from: from, to: step.id, paths: [], lines: [], relations: [],
                                                   elided: step.elided)
                edge.paths.append(index)
                edge.lines.append(line)
                if let relation = step.relation, !edge.relations.contains(relation) { edge.relations.append(relation) }
                edge.elided = edge.elided && step.elided
                edges[key] = edge
            }
        }
        return ReasoningGraph(nodes: nodes.values.sorted { $0.id < $1.id },
                              edges: edges.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) },
                              paths: graphPaths)
    }

    /// Three chains sharing a hop, one elided hop, a relation label, and a prose statement.
    static func sample() -> ReasoningGraph {
        graph(paths: [
            [Step("chest-pain", "Chest pain"), Step("coronary-occlusion", "Coronary artery occlusion"),
             Step("myocardial-ischemia", "Myocardial ischemia", relation: "causes"),
             Step("stemi", "ST-elevation myocardial infarction")],
            [Step("st-elevation", "ST elevation in leads II, III and aVF"),
             Step("myocardial-ischemia", "Myocardial ischemia"),
             Step("stemi", "ST-elevation myocardial infarction")],
            [Step("chest-pain", "Chest pain"), Step("stemi", "ST-elevation myocardial infarction", elided: true)],
            [Step("smoking-risk", "Smoking is a major risk factor for coronary artery disease")],
        ], qualifiers: ["chest-pain": ["e.g., crushing, radiating to the left arm"]])
    }

    /// Every hostile label as a node of one chain, plus hostile relations and ids.
    static func hostile() -> ReasoningGraph {
        var steps = hostileLabels.enumerated().map { offset, label in
            Step("hostile-\(offset)", label, relation: offset == 1 ? #"rel "q" <b>x</b> \N"# : nil)
        }
        steps.append(Step(#"id "with" <odd> chars %x"#, "odd id"))
        steps.append(Step("%internal", "percent id"))
        return graph(paths: [steps, [Step("hostile-2", "<script>alert(1)</script>"), Step("hostile-4", "&amp; &lt;")]])
    }

    /// `count` nodes spread over `pathCount` chains (deterministic).
    static func large(count: Int, pathCount: Int) -> ReasoningGraph {
        let chains = (0..<pathCount).map { path in
            stride(from: path, to: count, by: pathCount).map { Step("n\($0)", "Synthetic step number \($0) of the graph") }
                + [Step("n\((path * 7) % count)", "Synthetic step number \((path * 7) % count) of the graph")]
        }
        return graph(paths: chains.map { chain in
            var seen = Set<String>()
            return chain.filter { seen.insert($0.id).inserted }
        })
    }

    // MARK: Ontology grounding

    /// Source names of the sample grounding.
    static let ontologySources = ["ddx-core 0.3", "HPO 2024-04-26"]

    /// Grounding for `sample()`: five linked nodes of four types, `smoking-risk` unlinked; one hop of each
    /// verdict except `ungrounded`, and the elided hop `chest-pain → stemi` left without a verdict (drawn
    /// as ungrounded).
    static func sampleOntology() -> OntologyAnnotations {
        typealias Key = OntologyAnnotations.EdgeKey
        return OntologyAnnotations(
            nodes: [
                "chest-pain": NodeConceptAnnotation(conceptID: "HP:0100749", conceptLabel: "Chest pain", type: "symptom",
                                                    score: 1, match: "exact", source: "HPO 2024-04-26"),
                "coronary-occlusion": NodeConceptAnnotation(conceptID: "DDX:0000101", conceptLabel: "Coronary occlusion",
                                                            type: "mechanism", score: 0.874, match: "synonym",
                                                            source: "ddx-core 0.3"),
                "myocardial-ischemia": NodeConceptAnnotation(conceptID: "DDX:0000102", conceptLabel: "Myocardial ischemia",
                                                             type: "disease", score: 0.95, match: "normalized",
                                                             source: "ddx-core 0.3"),
                "stemi": NodeConceptAnnotation(conceptID: "DDX:0000103", conceptLabel: "ST-elevation myocardial infarction",
                                               type: "disease", score: 0.9, match: "word-order", source: "ddx-core 0.3"),
                "st-elevation": NodeConceptAnnotation(conceptID: "DDX:0000201", conceptLabel: "ST segment elevation",
                                                      type: "finding", score: 0.71, match: "fuzzy", source: "ddx-core 0.3"),
            ],
            edges: [
                Key(from: "chest-pain", to: "coronary-occlusion"): EdgeVerdictAnnotation(
                    verdict: "plausible", evidence: ["types fit symptom of mechanism; no fact in the loaded ontology"]),
                Key(from: "coronary-occlusion", to: "myocardial-ischemia"): EdgeVerdictAnnotation(
                    verdict: "attested", evidence: ["DDX:0000101 causes DDX:0000102 (ddx-core)"]),
                Key(from: "myocardial-ischemia", to: "stemi"): EdgeVerdictAnnotation(
                    verdict: "attested-via-is-a",
                    evidence: ["DDX:0000102 progresses_to DDX:0000100 (ddx-core) via DDX:0000103 → DDX:0000100"]),
                Key(from: "st-elevation", to: "myocardial-ischemia"): EdgeVerdictAnnotation(verdict: "unattested", evidence: []),
            ],
            sources: ontologySources)
    }

    /// `annotations` plus the sample grounding.
    static var groundedAnnotations: DiagramAnnotations {
        var annotations = annotations
        annotations.ontology = sampleOntology()
        return annotations
    }

    /// Ontology text no export may interpret.
    static let hostileOntologyText: [String] = [
        "<script>alert(1)</script>",
        #""]; x [label="pwn"#,
        "&amp; &lt;",
        "javascript:alert(1)",
        #"back\slash \N \G \E \T \H \L end\"#,
        "ctl\u{7}\u{1B}[31m bidi\u{202E}x",
    ]

    /// Grounding for `hostile()` whose every string is hostile: ids, labels, types, match kinds, sources,
    /// verdicts and evidence. `hostile-0` has an unknown type, `hostile-1` none, `hostile-2` a NaN score.
    static func hostileOntology() -> OntologyAnnotations {
        let texts = hostileOntologyText
        var nodes: [String: NodeConceptAnnotation] = [:]
        for (offset, text) in texts.enumerated() {
            let type: String? = offset == 0 ? "<b>evil</b>" : offset == 1 ? nil : "disease"
            nodes["hostile-\(offset)"] = NodeConceptAnnotation(
                conceptID: text, conceptLabel: "label " + text, type: type,
                score: offset == 2 ? .nan : 0.5, match: text, source: "src " + text)
        }
        var edges: [OntologyAnnotations.EdgeKey: EdgeVerdictAnnotation] = [:]
        let verdicts = ["attested", #""]; x [label="pwn"#, "unattested", "<script>", "plausible", "attested-via-is-a"]
        for offset in 0..<texts.count {
            edges[.init(from: "hostile-\(offset)", to: "hostile-\(offset + 1)")] = EdgeVerdictAnnotation(
                verdict: verdicts[offset % verdicts.count], evidence: texts.map { "evidence " + $0 })
        }
        return OntologyAnnotations(nodes: nodes, edges: edges,
                                   sources: texts.map { "source " + $0 } + [String(repeating: "very-long-source-", count: 40)])
    }

    /// `annotations` plus the hostile grounding.
    static var hostileGroundedAnnotations: DiagramAnnotations {
        var annotations = annotations
        annotations.ontology = hostileOntology()
        return annotations
    }
}
