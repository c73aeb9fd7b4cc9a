import Foundation
import Ontology

/// What `ddx ontology info` and `ddx ontology lookup` print.
public enum OntologyReport {
    /// Counts after a full load, as JSON (sorted keys): concepts, synonyms, relations, xrefs, sources, and more.
    public static func infoJSON(_ loaded: LoadedOntology) throws -> String {
        struct Source: Encodable {
            let name: String, path: String, format: String, version: String?, title: String?, license: String?
            let concepts: Int
        }
        struct Info: Encodable {
            let concepts, obsolete, synonyms, relations, unresolvedRelations, isALinks, xrefs, mergedGroups: Int
            let types: [String: Int]
            let sources: [Source]
            let seconds: Double
        }
        let s = loaded.index.statistics
        var perSource = Array(repeating: 0, count: loaded.index.sources.count)
        for src in loaded.index.sourceOf { perSource[src] += 1 }
        let info = Info(concepts: s.concepts, obsolete: s.obsolete, synonyms: s.synonyms, relations: s.relations,
                        unresolvedRelations: s.unresolvedRelations, isALinks: s.isALinks, xrefs: s.xrefs,
                        mergedGroups: s.mergedGroups, types: s.types,
                        sources: loaded.index.sources.enumerated().map { i, src in
                            Source(name: src.name, path: src.path, format: src.format.rawValue, version: src.version,
                                   title: src.title, license: src.license, concepts: perSource[i])
                        },
                        seconds: (loaded.seconds * 1000).rounded() / 1000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(info), as: UTF8.self) + "\n"
    }

    /// The same counts as readable text.
    public static func infoText(_ loaded: LoadedOntology) -> String {
        let s = loaded.index.statistics
        var perSource = Array(repeating: 0, count: loaded.index.sources.count)
        for src in loaded.index.sourceOf { perSource[src] += 1 }
        var lines: [String] = []
        for (i, src) in loaded.index.sources.enumerated() {
            lines.append("\(src.path): \(src.format.displayName), \(src.name)\(src.version.map { " \($0)" } ?? ""), \(perSource[i]) concepts\(src.license.map { ", licence \($0)" } ?? "")")
        }
        lines.append("concepts \(s.concepts) (\(s.obsolete) obsolete) · synonyms \(s.synonyms) · relations \(s.relations) (\(s.unresolvedRelations) unresolved) · is_a \(s.isALinks) · xrefs \(s.xrefs) · merged groups \(s.mergedGroups)")
        lines.append("types: " + s.types.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        lines.append("loaded and indexed in \(BenchmarkStatistics.format(loaded.seconds, decimals: 2)) s")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Everything the index knows about one concept: names, codes, parents, relations both ways, merged partners.
    public static func describe(_ concept: Int, in index: OntologyIndex) -> String {
        let c = index.concepts[concept]
        func name(_ i: Int) -> String { "\(index.concepts[i].id) \(index.concepts[i].label)" }
        var lines = ["\(c.id)  \(c.label)  [\(index.types[concept]?.rawValue ?? "untyped")]  source \(index.sources[index.sourceOf[concept]].name)\(c.isObsolete ? "  OBSOLETE" : "")"]
        if let d = c.definition { lines.append("  definition: \(d)") }
        if !c.synonyms.isEmpty {
            lines.append("  synonyms: " + c.synonyms.map { s in
                s.text + (s.scope == .exact ? "" : " (\(s.scope.rawValue))") + (s.kind.map { " [\($0)]" } ?? "")
            }.joined(separator: "; "))
        }
        if !c.xrefs.isEmpty { lines.append("  xrefs: " + c.xrefs.map { "\($0.code)\($0.match == .unspecified ? "" : " (\($0.match.rawValue))")" }.joined(separator: ", ")) }
        let group = index.groupOf[concept]
        let partners = index.members[group].filter { $0 != concept }
        if !partners.isEmpty { lines.append("  same concept as: " + partners.map(name).joined(separator: "; ")) }
        let parents = index.parentGroups(of: group).map { name(index.representative(ofGroup: $0)) }
        if !parents.isEmpty { lines.append("  is_a: " + parents.joined(separator: "; ")) }
        let children = index.childGroups(of: group)
        if !children.isEmpty {
            lines.append("  children (\(children.count)): " + children.prefix(12).map { name(index.representative(ofGroup: $0)) }.joined(separator: "; ") + (children.count > 12 ? "; …" : ""))
        }
        for r in index.relations(ofGroup: group).prefix(60) {
            if index.groupOf[r.subject] == group {
                lines.append("  \(r.kind.phrase) → \(name(r.object))\(r.evidence == "derived" ? " (derived)" : "")")
            } else {
                lines.append("  \(r.kind.inversePhrase) → \(name(r.subject))\(r.evidence == "derived" ? " (derived)" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
