/// Dictionary matching over running text: longest match first, no overlaps.
extension TermMatcher {
    /// Words that never make a mention on their own, however many concepts use them.
    static let genericWords: Set<String> = [
        "patient", "disease", "disorder", "symptom", "sign", "condition", "finding", "abnormality", "syndrome",
        "process", "history", "risk", "factor", "level", "test", "treatment", "therapy", "cause", "result",
        "change", "increase", "decrease", "normal", "acute", "chronic", "severe", "mild", "left", "right",
        "presence", "absence", "response", "age", "male", "female", "case", "use", "time", "day", "year",
    ]

    /// One word of the scanned text: its byte range and what it contributes to a key.
    private enum ScanToken {
        case stop
        case unknown
        case token(Int32, canonical: String)
    }

    /// Concept mentions in `text`, left to right: at each word the longest term (up to `maxWords` words) that
    /// equals a label or synonym after normalisation; single words need at least four letters and must not be
    /// generic.
    public func scan(_ text: String, maxWords: Int = 6) -> [TermSpan] {
        let bytes = Array(text.utf8)
        var raw: [(range: Range<Int>, word: String)] = []
        var i = 0
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        }
        while i < bytes.count {
            guard isWordByte(bytes[i]) else { i += 1; continue }
            var j = i
            while j < bytes.count && isWordByte(bytes[j]) { j += 1 }
            raw.append((i..<j, String(decoding: bytes[i..<j], as: UTF8.self)))
            i = j
        }
        // Fold each word the way TermNormalizer.words does, joining a bound prefix to the next word.
        var words: [(range: Range<Int>, token: ScanToken)] = []
        var k = 0
        while k < raw.count {
            var range = raw[k].range
            var folded = TermNormalizer.words(raw[k].word)
            if folded.count == 1, TermNormalizer.joiningPrefixes.contains(folded[0]), k + 1 < raw.count {
                let pair = TermNormalizer.words(raw[k].word + " " + raw[k + 1].word)
                if pair.count == 1 { folded = pair; range = range.lowerBound..<raw[k + 1].range.upperBound; k += 1 }
            }
            k += 1
            guard let word = folded.first else { words.append((range, .stop)); continue }
            if let id = lexicon.token(word) {
                words.append((range, .token(id, canonical: TermNormalizer.canonicalWord(word))))
            } else {
                words.append((range, .unknown))
            }
        }
        var spans: [TermSpan] = []
        var w = 0
        while w < words.count {
            guard case .token = words[w].token else { w += 1; continue }
            var matched: (end: Int, term: Int32)?
            var key: [Int32] = []
            var first = ""
            var end = w
            scanning: while end < words.count && end - w < maxWords + 3 {
                switch words[end].token {
                case .stop: break
                case .unknown: break scanning
                case .token(let id, let canonical):
                    if key.isEmpty { first = canonical }
                    key.append(id)
                    if key.count > maxWords { break scanning }
                    if let ids = normalizedMap[key], let term = ids.first {
                        if key.count > 1 || (first.utf8.count >= 4 && !Self.genericWords.contains(first)) {
                            matched = (end, term)
                        }
                    }
                }
                end += 1
            }
            if let m = matched {
                let range = words[w].range.lowerBound..<words[m.end].range.upperBound
                let term = terms[Int(m.term)]
                spans.append(TermSpan(range: range, text: String(decoding: bytes[range], as: UTF8.self),
                                      concept: Int(term.concept), matchedTerm: term.text))
                w = m.end + 1
            } else {
                w += 1
            }
        }
        return spans
    }
}
