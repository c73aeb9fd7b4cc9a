/// Mines the controlled phrasing of Human Disease Ontology definitions for relations.
///
/// DO writes logical facts into its textual definitions, e.g. "A viral infectious disease that results_in infection
/// located_in joint, has_material_basis_in Chikungunya virus, which is transmitted_by Aedes mosquito bite. The
/// infection has_symptom fever, has_symptom arthralgia, and has_symptom rash." Each marker (`has_symptom`,
/// `has_material_basis_in`, `transmitted_by`, `located_in`, `results_in`; also spelled with spaces) is followed by
/// an object phrase, which runs up to the next comma, semicolon, parenthesis, sentence end, conjunction or clause
/// word (" and ", " or ", " which ", " that ", " with ", " caused by ", …) or the next relation word. Leading articles are dropped; phrases longer than eight words are
/// not labels and are skipped.
///
/// The relations point at `label:<phrase>` (the index resolves labels to concepts later) and carry
/// `evidence: "derived"`, `source: "definition"`.
enum DiseaseOntologyDefinitionMiner {
    /// A relation marker: its words (joined in the text by `_` or spaces) and the kind it states.
    private struct Marker {
        let words: [[UInt8]]
        let kind: RelationKind
        init(_ words: [String], _ kind: RelationKind) {
            self.words = words.map { Array($0.utf8) }
            self.kind = kind
        }
    }

    /// Longest first, so `results_in_formation_of` wins over `results_in`.
    private static let markers: [Marker] = [
        Marker(["has", "material", "basis", "in"], .hasMaterialBasisIn),
        Marker(["results", "in", "formation", "of"], .resultsIn),
        Marker(["has", "symptom"], .presentsWith),
        Marker(["transmitted", "by"], .transmittedBy),
        Marker(["located", "in"], .locatedIn),
        Marker(["results", "in"], .resultsIn),
    ]

    /// Words that end an object phrase: conjunctions and the starts of clauses ("… caused by …", "… with …").
    private static let stopWords: [StaticString] = [
        "and", "or", "which", "that", "who", "where", "when", "with", "via", "caused", "resulting", "leading", "due",
    ]

    /// The longest object phrase (in words) still taken as a label.
    static let maximumWords = 8

    /// Whether a concept id is a Disease Ontology id (the only definitions mined).
    static func applies(to id: String) -> Bool { id.hasPrefix("DOID:") }

    /// The relations stated by a definition's phrasing, in text order, without duplicates.
    static func relations(in definition: String) -> [ConceptRelation] {
        let text = Array(definition.utf8)
        var found: [ConceptRelation] = []
        var seen = Set<String>()
        var i = 0
        while i < text.count {
            guard isWordStart(text, i), let (marker, end) = match(text, at: i) else { i += 1; continue }
            let (phrase, next) = objectPhrase(text, from: end)
            i = max(next, end)
            guard let phrase else { continue }
            let target = "label:" + phrase
            if seen.insert(marker.kind.rawValue + "\u{1}" + target).inserted {
                found.append(ConceptRelation(marker.kind, target: target, evidence: "derived", source: "definition"))
            }
        }
        return found
    }

    private static func isWordStart(_ t: [UInt8], _ i: Int) -> Bool {
        i == 0 || t[i - 1] == 0x20 || t[i - 1] == UInt8(ascii: "(") || t[i - 1] == UInt8(ascii: ",")
    }

    private static func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == UInt8(ascii: "_") }

    /// The marker starting at `i` and the index just past it (it must be followed by a space).
    private static func match(_ t: [UInt8], at i: Int) -> (Marker, Int)? {
        for marker in markers {
            var j = i
            var ok = true
            for (n, word) in marker.words.enumerated() {
                if n > 0 {
                    let start = j
                    while j < t.count, isSeparator(t[j]) { j += 1 }
                    if j == start { ok = false; break }
                }
                guard j + word.count <= t.count else { ok = false; break }
                for (k, b) in word.enumerated() where t[j + k] | 0x20 != b { ok = false; break }
                if !ok { break }
                j += word.count
            }
            if ok, j < t.count, t[j] == 0x20 { return (marker, j + 1) }
        }
        return nil
    }

    /// The object phrase starting at `start` (cleaned, or nil when it is not label-like) and where it ends.
    private static func objectPhrase(_ t: [UInt8], from start: Int) -> (String?, Int) {
        var i = start
        while i < t.count, t[i] == 0x20 { i += 1 }
        let begin = i
        var end = t.count
        scan: while i < t.count {
            let b = t[i]
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"):
                end = i; break scan
            case UInt8(ascii: "."):
                // A sentence end, not an abbreviation such as "E. coli".
                let after = i + 1
                if after >= t.count || t[after] != 0x20 || after + 1 >= t.count || !isLowercase(t[after + 1]) {
                    end = i; break scan
                }
            case 0x20:
                let w = i + 1
                if stopWords.contains(where: { startsWord(t, w, $0) }) || match(t, at: w) != nil
                    || wordHasUnderscore(t, w) {
                    end = i; break scan
                }
            default:
                break
            }
            i += 1
        }
        return (clean(t[begin..<end]), end)
    }

    private static func isLowercase(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// Whether `word` (lower case) stands at `i` as a whole word.
    private static func startsWord(_ t: [UInt8], _ i: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= t.count else { return false }
        let w = word.utf8Start
        for k in 0..<n where t[i + k] | 0x20 != w[k] { return false }
        return i + n == t.count || t[i + n] == 0x20 || t[i + n] == UInt8(ascii: ",")
    }

    /// Whether the word at `i` is a relation name written with underscores (e.g. `derives_from`).
    private static func wordHasUnderscore(_ t: [UInt8], _ i: Int) -> Bool {
        var j = i
        while j < t.count, t[j] != 0x20 {
            if t[j] == UInt8(ascii: "_") { return true }
            j += 1
        }
        return false
    }

    /// Trims, drops a leading article and rejects empty or overlong phrases.
    private static func clean(_ bytes: ArraySlice<UInt8>) -> String? {
        var words = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        if let first = words.first, ["a", "an", "the"].contains(first.lowercased()) { words.removeFirst() }
        while let last = words.last, last == "and" || last == "or" { words.removeLast() }
        guard !words.isEmpty, words.count <= maximumWords else { return nil }
        return words.joined(separator: " ")
    }
}
