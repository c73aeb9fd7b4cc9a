import Crypto
import Foundation
import GraphRendering

/// The plain-value Mustache context of the HTML walkthrough (`Templates/walkthrough/walkthrough.mustache`): strings,
/// numbers, booleans, arrays and dictionaries only. Every text from the model or the case goes in as a plain string,
/// which the template prints with `{{…}}` (HTML-escaped); only ddx's own markup — the Graphviz SVG, the style sheet,
/// the script and the embedded JSON (with `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`) — is inserted raw.
public enum WalkthroughContext {
    /// The context for `walkthrough`, with the graph `svg` (nil when the text has no paths), the inline `style` and
    /// `script`, and the Content-Security-Policy that allows exactly those two by SHA-256 hash.
    public static func make(_ w: Walkthrough, svg: String?, style: String, script: String) -> [String: Any] {
        let metadata = w.exploration.metadata
        let total = w.steps.count
        var context: [String: Any] = [
            "title": w.title,
            "caseID": w.caseID,
            "version": metadata.ddxVersion,
            "disclaimer": RunMetadata.disclaimer,
            "stepCount": total,
            "csp": contentSecurityPolicy(style: style, script: script),
            "style": style,
            "script": script,
            "dataJSON": dataJSON(w),
            "hasGraph": svg != nil,
            "svg": svg.map(inlineSVG) ?? "",
            "pathCount": w.pathCount,
            "omittedPaths": w.omittedPaths,
            "hasOmittedPaths": w.omittedPaths > 0,
            "matchingNote": Walkthrough.matchingNote,
            "inputSHA256": metadata.inputSHA256,
            "metadataRows": metadata.rows.map { ["label": $0.label, "value": $0.value] },
        ]
        context["sections"] = WalkthroughStep.Kind.allCases.compactMap { kind -> [String: Any]? in
            guard let start = w.sectionStarts[kind.section] else { return nil }
            return ["number": kind.section, "title": kind.sectionTitle, "start": start]
        }
        context["steps"] = w.steps.map { step(w, $0, total: total) }
        context["legend"] = legend(w)
        return context
    }

    /// The HTML legend of the graph (the SVG is drawn without its own): concept types and hop verdicts present,
    /// and path colours. Colours and dash patterns are ddx's style constants.
    static func legend(_ w: Walkthrough, style: GraphStyle = .default) -> [String: Any] {
        let analysis = w.exploration.analysis
        var types: [[String: Any]] = []
        var verdicts: [[String: Any]] = []
        if let grounding = analysis.grounding {
            let present = Set(grounding.nodes.compactMap { $0.best.map { $0.type?.rawValue ?? "untyped" } })
            for type in GraphStyle.conceptTypes + ["untyped"] where present.contains(type) {
                types.append(["name": type, "color": style.conceptColor(forType: type == "untyped" ? nil : type)])
            }
            if grounding.nodes.contains(where: { $0.best == nil }) {
                types.append(["name": "not linked", "color": style.unlinkedFillColor])
            }
            let seen = Set(grounding.edges.map(\.verification.verdict.rawValue))
            for verdict in GraphStyle.hopVerdicts where seen.contains(verdict) {
                let hop = style.hopStyle(forVerdict: verdict)
                verdicts.append(["name": verdict, "dash": hop.dashArray ?? "none",
                                 "width": String(format: "%.1f", 1.6 * hop.penWidthFactor),
                                 "opacity": String(format: "%.2f", hop.opacity)])
            }
        }
        let paths = (1...max(1, min(analysis.graph.paths.count, 12))).map { ["label": "P\($0)", "color": style.pathColor($0)] }
        return ["types": types, "hasTypes": !types.isEmpty, "verdicts": verdicts, "hasVerdicts": !verdicts.isEmpty,
                "paths": analysis.graph.paths.isEmpty ? [] : paths]
    }

    /// `default-src 'none'`, with the inline style and script allowed by their SHA-256 hashes only.
    public static func contentSecurityPolicy(style: String, script: String) -> String {
        "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'"
    }

    /// `sha256-<base64>` of the UTF-8 bytes of `text`, as CSP writes it.
    public static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    /// The SVG from its root element on (no XML prolog, doctype or comments before it).
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// The JSON the script reads: per step, the SVG ids of the revealed and current nodes and hops; the first step of
    /// each section; the run metadata. Safe inside `<script type="application/json">`.
    static func dataJSON(_ w: Walkthrough) -> String {
        func ids(_ nodes: [String]) -> [String] { nodes.map(DiagramElementID.node) }
        func ids(_ edges: [WalkthroughStep.Edge]) -> [String] { edges.map { DiagramElementID.edge(from: $0.from, to: $0.to) } }
        let steps: [[String: Any]] = w.steps.map { s in
            ["n": s.number, "kind": s.kind.rawValue, "section": s.kind.section, "nodes": ids(s.revealedNodes),
             "edges": ids(s.revealedEdges), "currentNodes": ids(s.currentNodes), "currentEdges": ids(s.currentEdges)]
        }
        let sections = Dictionary(uniqueKeysWithValues: w.sectionStarts.map { (String($0.key), $0.value) })
        let body: [String: Any] = ["steps": steps, "sections": sections]
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var json = String(decoding: data, as: UTF8.self)
        json.removeLast()   // the closing brace; the metadata object goes in as it is
        json += (json.hasSuffix("{") ? "" : ",") + "\"metadata\":" + w.exploration.metadata.json() + "}"
        return escapeForScript(json)
    }

