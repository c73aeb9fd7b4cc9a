/// Turns generated token ids into text as they arrive. A token may end in the middle of a UTF-8 sequence (byte
/// tokens, or a multi-byte character split across merges); such a tail is held back until the next token completes
/// it, so the pieces returned always concatenate to the same text as decoding all ids at once.
public struct StreamingDetokenizer: Sendable {
    private let tokenizer: BPETokenizer
    private let showSpecial: Bool
    private var pending: [UInt8] = []

    /// `showSpecial` renders control tokens as their text.
    public init(tokenizer: BPETokenizer, showSpecial: Bool = false) {
        self.tokenizer = tokenizer
        self.showSpecial = showSpecial
    }

    /// The text completed by `id` (possibly empty). Out-of-range ids add nothing.
    public mutating func append(_ id: Int) -> String {
        pending.append(contentsOf: tokenizer.piece(id, showSpecial: showSpecial))
        let held = Self.incompleteTailLength(pending)
        let ready = pending.count - held
        guard ready > 0 else { return "" }
        let text = String(decoding: pending[..<ready], as: UTF8.self)
        pending.removeFirst(ready)
        return text
    }

    /// The held-back bytes, each invalid sequence replaced by U+FFFD; the detokenizer is empty afterwards.
    public mutating func finish() -> String {
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    /// Whether bytes are waiting for the rest of a character.
    public var hasPendingBytes: Bool { !pending.isEmpty }

    /// The length of the trailing bytes that begin a UTF-8 sequence not yet complete but still possibly valid.
    static func incompleteTailLength(_ bytes: [UInt8]) -> Int {
        let count = bytes.count
        // The last lead byte within the final three bytes.
        for back in 1...min(3, max(count, 1)) where count >= back {
            let lead = bytes[count - back]
            if lead & 0xC0 == 0x80 { continue }          // continuation: keep looking back
            let needed: Int
            switch lead {
            case 0xC2...0xDF: needed = 2
            case 0xE0...0xEF: needed = 3
            case 0xF0...0xF4: needed = 4
            default: return 0                           // ASCII or an invalid lead byte: nothing to wait for
            }
            guard back < needed else { return 0 }       // already complete
            // The second byte narrows the ranges (no overlongs, surrogates or values past U+10FFFF).
            if back >= 2 {
                let second = bytes[count - back + 1]
                let valid: ClosedRange<UInt8> = switch lead {
                case 0xE0: 0xA0...0xBF
                case 0xED: 0x80...0x9F
                case 0xF0: 0x90...0xBF
                case 0xF4: 0x80...0x8F
                default: 0x80...0xBF
                }
                guard valid.contains(second) else { return 0 }
            }
            return back
        }
        return 0
    }
}
