import Foundation
import Ontology

/// The forms of a mention worth looking up, each with a confidence factor: the cleaned text, the text without
/// parentheticals, what the parentheses held (an abbreviation such as "MI", or `e.g.` examples), the conjuncts of
/// a coordination ("palmar and plantar pits" → "palmar pits", "plantar pits") and the mention without leading
/// clinical modifiers ("sporadic breast cancer" → "breast cancer").
enum MentionVariants {
    struct Variant: Equatable {
        let text: String
        let factor: Double
    }

    /// Confidence factors of the derived forms.
    enum Factor {
        static let parenthetical = 0.9
        static let example = 0.8
        static let firstConjunct = 0.92
        static let laterConjunct = 0.8
        static let withoutModifiers = 0.9
    }

    /// Leading words that qualify a phenotype or disease without changing which concept it is: HPO files them
    /// under Clinical modifier (HP:0012823: severity, laterality, course) and Mode of inheritance (HP:0000005).
    static let modifiers: Set<String> = [
        "mild", "moderate", "severe", "profound", "bilateral", "unilateral", "sporadic", "familial", "hereditary",
        "inherited", "nonhereditary", "nonfamilial",
    ]

    /// First letters of the modifiers, of "stage" and of "non-".
    static let modifierInitials = Set(modifiers.compactMap(\.utf8.first) + [0x73, 0x6E])

    static func of(_ mention: String) -> [Variant] {
        let cleaned = clean(mention)
        guard !cleaned.isEmpty else { return [] }
        var variants = [Variant(text: cleaned, factor: 1.0)]
        let shape = Shape(cleaned)
        guard shape.hasSpace || shape.hasBracket else { return variants }
        if shape.hasBracket { addParentheticals(of: cleaned, to: &variants) }
        if shape.hasConjunction {
            for v in variants {
                for c in TermCoordination.expand(v.text) {
                    add(c.text, v.factor * (c.position == 0 ? Factor.firstConjunct : Factor.laterConjunct), to: &variants)
                }
            }
        }
        for v in variants {
            if let stripped = withoutModifiers(v.text) { add(stripped, v.factor * Factor.withoutModifiers, to: &variants) }
        }
        return variants
    }

    /// What one pass over the bytes tells: spaces, brackets, a conjunction word (before `TermCoordination`).
    struct Shape {
        var hasSpace = false
        var hasBracket = false
        var hasConjunction = false

