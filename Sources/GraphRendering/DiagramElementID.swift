import ReasoningPaths

/// The SVG ids and classes every drawn node and hop carries, so a page (the `ddx explore` report, a walkthrough)
/// can address them:
///
/// - node: `id="node-<GraphNode.id>"`, `class="node ddx-node role-<role> [kind-<concept type>|kind-untyped|kind-unlinked]"`;
/// - hop: `id="edge-<from id>--<to id>"`, `class="edge ddx-edge [verdict-<verdict>] [elided]"`;
/// - in a comparison (`ddx compare`) both also get `prov-only-a`, `prov-only-b` or `prov-both`;
/// - legend: `id="ddx-legend"`, `class="node ddx-legend"`.
///
/// (`node` / `edge` is Graphviz's own class.) Ids made by the parser (`chest-pain`, `n-1a2b3c4d`) are used as they
/// are. Any other character is written as `_hh` (its UTF-8 bytes in lower-case hex, `_` itself becoming `_5f`), and
/// so is a dash at either end or followed by another dash, so an id part never contains `--` nor starts or ends with
/// `-`, and `edge-a--b` always splits into its two ends at its only `--`. The result matches `[A-Za-z0-9_-]+`: safe in HTML and SVG ids, CSS selectors and URLs.
///
/// ```swift
/// DiagramElementID.node("chest-pain")                       // "node-chest-pain"
/// DiagramElementID.edge(from: "chest-pain", to: "stemi")    // "edge-chest-pain--stemi"
/// ```
public enum DiagramElementID {
    /// The SVG id of the node with graph id `id`.
    public static func node(_ id: String) -> String {
        "node-" + component(id)
    }

    /// The SVG id of the hop `from` → `to` (graph ids).
    public static func edge(from: String, to: String) -> String {
        "edge-" + component(from) + "--" + component(to)
    }

    /// The SVG id of the legend.
    public static let legend = "ddx-legend"

    /// `id` with every character outside `[A-Za-z0-9-]`, and every dash at an end or before another dash, written
    /// as `_hh`.
    public static func component(_ id: String) -> String {
        if id.isEmpty { return "_" }
        let bytes = Array(id.utf8)
        var out = ""
        out.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() {
            if Self.isAlphanumeric(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "-"), i > 0, i < bytes.count - 1, bytes[i + 1] != UInt8(ascii: "-") {
                out.append("-")
            } else {
                out += "_" + hex(byte)
            }
        }
        return out
    }

    /// The class list of a node (`ddx-node role-finding kind-disease`); `kind` is nil without grounding.
    static func nodeClass(role: NodeRole, kind: GroundingLook.ConceptKind?, provenance: Provenance? = nil) -> String {
        var classes = ["ddx-node", "role-" + token(role.rawValue)]
        switch kind {
        case .type(let type)?: classes.append("kind-" + token(type))
        case .untyped?: classes.append("kind-untyped")
        case .unlinked?: classes.append("kind-unlinked")
        case nil: break
        }
        if let provenance { classes.append("prov-" + provenance.rawValue) }
        return classes.joined(separator: " ")
    }

    /// The class list of a hop (`ddx-edge verdict-attested elided`); `verdict` is nil without grounding.
    static func edgeClass(verdict: String?, elided: Bool, provenance: Provenance? = nil) -> String {
        var classes = ["ddx-edge"]
        if let verdict { classes.append("verdict-" + token(verdict)) }
        if elided { classes.append("elided") }
        if let provenance { classes.append("prov-" + provenance.rawValue) }
        return classes.joined(separator: " ")
    }

    /// A class-name token: lower-case ASCII letters, digits and `-` only (others become `-`); `x` when empty.
    static func token(_ text: String) -> String {
        let mapped = String(text.lowercased().unicodeScalars.map { scalar -> Character in
            let v = scalar.value
            return (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || v == 0x2D ? Character(scalar) : "-"
        })
        return mapped.isEmpty ? "x" : mapped
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
