import Foundation
import GGUF
import Inference
import Tokenization

/// What `ddx model info` prints about a GGUF file: architecture, sizes, tensor types, tokenizer and chat
/// template. Reads only the header (works on vocab-only or truncated files; says when the weights are incomplete).
public struct ModelReport: Sendable {
    public let path: String
    public let fileSize: Int
    public let version: Int
    public let architecture: String
    public let configuration: TransformerConfiguration?
    /// Why the configuration could not be read (unsupported architecture, missing key).
    public let configurationProblem: String?
    public let parameterCount: Int
    public let tensorCount: Int
    /// Tensor type name → number of tensors, by descending count.
    public let tensorTypes: [(String, Int)]
    public let weightsComplete: Bool
    public let tokenizerModel: String?
    public let preTokenizer: String?
    public let vocabularySize: Int?
    public let mergeCount: Int?
    public let bos: Int?
    public let eos: Int?
    public let addBOS: Bool?
    public let chatTemplate: String?

    public init(path: String) throws {
        let file = try GGUFFile.open(path: path)
        self.path = path
        fileSize = file.fileSize
        version = file.version
        architecture = file.architecture ?? "unknown"
        do {
            configuration = try TransformerConfiguration(gguf: file)
            configurationProblem = nil
        } catch {
            configuration = nil
            configurationProblem = "\(error)"
        }
        parameterCount = file.tensors.reduce(0) { $0 + $1.elementCount }
        tensorCount = file.tensors.count
        var types: [String: Int] = [:]
        for t in file.tensors { types[t.type.name, default: 0] += 1 }
        tensorTypes = types.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        weightsComplete = file.hasCompleteTensorData
        tokenizerModel = try? file.string("tokenizer.ggml.model")
        preTokenizer = try? file.string("tokenizer.ggml.pre")
        vocabularySize = (try? file.strings("tokenizer.ggml.tokens"))??.count
        mergeCount = (try? file.strings("tokenizer.ggml.merges"))??.count
        bos = try? file.integer("tokenizer.ggml.bos_token_id")
        eos = try? file.integer("tokenizer.ggml.eos_token_id")
        addBOS = try? file.bool("tokenizer.ggml.add_bos_token")
        chatTemplate = try? file.string("tokenizer.chat_template")
    }

    /// Human-readable lines.
    public var text: String {
        var lines: [String] = []
        lines.append("file:          \(path) (\(fileSize.formatted(.number)) bytes, GGUF v\(version))")
        lines.append("architecture:  \(architecture)")
        if let c = configuration {
            lines.append("layers:        \(c.layerCount), embedding \(c.embeddingLength), feed-forward \(c.feedForwardLength)")
            lines.append("attention:     \(c.headCount) heads, \(c.kvHeadCount) KV heads, head dim \(c.headDimension), RoPE base \(Int(c.ropeBase))\(c.architecture.ropeIsNeox ? " (NeoX)" : "")\(c.ropeScaling != nil ? ", llama3 scaling" : "")")
            lines.append("context:       \(c.contextLength) tokens, rms eps \(c.rmsEpsilon)")
        } else if let p = configurationProblem {
            lines.append("model:         not runnable by ddx: \(p)")
        }
        lines.append("parameters:    \(parameterCount.formatted(.number)) in \(tensorCount) tensors")
        lines.append("tensor types:  " + tensorTypes.map { "\($0.0) ×\($0.1)" }.joined(separator: ", "))
        if !weightsComplete { lines.append("weights:       INCOMPLETE — the file ends before the tensor data does (vocabulary-only use works)") }
        var tok = "tokenizer:     \(tokenizerModel ?? "none")"
        if let p = preTokenizer { tok += ", pre-tokenizer \(p)" }
        if let v = vocabularySize { tok += ", \(v.formatted(.number)) tokens" }
        if let m = mergeCount { tok += ", \(m.formatted(.number)) merges" }
        lines.append(tok)
        lines.append("special:       bos \(bos.map(String.init) ?? "none"), eos \(eos.map(String.init) ?? "none"), add_bos \(addBOS.map { $0 ? "true" : "false" } ?? "unset")")
        if let t = chatTemplate {
            let first = t.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            lines.append("chat template: \(t.utf8.count) bytes, starts \(first.prefix(70).debugDescription)")
        } else {
            lines.append("chat template: none")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object with the same facts.
    public var json: String {
        func opt(_ i: Int?) -> String { i.map(String.init) ?? "null" }
        func s(_ x: String?) -> String { x.map(JSONText.string) ?? "null" }
        var fields: [String] = [
            "\"file\":\(JSONText.string(path))", "\"file_size\":\(fileSize)", "\"gguf_version\":\(version)",
            "\"architecture\":\(JSONText.string(architecture))",
        ]
        if let c = configuration {
            fields.append("\"layers\":\(c.layerCount),\"embedding_length\":\(c.embeddingLength),\"feed_forward_length\":\(c.feedForwardLength),\"heads\":\(c.headCount),\"kv_heads\":\(c.kvHeadCount),\"head_dim\":\(c.headDimension),\"context_length\":\(c.contextLength),\"rope_base\":\(JSONText.number(Double(c.ropeBase)))")
        } else {
            fields.append("\"problem\":\(s(configurationProblem))")
        }
        fields.append("\"parameters\":\(parameterCount),\"tensors\":\(tensorCount)")
        fields.append("\"tensor_types\":{" + tensorTypes.map { "\(JSONText.string($0.0)):\($0.1)" }.joined(separator: ",") + "}")
        fields.append("\"weights_complete\":\(weightsComplete)")
        fields.append("\"tokenizer\":{\"model\":\(s(tokenizerModel)),\"pre\":\(s(preTokenizer)),\"tokens\":\(opt(vocabularySize)),\"merges\":\(opt(mergeCount)),\"bos\":\(opt(bos)),\"eos\":\(opt(eos)),\"add_bos\":\(addBOS.map { $0 ? "true" : "false" } ?? "null")}")
        fields.append("\"chat_template\":\(s(chatTemplate))")
        return "{" + fields.joined(separator: ",") + "}\n"
    }
}
