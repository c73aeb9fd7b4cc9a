import Foundation
import Grounding
import ReasoningPaths

/// Finds the sentences of a model's reasoning prose that talk about a hop's two ends, so a walkthrough can show
/// "what the model said about this step" next to each hop. Deliberately simple and documented in the walkthrough:
///
/// - **Prose**: the lines of the `Reasoning Process` sections and the free text of `Thinking`/`Execution` sections
///   (nested path lists, conclusions and final answers excluded); a text with none of those sections uses every line
///   outside its path list and final sections. Path-list lines never count (unless the paths were mined from prose).
///   Lines are split into sentences at `.`/`?`/`!` followed by a space (not after `e.g.`, `i.e.`, `vs.`, `Dr.` or a
///   single letter).
/// - **Normalisation**: lower case, accents removed, everything but letters and digits a space, `ae`/`oe` read as `e`
///   (haemorrhage = hemorrhage), a final `-our` as `-or`, and a plural `s` dropped from words longer than three letters.
/// - **Terms of a node**: its label, its qualifier's examples (`e.g., guaifenesin` → `guaifenesin`), and the label and
///   matched term of its best ontology concept. A sentence mentions the node when it contains one of these terms as
///   whole words, or — for a label of two to four content words — every content word of the label.
/// - **Ranking**: sentences that mention both ends first, then the hop's target, then its source; document order
///   within each group; at most `limit`.
public struct StepReasoningMatcher: Sendable {
    /// One sentence of the prose.
    public struct Sentence: Sendable, Equatable {
        /// 1-based line of the text it is on.
        public var line: Int
        /// The sentence as shown (markdown emphasis and list markers removed, at most 400 characters).
        public var text: String
        /// The normalised words, padded with a space at both ends.
        var normalized: String
    }

    /// A sentence that mentions a hop's end(s).
    public struct Match: Sendable, Equatable {
        /// 1-based line of the text.
        public var line: Int
        /// The sentence as shown.
        public var text: String
        /// Labels of the hop's ends it mentions (source first).
        public var mentions: [String]
        /// Whether it mentions both ends.
        public var mentionsBoth: Bool
    }

    /// What one hop end is called: its display label and the normalised terms that count as a mention.
    public struct Terms: Sendable, Equatable {
        public var label: String
        /// Normalised phrases (padded with spaces) matched as whole words.
        var phrases: [String]
        /// Content words of a 2–4 word label, all of which must occur (empty when not applicable).
        var allWords: [String]
    }

    /// The prose sentences, in document order.
    public let sentences: [Sentence]

