/// The character classes the pre-tokenizer rules test, packed in a byte; every scalar of a text has `.present`,
/// so a zero value means "outside the segment" (llama.cpp's empty `unicode_cpt_flags`).
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    static let present = ScalarClass(rawValue: 1)
    /// General category L* (`\p{L}`).
    static let letter = ScalarClass(rawValue: 2)
    /// General category N* (`\p{N}`).
    static let number = ScalarClass(rawValue: 4)
    /// The Unicode White_Space property (`\s`).
    static let whitespace = ScalarClass(rawValue: 8)
    /// General category P* (`\p{P}`).
    static let punctuation = ScalarClass(rawValue: 16)
    /// `\r` or `\n`.
    static let lineBreak = ScalarClass(rawValue: 32)

    /// Letter, number or whitespace: what `[^\s\p{L}\p{N}]` excludes.
    static let word: ScalarClass = [.letter, .number, .whitespace]

    /// The classes of the scalar `value`; `asciiTable` is `ScalarClass.asciiTable`, passed in so hot loops read
    /// the global once.
    @inline(__always)
    static func of(_ value: UInt32, asciiTable: [UInt8]) -> ScalarClass {
        if value < 128 { return ScalarClass(rawValue: asciiTable[Int(value)]) }
        return classify(value)
    }

    /// The classes of each ASCII scalar.
    static let asciiTable: [UInt8] = (0..<128).map { classify(UInt32($0)).rawValue }

    static func classify(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return .present }
        var result: ScalarClass = .present
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            result.insert(.letter)
        case .decimalNumber, .letterNumber, .otherNumber:
            result.insert(.number)
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            result.insert(.punctuation)
        default:
            break
        }
        if properties.isWhitespace { result.insert(.whitespace) }
        if value == 0x0A || value == 0x0D { result.insert(.lineBreak) }
        return result
    }
}
