/// Text to token ids and back.
public protocol Tokenizer: Sendable {
    /// Token ids of `text`; `addSpecial` adds BOS/EOS as the vocabulary asks, `parseSpecial` matches special
    /// and control tokens written in the text (as chat templates produce them) before BPE.
    func encode(_ text: String, addSpecial: Bool, parseSpecial: Bool) -> [Int]
    /// The text of `ids` (invalid UTF-8 sequences replaced). Control tokens are left out; out-of-range ids
    /// produce nothing.
    func decode(_ ids: [Int]) -> String
    /// The vocabulary the tokenizer was built from.
    var vocabulary: Vocabulary { get }
    /// The raw bytes `id` stands for (possibly part of a UTF-8 sequence); control and unknown tokens give their
    /// text only when `showSpecial` is true (llama.cpp's `special` flag). Out-of-range ids give no bytes.
    func piece(_ id: Int, showSpecial: Bool) -> [UInt8]
}

extension Tokenizer {
    /// The bytes of `id` with special tokens hidden.
    public func piece(_ id: Int) -> [UInt8] {
        piece(id, showSpecial: false)
    }

    /// The text of `ids`; `showSpecial` renders control tokens as their text.
    public func decode(_ ids: [Int], showSpecial: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 4)
        for id in ids { bytes.append(contentsOf: piece(id, showSpecial: showSpecial)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
