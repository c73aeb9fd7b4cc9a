/// Ontology grounding prepared for display, shared by the Graphviz, legend and Mermaid writers.
///
/// Concept types and verdicts arrive as strings from elsewhere; they are mapped onto ddx's own fixed
/// vocabularies (`GraphStyle.conceptTypes`, `GraphStyle.hopVerdicts`) before anything ddx-generated
/// (legend rows, Mermaid class names and comments) uses them. Concept ids, labels, match kinds, evidence
/// lines and source names are untrusted text: made single-line and capped here, escaped by each writer.
struct GroundingLook {
    /// What a node is, for colouring and the legend.
    enum ConceptKind: Hashable {
        /// Linked to a concept of this type (a key of `GraphStyle.conceptTypeColors`).
        case type(String)
        /// Linked to a concept whose type is unknown or not coloured by the style.
        case untyped
        /// Not linked to any concept.
        case unlinked
    }

    /// Longest concept id shown in a node.
    static let maxConceptIDLength = 40
    /// Longest source name shown in the legend or a footer.
    static let maxSourceNameLength = 60
    /// Most source names listed in the legend or a footer (the rest are counted).
    static let maxListedSources = 6
    /// Most evidence lines in a hop tooltip (the rest are counted).
    static let maxEvidenceLines = 12
    /// Longest evidence line, concept label or other ontology text in a tooltip.
    static let maxTooltipTextLength = 300

    /// The annotations being drawn.
    let ontology: OntologyAnnotations
    /// Colours and hop looks.
    let style: GraphStyle

    // MARK: Nodes

    /// The concept linked to node `id`, if any.
    func concept(for id: String) -> NodeConceptAnnotation? {
        ontology.nodes[id]
    }

    /// The kind of node `id`.
    func kind(for id: String) -> ConceptKind {
        guard let concept = ontology.nodes[id] else { return .unlinked }
        return Self.kind(of: concept, style: style)
    }

    /// The kind of a linked concept: its type when the style colours it, else `.untyped`.
    static func kind(of concept: NodeConceptAnnotation, style: GraphStyle) -> ConceptKind {
        guard let type = concept.type, style.conceptTypeColors[type] != nil else { return .untyped }
        return .type(type)
    }

    /// The node fill of a kind.
    static func fillColor(_ kind: ConceptKind, style: GraphStyle) -> String {
        switch kind {
        case .type(let type): style.conceptColor(forType: type)
        case .untyped: style.untypedConceptColor
        case .unlinked: style.unlinkedFillColor
        }
    }

    /// The kinds present among `nodeIDs`, in legend order (`conceptTypes` order, other styled types sorted,
    /// then untyped, then unlinked).
    func kindsPresent(nodeIDs: [String]) -> [ConceptKind] {
        let present = Set(nodeIDs.map(kind(for:)))
        let known = GraphStyle.conceptTypes.filter { style.conceptTypeColors[$0] != nil }
        let extra = style.conceptTypeColors.keys.filter { !GraphStyle.conceptTypes.contains($0) }.sorted()
        return (known + extra).map(ConceptKind.type).filter(present.contains)
            + [ConceptKind.untyped, .unlinked].filter(present.contains)
    }

    /// The concept id as shown under a node's name: one line, capped, `(no id)` when empty.
    static func conceptIDText(_ concept: NodeConceptAnnotation) -> String {
        let text = LabelText.truncated(LabelText.singleLine(concept.conceptID), limit: maxConceptIDLength)
        return text.isEmpty ? "(no id)" : text
    }

    /// The tooltip line of a node: `Concept: label (type) · id · match score · source`, or a note when unlinked.
    static func tooltipLine(_ concept: NodeConceptAnnotation?) -> String {
        guard let concept else { return "Concept: not linked to the loaded ontology" }
        let label = capped(concept.conceptLabel)
        let type = concept.type.map { capped($0, limit: 40) }.flatMap { $0.isEmpty ? nil : $0 } ?? "type unknown"
        let id = capped(concept.conceptID, limit: 200)
        let match = capped(concept.match, limit: 40)
        let source = capped(concept.source, limit: 100)
        let parts = ["\(label.isEmpty ? "(no label)" : label) (\(type))", id.isEmpty ? "(no id)" : id,
                     "\(match.isEmpty ? "match" : match) \(scoreText(concept.score))", source.isEmpty ? "(no source)" : source]
        return "Concept: " + parts.joined(separator: " · ")
    }

