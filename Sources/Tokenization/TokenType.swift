/// The kind of a vocabulary entry, as GGUF's `tokenizer.ggml.token_type` numbers them (llama.cpp's
/// `llama_token_type`).
public enum TokenType: Int, Sendable, CaseIterable {
    /// Ordinary text, stored in the GPT-2 byte-to-character encoding.
    case normal = 1
    /// The unknown-token placeholder; rendered only when special tokens are shown.
    case unknown
    /// Control tokens such as `<|im_start|>`: matched in text only when special parsing is on, hidden when decoding.
    case control
    /// Added tokens such as `<think>`: always matched before BPE, always rendered verbatim.
    case userDefined
    /// Reserved padding entries; never produced by encoding, rendered as nothing.
    case unused
    /// Raw-byte tokens written `<0xHH>`.
    case byte

    /// The type for a GGUF number; values outside 1...6 (llama.cpp's "undefined") behave like `unused`.
    public init(ggufValue: Int) {
        self = TokenType(rawValue: ggufValue) ?? .unused
    }
}