        init(_ text: String) {
            var word: UInt32 = 0      // up to four lower-cased ASCII letters of the current word, packed
            var length = 0
            var conjunction = false
            func isConjunction() -> Bool {
                (length == 3 && (word == 0x616E64 || word == 0x6E6F72)) || (length == 2 && word == 0x6F72)
                    || (length == 1 && word == 0x26)          // and, nor, or, &
            }
            var text = text
            text.withUTF8 { buffer in
            for b in buffer {
                switch b {
                case 0x20, 0x2C, 0x2F:
                    if b == 0x20 { hasSpace = true }
                    conjunction = conjunction || isConjunction()
                    word = 0
                    length = 0
                case 0x28, 0x5B:
                    hasBracket = true
                    word = 0
                    length = 0
                default:
                    length += 1
                    if length <= 4 { word = word << 8 | UInt32(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
                }
            }
            }
            hasConjunction = conjunction || isConjunction()
        }
    }

    /// Adds a form, or raises the factor of an existing one.
    private static func add(_ text: String, _ factor: Double, to variants: inout [Variant]) {
        guard text.count >= 2 else { return }
        if let i = variants.firstIndex(where: { $0.text == text }) {
            if variants[i].factor < factor { variants[i] = Variant(text: text, factor: factor) }
        } else {
            variants.append(Variant(text: text, factor: factor))
        }
    }

    /// The text outside parentheses, and each parenthesised abbreviation or example.
    private static func addParentheticals(of cleaned: String, to variants: inout [Variant]) {
        let (outside, inside) = splitParentheticals(cleaned)
        let bare = clean(outside)
        if !bare.isEmpty, bare != cleaned { add(bare, 1.0, to: &variants) }
        for group in inside {
            var text = group
            var isExample = false
            for marker in ["e.g.,", "e.g.", "eg,", "eg.", "i.e.,", "i.e.", "ie,", "such as", "like", "including", "incl."] {
                if text.lowercased().hasPrefix(marker) {
                    text = String(text.dropFirst(marker.count))
                    isExample = true
                    break
                }
            }
            for piece in text.split(separator: ",").flatMap({ $0.components(separatedBy: " or ") }) {
                let candidate = clean(String(piece))
                guard !variants.contains(where: { $0.text == candidate }) else { continue }
                // An example names something narrower than the mention: weaker evidence for the mention itself.
                add(candidate, isExample || inside.count > 1 ? Factor.example : Factor.parenthetical, to: &variants)
            }
        }
    }

    /// `text` without its leading clinical modifiers ("familial or sporadic bilateral", "stage II and III"),
    /// or nil when it has none or nothing else.
    static func withoutModifiers(_ text: String) -> String? {
        // Cheap tests first: the first letter, then the first word, lower-cased, without hyphens.
        guard let initial = text.utf8.first.map({ $0 | 0x20 }), modifierInitials.contains(initial) else { return nil }
        var head: [UInt8] = []
        for b in text.utf8 {
            if b == 0x20 || head.count > 14 { break }
            if b != 0x2D && b != 0x2C { head.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        }
        let first = String(decoding: head, as: UTF8.self)
        guard modifiers.contains(first) || first == "stage" || first.hasPrefix("non") else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var i = 0
        var stripped = false
        while i < words.count - 1 {
            var w = words[i].lowercased().filter { $0 != "-" && $0 != "," }
            if w.hasPrefix("non") && modifiers.contains(String(w.dropFirst(3))) { w = String(w.dropFirst(3)) }
            if modifiers.contains(w) {
                stripped = true
            } else if w == "stage", isStageNumber(words[i + 1]) {
                stripped = true
                i += 1
            } else if stripped && (w == "and" || w == "or" || isStageNumber(words[i])) {
                // "hereditary and nonhereditary", "stage II and III"
            } else {
                break
            }
            i += 1
        }
        guard stripped, i < words.count else { return nil }
        return words[i...].joined(separator: " ")
    }

    private static func isStageNumber(_ word: Substring) -> Bool {
        let w = word.uppercased().filter { $0 != "," }
        return ["0", "I", "II", "III", "IV", "1", "2", "3", "4"].contains(w)
    }

    /// Strips markup (`**`, `__`, backticks), quotes, trailing punctuation and surrounding space.
    static func clean(_ text: String) -> String {
        // Fast path: nothing to strip when the text starts and ends with a letter, digit or bracket.
        func plain(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x29 || b == 0x5D
        }
        var copy = text
        let isPlain = copy.withUTF8 { buffer in
            guard let f = buffer.first, let l = buffer.last, plain(f), plain(l) else { return false }
            return !buffer.contains { $0 == 0x2A || $0 == 0x5F || $0 == 0x60 }
        }
        if isPlain { return text }
        var s = Array(text.unicodeScalars)
        if s.contains(where: { $0 == "*" || $0 == "_" || $0 == "`" }) {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(s.count)
            var i = 0
            while i < s.count {
                let c = s[i]
                if c == "`" { i += 1; continue }
                if (c == "*" || c == "_"), i + 1 < s.count, s[i + 1] == c { i += 2; continue }
                out.append(c)
                i += 1
            }
            s = out
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
        var lo = 0, hi = s.count
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
        while hi > lo, ".:;,!?".unicodeScalars.contains(s[hi - 1]) { hi -= 1 }
        while lo < hi, "\"'“‘-•*".unicodeScalars.contains(s[lo]) { lo += 1 }
        while hi > lo, "\"'”’".unicodeScalars.contains(s[hi - 1]) { hi -= 1 }
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
        if lo == 0 && hi == s.count && s.count == text.unicodeScalars.count { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: s[lo..<hi])
        return String(result)
    }

    /// Text outside top-level parentheses/brackets, and the contents of each.
    static func splitParentheticals(_ text: String) -> (String, [String]) {
        var outside = ""
        var groups: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            if ch == "(" || ch == "[" {
                if depth > 0 { current.append(ch) }
                depth += 1
            } else if (ch == ")" || ch == "]") && depth > 0 {
                depth -= 1
                if depth == 0 {
                    groups.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                } else {
                    current.append(ch)
                }
            } else if depth > 0 {
                current.append(ch)
            } else {
                outside.append(ch)
            }
        }
        return (outside.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "), groups)
    }
}