    /// The prose of an analysed text (see the type's documentation for which lines count).
    public init(analysis: TextAnalysis) {
        var text = String(decoding: analysis.input.bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let excluded: Set<Int> = analysis.minedFromProse ? [] : Set(analysis.parsed.paths.map(\.line))
        self.init(text: text, sections: analysis.parsed.sections, excludedLines: excluded)
    }

    /// The prose of `text` given its parsed sections; `excludedLines` (1-based) never count.
    public init(text: String, sections: [ReasoningSection], excludedLines: Set<Int> = []) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let proseKinds: Set<ReasoningSection.Kind> = [.reasoningProcess, .thinking, .execution]
        let useSections = sections.contains { proseKinds.contains($0.kind) }
        let headers = Dictionary(sections.map { ($0.startLine, $0.title) }, uniquingKeysWith: { first, _ in first })
        var out: [Sentence] = []
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if excludedLines.contains(number) { continue }
            var line = line
            if let title = headers[number] {
                // A header line keeps only the text after its title (`Reasoning Process: The patient …`).
                guard let rest = Self.textAfterHeader(line, title: title) else { continue }
                line = rest
            }
            let kind = Self.innermostKind(of: number, in: sections)
            if useSections {
                guard let kind, proseKinds.contains(kind) else { continue }
            } else if let kind, [.findingPaths, .conclusion, .finalAnswer, .finalResponse].contains(kind) {
                continue
            }
            for sentence in Self.sentences(in: line) {
                let normalized = Self.normalize(sentence)
                guard !normalized.isEmpty else { continue }
                out.append(Sentence(line: number, text: Self.shortened(sentence), normalized: " " + normalized + " "))
            }
        }
        sentences = out
    }

    /// The sentences that mention `from` or `to` (`to` nil for a one-node statement), ranked, at most `limit`.
    public func matches(from: Terms, to: Terms?, limit: Int = 3) -> [Match] {
        var ranked: [(rank: Int, index: Int, match: Match)] = []
        for (index, sentence) in sentences.enumerated() {
            let a = Self.mentions(from, in: sentence.normalized)
            let b = to.map { Self.mentions($0, in: sentence.normalized) } ?? false
            guard a || b else { continue }
            var labels: [String] = []
            if a { labels.append(from.label) }
            if b, let to { labels.append(to.label) }
            let rank = a && b ? 0 : (b ? 1 : 2)
            ranked.append((rank, index, Match(line: sentence.line, text: sentence.text, mentions: labels, mentionsBoth: a && b)))
        }
        return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.prefix(max(limit, 0)).map(\.match)
    }

    /// The terms of a graph node, with its ontology link when there is one.
    public static func terms(for node: GraphNode, grounding: NodeGrounding? = nil) -> Terms {
        var phrases: [String] = []
        func add(_ text: String) {
            let n = normalize(text)
            if !n.isEmpty, !phrases.contains(" " + n + " ") { phrases.append(" " + n + " ") }
        }
        add(node.label)
        for qualifier in node.qualifiers {
            var q = qualifier.trimmingCharacters(in: .whitespaces)
            for prefix in ["e.g.,", "e.g.", "eg,", "eg.", "i.e.,", "i.e.", "such as", "like", "especially", "including"]
            where q.lowercased().hasPrefix(prefix) {
                q = String(q.dropFirst(prefix.count))
                break
            }
            let pieces = q.replacingOccurrences(of: " or ", with: ",").replacingOccurrences(of: " and ", with: ",")
                .split(separator: ",")
            for piece in pieces where normalize(String(piece)).count >= 4 { add(String(piece)) }
        }
        if let best = grounding?.best {
            add(best.label)
            add(best.matchedTerm)
        }
        let words = normalize(node.label).split(separator: " ").map(String.init).filter { !stopWords.contains($0) }
        let allWords = (2...4).contains(words.count) ? words : []
        return Terms(label: node.label, phrases: phrases, allWords: allWords)
    }

    /// Whether a padded normalised sentence mentions `terms`.
    static func mentions(_ terms: Terms, in sentence: String) -> Bool {
        if terms.phrases.contains(where: { sentence.contains($0) }) { return true }
        return !terms.allWords.isEmpty && terms.allWords.allSatisfy { sentence.contains(" " + $0 + " ") }
    }

    /// Words too common to count on their own in the all-words rule.
    static let stopWords: Set<String> = ["a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "with", "by",
                                         "from", "at", "as", "due", "e", "g", "eg", "ie", "vs", "via", "no", "not"]

    /// `text` normalised for matching (see the type's documentation).
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            var w = current.replacingOccurrences(of: "ae", with: "e").replacingOccurrences(of: "oe", with: "e")
            if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { w.removeLast() }
            if w.count > 4, w.hasSuffix("our") { w = String(w.dropLast(3)) + "or" }
            words.append(w)
            current = ""
        }
        for ch in folded {
            if ch.isLetter || ch.isNumber { current.append(ch) } else { flush() }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// The sentences of one line: markdown emphasis, heading marks and list markers removed, split at sentence ends.
    static func sentences(in line: String) -> [String] {
        var text = line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        text = text.trimmingCharacters(in: .whitespaces)
        while let first = text.first, first == "#" || first == ">" || first == "-" || first == "*" || first == "•" {
            text.removeFirst()
            text = text.trimmingCharacters(in: .whitespaces)
        }
        if let range = text.range(of: #"^\d{1,3}[.)]\s+"#, options: .regularExpression) { text.removeSubrange(range) }
        let chars = Array(text)
        var out: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if (c == "." || c == "?" || c == "!"), i + 1 < chars.count, chars[i + 1] == " ", !isAbbreviation(chars, end: i) {
                let piece = String(chars[start...i]).trimmingCharacters(in: .whitespaces)
                if !piece.isEmpty { out.append(piece) }
                start = i + 1
            }
            i += 1
        }
        if start < chars.count {
            let piece = String(chars[start...]).trimmingCharacters(in: .whitespaces)
            if !piece.isEmpty { out.append(piece) }
        }
        return out
    }

    /// Whether the `.` at `end` closes an abbreviation (`e.g.`, `i.e.`, `vs.`, `Dr.`, a single letter).
    private static func isAbbreviation(_ chars: [Character], end: Int) -> Bool {
        guard chars[end] == "." else { return false }
        var j = end - 1
        var word = ""
        while j >= 0, chars[j].isLetter || chars[j] == "." {
            word = String(chars[j]) + word
            j -= 1
        }
        let lower = word.lowercased()
        return word.count == 1 || ["e.g", "i.e", "vs", "dr", "approx", "etc", "fig", "no", "st", "mr", "mrs", "ms"].contains(lower)
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 400 ? text : String(text.prefix(399)) + "…"
    }

    /// What follows the header `title` on its line (markup, the title and a colon removed), or nil when nothing does.
    static func textAfterHeader(_ line: String, title: String) -> String? {
        var text = Substring(line)
        func dropMarkup() {
            while let c = text.first, c.isWhitespace || "#*_<>".contains(c) { text.removeFirst() }
        }
        dropMarkup()
        guard text.lowercased().hasPrefix(title.lowercased()) else { return String(text).isEmpty ? nil : line }
        text = text.dropFirst(title.count)
        dropMarkup()
        if text.first == ":" { text.removeFirst() }
        dropMarkup()
        return text.isEmpty ? nil : String(text)
    }

    /// The kind of the innermost section containing `line`, if any.
    static func innermostKind(of line: Int, in sections: [ReasoningSection]) -> ReasoningSection.Kind? {
        var best: ReasoningSection?
        for s in sections where s.startLine <= line && line <= s.endLine {
            if best == nil || s.depth >= best!.depth { best = s }
        }
        return best?.kind
    }
}