    /// JSON text made safe inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes (they can
    /// only occur inside JSON strings, where the escapes mean the same characters).
    public static func escapeForScript(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func step(_ w: Walkthrough, _ s: WalkthroughStep, total: Int) -> [String: Any] {
        var d: [String: Any] = [
            "number": s.number, "anchor": "step-\(s.number)", "kind": s.kind.rawValue, "section": s.kind.section,
            "sectionTitle": s.kind.sectionTitle, "title": s.title, "stepCount": total,
            "isCase": s.kind == .caseStem, "isHop": s.kind == .hop, "isConclusion": s.kind == .conclusion,
            "isReference": s.kind == .reference,
        ]
        switch s.kind {
        case .caseStem:
            d["vignette"] = w.vignette
            d["hasVignette"] = !w.vignette.isEmpty
            d["question"] = w.question
            d["hasOptions"] = !w.options.isEmpty
            d["options"] = w.options.map { ["letter": $0.letter, "text": $0.text] }
        case .hop:
            if let hop = s.hop { d["hop"] = WalkthroughContext.hop(hop) }
        case .conclusion:
            d["conclusion"] = w.conclusion ?? ""
            d["hasConclusion"] = w.conclusion != nil
            d["finalAnswer"] = w.finalAnswer ?? ""
            d["hasFinalAnswer"] = w.finalAnswer != nil
            d["noPaths"] = w.pathCount == 0
            d["pathCount"] = w.pathCount
            if let summary = w.exploration.analysis.grounding?.summary {
                d["groundingSummary"] = GroundingText.summaryLine(summary)
            }
            d["hasGroundingSummary"] = w.exploration.analysis.grounding != nil
        case .reference:
            d["answer"] = w.referenceAnswer
            d["hasAnswer"] = !w.referenceAnswer.isEmpty
            d["teachingPoints"] = w.teachingPoints.map { ["text": $0] }
            d["hasTeachingPoints"] = !w.teachingPoints.isEmpty
            d["caseSource"] = w.caseSource ?? ""
            d["hasCaseSource"] = w.caseSource != nil
            if let check = w.optionCheck {
                d["optionCheck"] = ["summary": check.summary, "agrees": check.agrees,
                                    "verdictClass": check.agrees ? "agrees" : "differs",
                                    "label": check.agrees ? "names the reference" : "differs"]
            }
        }
        return d
    }

    private static func hop(_ hop: WalkthroughHop) -> [String: Any] {
        func end(_ e: WalkthroughHop.End, role: String) -> [String: Any] {
            [
                "label": e.label, "role": role, "qualifiers": e.qualifiers.joined(separator: "; "),
                "hasQualifiers": !e.qualifiers.isEmpty, "hasConcepts": !e.concepts.isEmpty,
                "concepts": e.concepts.prefix(1).map { c in
                    ["id": c.id, "label": c.label, "type": c.type ?? "untyped", "match": c.match,
                     "score": String(format: "%.2f", c.score), "source": c.source] as [String: Any]
                },
                "others": e.concepts.dropFirst().map { "\($0.id) \(String(format: "%.2f", $0.score))" }.joined(separator: ", "),
                "hasOthers": e.concepts.count > 1,
            ]
        }
        var ends = [end(hop.from, role: "from")]
        if let to = hop.to { ends.append(end(to, role: "to")) }
        return [
            "pathLabel": hop.pathLabel, "path": hop.path, "position": hop.position, "count": hop.count,
            "fromLabel": hop.from.label, "toLabel": hop.to?.label ?? "", "hasTo": hop.to != nil,
            "verdict": hop.verdict ?? "not checked", "hasVerdict": hop.verdict != nil,
            "verdictClass": DiagramElementID.component(hop.verdict ?? "none"),
            "verdictMeaning": hop.verdictMeaning,
            "evidence": hop.evidence.map { ["text": $0] }, "hasEvidence": !hop.evidence.isEmpty,
            "relations": hop.relations.joined(separator: "; "), "hasRelations": !hop.relations.isEmpty,
            "elided": hop.elided,
            "alsoInPaths": hop.alsoInPaths.map { "\($0)" }.joined(separator: ", "), "hasAlsoInPaths": !hop.alsoInPaths.isEmpty,
            "ends": ends,
            "reasoning": hop.reasoning.map { m in
                ["line": m.line, "text": m.text, "mentions": m.mentions.joined(separator: " · "), "both": m.mentionsBoth] as [String: Any]
            },
            "hasReasoning": !hop.reasoning.isEmpty,
            "chain": hop.chain.enumerated().map { i, label in
                ["label": label, "on": hop.to == nil ? i == 0 : (i == hop.position - 1 || i == hop.position),
                 "arrow": i > 0] as [String: Any]
            },
        ]
    }
}
