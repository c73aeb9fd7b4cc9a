import Foundation

/// Gold mentions of an entity-linking corpus: the mention text and the acceptable concept ids (CURIEs).
public struct LinkingGold: Sendable {
    /// One gold mention.
    public struct Mention: Sendable {
        public var text: String
        /// Acceptable ids; a composite mention (`D1|D2`, `D1+D2`) lists all its parts.
        public var ids: [String]
    }

    /// The corpus format.
    public enum Format: String, Sendable, CaseIterable {
        /// GSC+ (PhenoTagger packaging): PMID line, abstract line, then `start\tend\tmention\tHP:id` lines.
        case gsc
        /// PubTator (NCBI disease, BC5CDR): `PMID\tstart\tend\tmention\ttype\tid` annotation lines.
        case pubtator
    }

    public var mentions: [Mention]
    public var format: Format

    /// Reads a gold file, detecting the format unless given.
    public static func read(path: String, format: Format? = nil) throws -> LinkingGold {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): cannot read the gold file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let detected = format ?? (lines.contains { $0.contains("|t|") || $0.contains("|a|") } ? .pubtator : .gsc)
        var mentions: [Mention] = []
        for (n, line) in lines.enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch detected {
            case .gsc:
                guard fields.count >= 4, Int(fields[0]) != nil, Int(fields[1]) != nil else { continue }
                let ids = fields[3].split(whereSeparator: { $0 == "|" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
                mentions.append(Mention(text: String(fields[2]), ids: ids.filter { !$0.isEmpty }))
            case .pubtator:
                guard fields.count >= 6, Int(fields[1]) != nil else { continue }
                let raw = fields[5].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !raw.isEmpty, raw != "-1" else { continue }
                let ids = raw.split(whereSeparator: { $0 == "|" || $0 == "+" }).map { part -> String in
                    let p = part.trimmingCharacters(in: .whitespaces)
                    if p.contains(":") { return p.hasPrefix("MESH:") ? p : p.uppercased().hasPrefix("OMIM") ? "OMIM:" + p.split(separator: ":")[1] : p }
                    return "MESH:" + p
                }
                mentions.append(Mention(text: String(fields[3]), ids: ids))
            }
            _ = n
        }
        guard !mentions.isEmpty else {
            throw InputError("\(path): no gold mentions found (expected \(detected == .gsc ? "GSC+ start<TAB>end<TAB>mention<TAB>HP:id lines" : "PubTator annotation lines"))")
        }
        return LinkingGold(mentions: mentions, format: detected)
    }
}
