/// Expands coordinated mentions whose conjuncts share a head or a modifier by ellipsis:
/// "palmar and plantar pits" → "palmar pits", "plantar pits"; "breast and ovarian cancer" → "breast cancer",
/// "ovarian cancer"; "pancreatic cysts and tumors" → "pancreatic cysts", "pancreatic tumors".
///
/// ```swift
/// TermCoordination.expand("branchial, otic and renal anomalies").first?.text   // "branchial anomalies"
/// ```
public enum TermCoordination {
    /// One completed conjunct.
    public struct Conjunct: Sendable, Equatable {
        /// The conjunct with the shared words restored.
        public var text: String
        /// Its position in the coordination, from 0.
        public var position: Int
    }

    /// Words that join conjuncts.
    static let conjunctions: Set<String> = ["and", "or", "and/or", "&", "nor"]

    /// The conjuncts of `text` completed with the shared head (the last conjunct's trailing words) or the shared
    /// modifier (the first conjunct's leading words), first conjunct first, without duplicates; empty when
    /// `text` is not a coordination.
    public static func expand(_ text: String) -> [Conjunct] {
        var conjuncts: [[Substring]] = [[]]
        var joined = false
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = piece
            var endsConjunct = false
            if word.last == "," { word = word.dropLast(); endsConjunct = true }
            if conjunctions.contains(word.lowercased()) {
                joined = true
                if !conjuncts[conjuncts.count - 1].isEmpty { conjuncts.append([]) }
                continue
            }
            if !word.isEmpty { conjuncts[conjuncts.count - 1].append(word) }
            if endsConjunct && !conjuncts[conjuncts.count - 1].isEmpty { conjuncts.append([]) }
        }
        conjuncts.removeAll { $0.isEmpty }
        // Commas alone are an inverted term ("Pain, chest") or an apposition, not a coordination.
        guard joined, conjuncts.count >= 2, conjuncts.count <= 8 else { return [] }
        let first = conjuncts[0], last = conjuncts[conjuncts.count - 1]
        var out: [Conjunct] = []
        var i = 0
        func emit(_ words: some Sequence<Substring>) {
            let s = words.joined(separator: " ")
            if !s.isEmpty, s != text, !out.contains(where: { $0.text == s }) { out.append(Conjunct(text: s, position: i)) }
        }
        for (index, c) in conjuncts.enumerated() {
            i = index
            if i < conjuncts.count - 1 {
                // Shared head: "palmar" + "pits" from "plantar pits"; the longest head first ("posterior
                // subcapsular" + "cataract" from "capsular cataract").
                if last.count > 1 {
                    for k in stride(from: min(last.count - 1, 3), through: 1, by: -1) { emit(c + last.suffix(k)) }
                }
                if c.count > 1 { emit(c) }
            } else {
                emit(c)
            }
            if i > 0, first.count > 1 {
                // Shared modifier: "pancreatic" + "tumors" from "pancreatic cysts".
                for k in 1...min(first.count - 1, 2) { emit(first.prefix(k) + c) }
            }
        }
        return out
    }
}
