/// Whether a model's final answer agrees with a gold answer. Deliberately simple, and documented in every report:
///
/// - Texts are compared normalised: lower case, everything but letters and digits turned into spaces, spaces
///   collapsed (`"Nifedipine."` = `"nifedipine"`).
/// - A gold option letter (`B`, `B.`, `(B)`, `B. Nifedipine`) agrees when the answer names that letter (at its
///   start, `Answer: B`, `the answer is (B)`, `option B`); when the answer names no letter, when it contains that
///   option's text (from the options field, or the text after the gold letter) and no other option's text.
/// - A gold text agrees when the answer names a letter whose option text equals it, or when the normalised answer
///   equals it or contains it as whole words (and, with options, contains no other option's text).
public enum BatchAnswerMatch {
    /// Letters accepted as option letters.
    static let letters: Set<Character> = Set("ABCDEFGHIJ")

    /// `text` lower-cased, with every run of characters other than letters and digits turned into one space.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in text.unicodeScalars {
            let keep: Bool
            if u.isASCII {
                let v = u.value
                keep = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                keep = u.properties.isAlphabetic || u.properties.numericType != nil
            }
            if keep {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                if u.isASCII, u.value >= 0x41, u.value <= 0x5A {
                    out.append(Unicode.Scalar(u.value + 0x20)!)
                } else if u.isASCII {
                    out.append(u)
                } else {
                    out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
                }
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// Whether `answer` agrees with `gold` (see the type's documentation); false when either is empty.
    public static func agrees(answer: String?, gold: String, options: [BatchOption]) -> Bool {
        guard let answer else { return false }
        let a = normalize(answer)
        let goldText = gold.trimmingSpaces
        guard !a.isEmpty, !normalize(goldText).isEmpty else { return false }
        let chosen = chosenLetter(in: answer)
        func option(_ letter: String) -> BatchOption? { options.first { $0.letter == letter } }
        if let (letter, rest) = leadingLetter(goldText) {
            if let chosen { return chosen == letter }
            guard let text = option(letter)?.text ?? (rest.isEmpty ? nil : rest) else { return false }
            return mentionsOnly(normalize(text), in: a, options: options)
        }
        let g = normalize(goldText)
        if let chosen, let picked = option(chosen) { return normalize(picked.text) == g }
        return a == g || mentionsOnly(g, in: a, options: options)
    }

    /// True when `needle` occurs in `haystack` as whole words and no option text other than `needle` (and not
    /// itself part of `needle`) does.
    static func mentionsOnly(_ needle: String, in haystack: String, options: [BatchOption]) -> Bool {
        guard !needle.isEmpty, containsWords(haystack, needle) else { return false }
        for o in options {
            let t = normalize(o.text)
            if t.isEmpty || t == needle || containsWords(needle, t) { continue }
            if containsWords(haystack, t) { return false }
        }
        return true
    }

    /// Whether the normalised `needle` is a run of whole words of the normalised `haystack`.
    static func containsWords(_ haystack: String, _ needle: String) -> Bool {
        (" " + haystack + " ").contains(" " + needle + " ")
    }

    /// An option letter at the start of `text` (after spaces and `*`/`_`/`#` markup): `A`, `A.`, `A)`, `(A)`,
    /// `A:`, `**A**` — with the rest of the text (markup and spaces trimmed). Nil when `text` does not start that way;
    /// a bare letter followed by more words (`A calcium channel blocker`, `I think`) does not count.
    static func leadingLetter(_ text: String) -> (String, String)? {
        var chars = Substring(text)
        func dropMarkup() {
            while let c = chars.first, c.isWhitespace || c == "*" || c == "_" || c == "#" { chars.removeFirst() }
        }
        dropMarkup()
        var parenthesised = false
        if chars.first == "(" || chars.first == "[" { parenthesised = true; chars.removeFirst() }
        guard let letter = chars.first, letters.contains(letter) else { return nil }
        chars.removeFirst()
        if parenthesised {
            guard chars.first == ")" || chars.first == "]" else { return nil }
            chars.removeFirst()
        } else if let next = chars.first {
            if next == "." || next == ")" || next == ":" {
                chars.removeFirst()
                if let after = chars.first, !(after.isWhitespace || after == "*" || after == "_") { return nil }
            } else if next == "*" || next == "_" {
                // `**B**`: the letter in bold.
            } else if next.isWhitespace {
                // A bare letter then a word is an article or a pronoun ("A calcium channel blocker", "I think").
                if chars.contains(where: { !($0.isWhitespace || $0 == "*" || $0 == "_") }) { return nil }
            } else {
                return nil
            }
        }
        dropMarkup()
        var rest = String(chars)
        while let c = rest.last, c.isWhitespace || c == "*" || c == "_" { rest.removeLast() }
        return (String(letter), rest)
    }

    /// The option letter an answer names: at its start, or right after `answer is`, `answer:`, `answer would be`,
    /// `option` or `choice` (any case), e.g. `The correct answer is **(B)**`. Nil when it names none.
    public static func chosenLetter(in answer: String) -> String? {
        if let (letter, _) = leadingLetter(answer) { return letter }
        let original = Array(answer.unicodeScalars)
        let lower = original.map { u in u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 0x20)! : u }
        var i = 0
        while i < lower.count {
            for cue in cueScalars where lower[i] == cue[0] && i + cue.count <= lower.count
                && lower[i..<(i + cue.count)].elementsEqual(cue) {
                var j = i + cue.count
                while j < original.count, original[j] == " " || original[j] == "*" || original[j] == ":"
                        || original[j] == "(" || original[j] == "[" || original[j] == "_" { j += 1 }
                guard j < original.count, original[j].value >= 0x41, original[j].value <= 0x4A else { continue }
                if j + 1 < original.count {
                    let after = original[j + 1].properties
                    if after.isAlphabetic || after.numericType != nil { continue }
                }
                return String(Character(original[j]))
            }
            i += 1
        }
        return nil
    }

    static let cueScalars = ["answer is", "answer:", "answer would be", "option", "choice"].map { Array($0.unicodeScalars) }
}