    /// A score in 0...1 with two decimals (`0.97`); out-of-range values are clamped, NaN shows as `0.00`.
    static func scoreText(_ score: Double) -> String {
        let clamped = score.isNaN ? 0 : min(max(score, 0), 1)
        let hundredths = Int((clamped * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    // MARK: Hops

    /// The verdict of hop `from`→`to` as one of `GraphStyle.hopVerdicts`; missing or unknown is `ungrounded`.
    func verdict(from: String, to: String) -> String {
        Self.normalizedVerdict(ontology.edges[OntologyAnnotations.EdgeKey(from: from, to: to)]?.verdict)
    }

    /// `raw` when it is one of `GraphStyle.hopVerdicts`, else `ungrounded`.
    static func normalizedVerdict(_ raw: String?) -> String {
        guard let raw, GraphStyle.hopVerdicts.contains(raw) else { return "ungrounded" }
        return raw
    }

    /// Tooltip lines of a hop: the verdict, then the evidence (one line each, capped).
    func tooltipLines(from: String, to: String) -> [String] {
        let annotation = ontology.edges[OntologyAnnotations.EdgeKey(from: from, to: to)]
        let verdict = Self.normalizedVerdict(annotation?.verdict)
        var lines: [String]
        if let annotation {
            lines = ["Ontology: " + verdict]
            if annotation.verdict != verdict {
                lines[0] += " (reported as \u{201C}\(Self.capped(annotation.verdict, limit: 60))\u{201D})"
            }
        } else {
            lines = ["Ontology: " + verdict + " (no verdict for this hop)"]
        }
        let evidence = (annotation?.evidence ?? []).map { Self.capped($0) }.filter { !$0.isEmpty }
        for line in evidence.prefix(Self.maxEvidenceLines) { lines.append("Evidence: " + line) }
        if evidence.count > Self.maxEvidenceLines {
            lines.append("… and \(evidence.count - Self.maxEvidenceLines) more evidence lines")
        }
        return lines
    }

    /// The verdicts present among `edges`, in `GraphStyle.hopVerdicts` order.
    func verdictsPresent(edges: [(from: String, to: String)]) -> [String] {
        let present = Set(edges.map { verdict(from: $0.from, to: $0.to) })
        return GraphStyle.hopVerdicts.filter(present.contains)
    }

    /// `color` with `opacity` applied as an alpha byte when it is `#RRGGBB` and the opacity is below 1.
    static func color(_ color: String, opacity: Double) -> String {
        guard opacity < 1, color.hasPrefix("#"), color.utf8.count == 7,
              color.dropFirst().allSatisfy(\.isHexDigit) else { return color }
        let alpha = Int((max(opacity, 0) * 255).rounded())
        let digits = Array("0123456789ABCDEF")
        return color + String([digits[alpha / 16], digits[alpha % 16]])
    }

    // MARK: Sources and the fixed note

    /// The loaded source names for display: one line each, capped, duplicates and empties dropped, at most
    /// `maxListedSources` listed and the rest counted; `no source names` when there are none.
    static func sourcesText(_ sources: [String]) -> String {
        var seen = Set<String>()
        let names = sources.map { LabelText.truncated(LabelText.singleLine($0), limit: maxSourceNameLength) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !names.isEmpty else { return "no source names" }
        var text = names.prefix(maxListedSources).joined(separator: ", ")
        if names.count > maxListedSources { text += ", +\(names.count - maxListedSources) more" }
        return text
    }

    /// The fixed sentence every ontology-annotated export carries.
    static func note(sources: [String]) -> String {
        "attested = found in the loaded ontology (\(sourcesText(sources))), not a judgement of correctness"
    }

    /// Untrusted text as one line, capped.
    static func capped(_ text: String, limit: Int = maxTooltipTextLength) -> String {
        LabelText.truncated(LabelText.singleLine(text), limit: limit)
    }
}
