import Foundation
import GGUF
import Kernels
@testable import Inference

/// A straightforward float reference of the llama/qwen2 forward pass over the whole sequence at once (no cache,
/// no threads, no quantised activations, plain loops), to check `Transformer` against.
struct ReferenceTransformer {
    let c: TransformerConfiguration
    let tensors: [String: (rows: Int, columns: Int, values: [Float])]

    /// Reads every tensor of `file` dequantised to Float.
    init(file: GGUFFile) throws {
        c = try TransformerConfiguration(gguf: file)
        var t: [String: (Int, Int, [Float])] = [:]
        for info in file.tensors {
            let columns = info.dimensions[0], rows = info.elementCount / columns
            let format = QuantFormat(ggmlType: info.type.rawValue)!
            let data = try file.tensorData(info)
            let m = WeightMatrix(format: format, rows: rows, columns: columns, data: data.baseAddress!)
            var values = [Float](repeating: 0, count: rows * columns)
            values.withUnsafeMutableBufferPointer { m.dequantizeRows(0..<rows, into: $0.baseAddress!) }
            t[info.name] = (rows, columns, values)
        }
        tensors = t
    }

    func matvec(_ name: String, _ x: [Float]) -> [Float] {
        let w = tensors[name]!
        return (0..<w.rows).map { r in
            var s: Double = 0
            for j in 0..<w.columns { s += Double(w.values[r * w.columns + j]) * Double(x[j]) }
            return Float(s)
        }
    }

    func rmsNorm(_ x: [Float], _ name: String) -> [Float] {
        let w = tensors[name]!.values
        let ms = x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)
        let scale = Float(1 / (ms + Double(c.rmsEpsilon)).squareRoot())
        return x.indices.map { x[$0] * scale * w[$0] }
    }

    func rope(_ v: inout [Float], offset: Int, position: Int, frequencies: [Float]) {
        let hd = c.headDimension, half = c.ropeDimensions / 2
        for i in 0..<half {
            let angle = Double(position) * Double(frequencies[i])
            let (a, b) = c.architecture.ropeIsNeox ? (offset + i, offset + i + hd / 2) : (offset + 2 * i, offset + 2 * i + 1)
            let x0 = Double(v[a]), x1 = Double(v[b])
            v[a] = Float(x0 * cos(angle) - x1 * sin(angle))
            v[b] = Float(x0 * sin(angle) + x1 * cos(angle))
        }
    }

    /// Logits after every position of `tokens`.
    func logits(_ tokens: [Int]) -> [[Float]] {
        let d = c.embeddingLength, hd = c.headDimension
        let emb = tensors["token_embd.weight"]!
        let frequencies = c.inverseFrequencies(factors: tensors["rope_freqs.weight"]?.values)
        var xs = tokens.map { Array(emb.values[$0 * d..<($0 + 1) * d]) }
        for l in 0..<c.layerCount {
            let p = "blk.\(l)."
            var keys: [[Float]] = [], values: [[Float]] = [], queries: [[Float]] = []
            for (pos, x) in xs.enumerated() {
                let h = rmsNorm(x, p + "attn_norm.weight")
                var q = matvec(p + "attn_q.weight", h), k = matvec(p + "attn_k.weight", h), v = matvec(p + "attn_v.weight", h)
                if let b = tensors[p + "attn_q.bias"] { for i in q.indices { q[i] += b.values[i] } }
                if let b = tensors[p + "attn_k.bias"] { for i in k.indices { k[i] += b.values[i] } }
                if let b = tensors[p + "attn_v.bias"] { for i in v.indices { v[i] += b.values[i] } }
                for head in 0..<c.headCount { rope(&q, offset: head * hd, position: pos, frequencies: frequencies) }
                for head in 0..<c.kvHeadCount { rope(&k, offset: head * hd, position: pos, frequencies: frequencies) }
                queries.append(q); keys.append(k); values.append(v)
            }
            let group = c.headCount / c.kvHeadCount
            for pos in xs.indices {
                var attention = [Float](repeating: 0, count: c.headCount * hd)
                for head in 0..<c.headCount {
                    let kv = head / group
                    var scores: [Double] = (0...pos).map { t in
                        var s: Double = 0
                        for i in 0..<hd { s += Double(queries[pos][head * hd + i]) * Double(keys[t][kv * hd + i]) }
                        return s / Double(hd).squareRoot()
                    }
                    let m = scores.max()!
                    scores = scores.map { exp($0 - m) }
                    let z = scores.reduce(0, +)
                    for t in 0...pos {
                        for i in 0..<hd { attention[head * hd + i] += Float(scores[t] / z) * values[t][kv * hd + i] }
                    }
                }
                let o = matvec(p + "attn_output.weight", attention)
                for i in 0..<d { xs[pos][i] += o[i] }
                let h = rmsNorm(xs[pos], p + "ffn_norm.weight")
                let g = matvec(p + "ffn_gate.weight", h), u = matvec(p + "ffn_up.weight", h)
                let act = g.indices.map { g[$0] / (1 + exp(-g[$0])) * u[$0] }
                let down = matvec(p + "ffn_down.weight", act)
                for i in 0..<d { xs[pos][i] += down[i] }
            }
        }
        let output = tensors["output.weight"] != nil ? "output.weight" : "token_embd.weight"
        return xs.map { matvec(output, rmsNorm($0, "output_norm.weight")) }
    }
}
