import GGUF
import Kernels

/// The tensors of a llama/qwen2 model bound to the file's memory mapping: matrices stay where they are (no
/// copy); norm weights and biases, which are small, are converted to owned Float vectors.
public final class TransformerWeights: @unchecked Sendable {
    /// One transformer block.
    public struct Layer: @unchecked Sendable {
        public let attentionNorm: FloatVector
        public let query, key, value, attentionOutput: WeightMatrix
        public let queryBias, keyBias, valueBias: FloatVector?
        public let feedForwardNorm: FloatVector
        public let gate, up, down: WeightMatrix
    }

    public let tokenEmbedding: WeightMatrix
    public let layers: [Layer]
    public let outputNorm: FloatVector
    /// The output projection (the token embedding itself when the file ties them).
    public let output: WeightMatrix
    /// Per-pair RoPE frequency factors (`rope_freqs.weight`), when the file has them.
    public let ropeFactors: [Float]?
    /// The file the matrices point into; kept alive as long as the weights.
    public let file: GGUFFile

    /// Binds every tensor the configuration needs; errors name the tensor and what is wrong with it.
    public init(file: GGUFFile, configuration c: TransformerConfiguration) throws {
        self.file = file
        func matrix(_ name: String, rows: Int, columns: Int) throws -> WeightMatrix {
            guard let info = file.tensor(named: name) else { throw missing(name) }
            guard info.dimensions.count == 2, info.dimensions[0] == columns, info.dimensions[1] == rows else {
                throw GenerationError.unsupportedModel("\(file.path): tensor '\(name)' has shape \(info.dimensions), expected [\(columns), \(rows)]")
            }
            guard let format = QuantFormat(ggmlType: info.type.rawValue) else {
                throw GenerationError.unsupportedModel("\(file.path): tensor '\(name)' has type \(info.type.name), which ddx cannot compute with (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K, Q5_K, Q6_K)")
            }
            let data = try file.tensorData(info)
            guard data.count >= format.rowBytes(columns: columns) * rows, let base = data.baseAddress else {
                throw GenerationError.unsupportedModel("\(file.path): tensor '\(name)' is shorter than its shape")
            }
            return WeightMatrix(format: format, rows: rows, columns: columns, data: base)
        }
        func vector(_ name: String, count: Int) throws -> FloatVector {
            guard let v = try optionalVector(name, count: count) else { throw missing(name) }
            return v
        }
        func optionalVector(_ name: String, count: Int) throws -> FloatVector? {
            guard let info = file.tensor(named: name) else { return nil }
            guard info.elementCount == count else {
                throw GenerationError.unsupportedModel("\(file.path): tensor '\(name)' has \(info.elementCount) values, expected \(count)")
            }
            guard let format = QuantFormat(ggmlType: info.type.rawValue) else {
                throw GenerationError.unsupportedModel("\(file.path): tensor '\(name)' has unsupported type \(info.type.name)")
            }
            let data = try file.tensorData(info)
            let m = WeightMatrix(format: format, rows: 1, columns: count, data: data.baseAddress!)
            let v = FloatVector(count: count)
            m.dequantizeRow(0, into: v.pointer)
            return v
        }
        func missing(_ name: String) -> GenerationError {
            .unsupportedModel("\(file.path): tensor '\(name)' is missing")
        }

        let d = c.embeddingLength, hd = c.headDimension
        let qRows = c.headCount * hd, kvRows = c.kvHeadCount * hd
        tokenEmbedding = try matrix("token_embd.weight", rows: c.vocabularySize, columns: d)
        var layers: [Layer] = []
        for i in 0..<c.layerCount {
            let p = "blk.\(i)."
            let biases = c.architecture == .qwen2
            layers.append(Layer(
                attentionNorm: try vector(p + "attn_norm.weight", count: d),
                query: try matrix(p + "attn_q.weight", rows: qRows, columns: d),
                key: try matrix(p + "attn_k.weight", rows: kvRows, columns: d),
                value: try matrix(p + "attn_v.weight", rows: kvRows, columns: d),
                attentionOutput: try matrix(p + "attn_output.weight", rows: d, columns: qRows),
                queryBias: biases ? try vector(p + "attn_q.bias", count: qRows) : try optionalVector(p + "attn_q.bias", count: qRows),
                keyBias: biases ? try vector(p + "attn_k.bias", count: kvRows) : try optionalVector(p + "attn_k.bias", count: kvRows),
                valueBias: biases ? try vector(p + "attn_v.bias", count: kvRows) : try optionalVector(p + "attn_v.bias", count: kvRows),
                feedForwardNorm: try vector(p + "ffn_norm.weight", count: d),
                gate: try matrix(p + "ffn_gate.weight", rows: c.feedForwardLength, columns: d),
                up: try matrix(p + "ffn_up.weight", rows: c.feedForwardLength, columns: d),
                down: try matrix(p + "ffn_down.weight", rows: d, columns: c.feedForwardLength)))
        }
        self.layers = layers
        outputNorm = try vector("output_norm.weight", count: d)
        if file.tensor(named: "output.weight") != nil {
            output = try matrix("output.weight", rows: c.vocabularySize, columns: d)
        } else {
            output = tokenEmbedding
        }
        ropeFactors = try optionalVector("rope_freqs.weight", count: c.ropeDimensions / 2).map { Array($0.buffer) }
    }
}

/// An owned, fixed-size Float buffer (norm weights, biases, activations) that hands out a stable pointer.
public final class FloatVector: @unchecked Sendable {
    public let count: Int
    public let pointer: UnsafeMutablePointer<Float>

    public init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    public convenience init(_ values: [Float]) {
        self.init(count: values.count)
        for (i, v) in values.enumerated() { pointer[i] = v }
    }

    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    deinit { pointer.deallocate() }
}
