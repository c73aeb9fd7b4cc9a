import Grounding

/// Writes linking results as JSON lines (`ddx link --batch … --format jsonl`) or readable text.
public enum LinkResultWriter {
    /// One JSON object: `{"mention": …, "candidates": [{"id", "label", "type", "score", "match", "xrefs"}, …]}`.
    public static func jsonLine(mention: String, candidates: [ConceptLink]) -> String {
        var out = "{\"mention\":" + JSONText.string(mention) + ",\"candidates\":["
        for (i, c) in candidates.enumerated() {
            if i > 0 { out += "," }
            out += "{\"id\":" + JSONText.string(c.id)
            out += ",\"label\":" + JSONText.string(c.label)
            out += ",\"type\":" + (c.type.map { JSONText.string($0.rawValue) } ?? "null")
            out += ",\"score\":" + JSONText.number(c.score)
            out += ",\"match\":" + JSONText.string(c.match.rawValue)
            out += ",\"source\":" + JSONText.string(c.source)
            out += ",\"xrefs\":[" + c.xrefs.map(JSONText.string).joined(separator: ",") + "]}"
        }
        return out + "]}"
    }

    /// Readable lines: the mention, then one ranked candidate per line, or a note that nothing was linked.
    public static func text(mention: String, candidates: [ConceptLink], threshold: Double) -> String {
        guard !candidates.isEmpty else {
            return "\(mention)\n  not linked: no concept scored ≥ \(JSONText.number(threshold)) (the mention is left ungrounded)\n"
        }
        var out = "\(mention)\n"
        for (i, c) in candidates.enumerated() {
            let type = c.type?.rawValue ?? "untyped"
            out += "  \(i + 1). \(c.id)  \(c.label)  [\(type)]  score \(JSONText.number(c.score)) \(c.match.rawValue)"
            if c.matchedTerm.lowercased() != c.label.lowercased() { out += " via \"\(c.matchedTerm)\"" }
            out += "  (\(c.source))\n"
            if !c.xrefs.isEmpty { out += "     xrefs: \(c.xrefs.prefix(8).joined(separator: ", "))\n" }
        }
        return out
    }
}
