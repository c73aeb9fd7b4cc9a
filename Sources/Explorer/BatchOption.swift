/// One answer option of a multiple-choice question: its letter and its text.
public struct BatchOption: Sendable, Equatable {
    /// The option letter, upper case (`A`).
    public var letter: String
    /// The option's text.
    public var text: String

    public init(letter: String, text: String) {
        self.letter = letter
        self.text = text
    }

    /// Options from a JSON value: an object keyed by letter, an array (lettered `A`, `B`, … in order), or a string
    /// with one `A. text` (or `A) text`, `(A) text`, `A: text`) line per option. Anything else gives none.
    public static func parse(_ value: BatchJSON?) -> [BatchOption] {
        switch value {
        case .object(let members)?:
            return members.compactMap { key, v in
                let letter = key.trimmingSpaces.uppercased()
                guard letter.count == 1, let text = v.scalarText else { return nil }
                return BatchOption(letter: letter, text: text)
            }
        case .array(let items)?:
            let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)
            return zip(letters, items).compactMap { l, v in v.scalarText.map { BatchOption(letter: l, text: $0) } }
        case .string(let s)?:
            return s.split(whereSeparator: \.isNewline).compactMap { line in
                guard let (letter, rest) = BatchAnswerMatch.leadingLetter(String(line)), !rest.isEmpty else { return nil }
                return BatchOption(letter: letter, text: rest)
            }
        default:
            return []
        }
    }
}
