import Foundation
import Inference

/// Next-token logits after a text or token ids (`ddx model logits`): for checking the engine against a reference
/// implementation.
public struct ModelLogits: Sendable {
    public let ids: [Int]
    public let logits: [Float]

    /// Runs `ids` (or `text`, tokenised as a raw prompt) through the model loaded from `path`.
    public init(modelPath path: String, text: String?, ids given: [Int]?, threads: Int) throws {
        let model = try GGUFModel.load(path: path, threads: threads, contextLength: nil)
        let ids = given ?? model.tokenizer.encode(text ?? "", addSpecial: true, parseSpecial: true)
        guard !ids.isEmpty else { throw InputError("nothing to run: the text has no tokens") }
        self.ids = ids
        logits = Array(try model.transformer.forward(ids))
    }

    /// `{"ids": […], "top": [[id, logit], …], "logits": […]}` with the `top` best first; `logits` only when `full`.
    public func json(top: Int, full: Bool) -> String {
        let order = logits.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }.prefix(top)
        var out = "{\"ids\":[" + ids.map(String.init).joined(separator: ",") + "],\"top\":["
        out += order.map { "[\($0),\(logits[$0])]" }.joined(separator: ",") + "]"
        if full { out += ",\"logits\":[" + logits.map { "\($0)" }.joined(separator: ",") + "]" }
        return out + "}"
    }
}
