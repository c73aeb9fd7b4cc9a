import Foundation
import ReasoningPaths

/// Serialises parse results: the JSON output contract and a human-readable text listing.
public enum ParseReportFormatter {
    /// Pretty JSON with sorted keys: the same input always gives the same bytes.
    public static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return [UInt8](data)
    }

    /// A listing for people: format, sections, paths with their steps, plan edges, warnings, final answer.
    public static func text(_ p: ParsedReasoning, sourceName: String) -> String {
        var out = "\(sourceName): format \(p.format.rawValue), \(p.lineCount) lines, \(p.paths.count) path\(p.paths.count == 1 ? "" : "s")"
        if !p.planEdges.isEmpty { out += ", \(p.planEdges.count) plan edge\(p.planEdges.count == 1 ? "" : "s")" }
        out += ", \(p.warnings.count) warning\(p.warnings.count == 1 ? "" : "s")\n"
        if !p.sections.isEmpty {
            out += "\nSections:\n"
            for s in p.sections {
                out += "  \(String(repeating: "  ", count: s.depth))\(s.kind.rawValue) \"\(s.title)\" lines \(s.startLine)-\(s.endLine)\n"
            }
        }
        if !p.paths.isEmpty {
            out += "\nPaths:\n"
            for (i, path) in p.paths.enumerated() {
                let num = path.number.map { "\($0)." } ?? "-"
                let label = path.label.map { " [\($0)]" } ?? ""
                out += "  P\(i + 1) \(num)\(label) line \(path.line), \(path.kind.rawValue)\n"
                for (s, step) in path.steps.enumerated() {
                    var hop = ""
                    if s > 0 {
                        let rel = path.relations[s - 1].map { " \($0) " } ?? ""
                        hop = path.elided[s - 1] ? "  …→\(rel)" : "  →\(rel)"
                    } else { hop = "   " }
                    let q = step.qualifier.map { "  (\($0))" } ?? ""
                    out += "    \(hop) \(step.name)\(q)\n"
                }
                if let note = path.note { out += "       note: \(note)\n" }
            }
        }
        if !p.planEdges.isEmpty {
            out += "\nPlan:\n"
            for e in p.planEdges {
                let deps = e.dependencies.isEmpty ? "" : "  after \(e.dependencies.map(String.init).joined(separator: ", "))"
                if let to = e.to {
                    out += "  step \(e.step): \(e.from.map(\.name).joined(separator: " + ")) → \(to.name)\(deps)\n"
                } else {
                    out += "  step \(e.step): \(e.text)\(deps)\n"
                }
            }
        }
        if let c = p.conclusion { out += "\nConclusion:\n  \(c.replacingOccurrences(of: "\n", with: "\n  "))\n" }
        if let a = p.finalAnswer { out += "\nFinal answer:\n  \(a.replacingOccurrences(of: "\n", with: "\n  "))\n" }
        if !p.warnings.isEmpty {
            out += "\nWarnings:\n"
            for w in p.warnings { out += "  line \(w.line): \(w.message)\n" }
        }
        return out
    }
}
