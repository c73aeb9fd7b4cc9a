/// Text to token ids and back.
public protocol Tokenizer: Sendable {
    /// Token ids of `text`; `addSpecial` adds BOS/EOS as the vocabulary asks, `parseSpecial` matches special
    /// and control tokens written in the text (as chat templates produce them) before BPE.
    func encode(_ text: String, addSpecial: Bool, parseSpecial: Bool) -> [Int]
    /// The text of `ids` (invalid UTF-8 sequences replaced).
    func decode(_ ids: [Int]) -> String
}
