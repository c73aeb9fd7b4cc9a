import Foundation
import Ontology
import ReasoningPaths

/// Mines reasoning chains from prose (HuatuoGPT-o1's `## Thinking` has no path list): concept mentions found by
/// dictionary matching, chained in order of appearance within sentences that carry a causal cue.
///
/// ```swift
/// let paths = ProseMiner(index: index).mine(text: text, parsed: parsed)
/// let graph = ReasoningGraphBuilder().build(paths: paths)
/// ```
public struct ProseMiner: Sendable {
    /// Words and phrases that mark a sentence as reasoning from one thing to another.
    public static let causalCues: [String] = [
        "suggests", "suggest", "suggesting", "suggestive of", "indicates", "indicate", "indicating", "indicative of",
        "leads to", "lead to", "leading to", "led to", "causes", "cause", "caused by", "causing", "because of",
        "because", "due to", "results in", "result in", "resulting in", "resulted in", "rules out", "rule out",
        "ruling out", "ruled out", "points to", "pointing to", "consistent with", "associated with",
        "characteristic of", "typical of", "presents with", "present with", "manifests as", "secondary to",
        "triggers", "triggered by", "contributes to", "contributing to", "explains", "explain", "therefore",
        "thus", "hence", "which means", "treated with", "treat", "treats", "relieves", "reduces", "increases",
        "raises", "responsible for", "risk of", "risk factor", "complication of", "can lead", "may lead",
    ]

    public let index: OntologyIndex
    /// Sentences longer than this (in bytes) are skipped: they are usually lists, not reasoning.
    public var maxSentenceBytes = 1200

    public init(index: OntologyIndex) {
        self.index = index
    }

    /// Chains mined from `text`: from the Thinking section (or Reasoning Process) when the parse found one, else
    /// from the whole text. Each chain is a path of kind `.chain` labelled `mined`, at the sentence's line, with
    /// the sentence as its note.
    public func mine(text: String, parsed: ParsedReasoning? = nil) -> [ReasoningPath] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var range = 1...max(lines.count, 1)
        if let parsed {
            let preferred: [ReasoningSection.Kind] = [.thinking, .reasoningProcess, .execution]
            if let section = preferred.lazy.compactMap({ kind in parsed.sections.first { $0.kind == kind } }).first {
                range = section.startLine...max(section.startLine, section.endLine)
            }
        }
        var paths: [ReasoningPath] = []
        for sentence in sentences(lines: lines, range: range) where sentence.text.utf8.count <= maxSentenceBytes {
            guard hasCue(sentence.text) else { continue }
            var steps: [PathStep] = []
            var seenGroups: Set<Int> = []
            for span in index.matcher.scan(sentence.text) {
                let group = index.groupOf[span.concept]
                guard seenGroups.insert(group).inserted else { continue }
                steps.append(PathStep(text: span.text, name: span.text, qualifier: nil))
            }
            guard steps.count >= 2 else { continue }
            let note = sentence.text.count > 300 ? String(sentence.text.prefix(297)) + "…" : sentence.text
            paths.append(ReasoningPath(number: paths.count + 1, label: "mined", kind: .chain, line: sentence.line,
                                       steps: steps, note: note))
        }
        return paths
    }

    struct Sentence {
        let text: String
        let line: Int
    }

    /// Sentences (split at `.`, `?`, `!`, `;` followed by space, and at blank lines) with their first line.
    func sentences(lines: [Substring], range: ClosedRange<Int>) -> [Sentence] {
        var result: [Sentence] = []
        var current = ""
        var startLine = range.lowerBound
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { result.append(Sentence(text: trimmed, line: startLine)) }
            current = ""
        }
        for number in range where number - 1 < lines.count {
            let line = lines[number - 1]
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { flush(); continue }
            if current.isEmpty { startLine = number }
            let chars = Array(line)
            for (k, ch) in chars.enumerated() {
                if current.isEmpty && ch.isWhitespace { continue }
                if current.isEmpty { startLine = number }
                current.append(ch)
                if ".?!;".contains(ch), k + 1 == chars.count || chars[k + 1].isWhitespace {
                    // Not after common abbreviations (e.g., i.e., vs.).
                    let lower = current.lowercased()
                    if !(lower.hasSuffix("e.g.") || lower.hasSuffix("i.e.") || lower.hasSuffix("vs.")
                         || lower.hasSuffix("dr.")) {
                        flush()
                    }
                }
            }
            if !current.isEmpty { current.append(" ") }
        }
        flush()
        return result
    }

    func hasCue(_ sentence: String) -> Bool {
        let lower = " " + sentence.lowercased().map { $0.isLetter ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        return Self.causalCues.contains { lower.contains(" " + $0 + " ") }
    }
}
