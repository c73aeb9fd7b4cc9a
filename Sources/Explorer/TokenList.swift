import GGUF
import Tokenization

/// The token ids and pieces of a text under a model file's tokenizer (`ddx tokenize`); reads only the header.
public struct TokenList: Sendable {
    public let ids: [Int]
    public let pieces: [String]

    public init(text: String, modelPath: String, addSpecial: Bool = true, parseSpecial: Bool = true) throws {
        let file = try GGUFFile.open(path: modelPath)
        let tokenizer = try BPETokenizer(vocabulary: try Vocabulary(gguf: file))
        ids = tokenizer.encode(text, addSpecial: addSpecial, parseSpecial: parseSpecial)
        pieces = tokenizer.pieces(ids)
    }

    /// `{"ids": […], "pieces": […]}`.
    public var json: String {
        "{\"ids\":[" + ids.map(String.init).joined(separator: ",") + "],\"pieces\":["
            + pieces.map(JSONText.string).joined(separator: ",") + "]}"
    }

    /// One `id "piece"` line per token.
    public var text: String {
        zip(ids, pieces).map { "\($0) \(JSONText.string($1))" }.joined(separator: "\n")
    }
}
