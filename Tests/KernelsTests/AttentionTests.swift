import Foundation
@testable import Kernels
import Testing

/// Batched causal attention (two sgemm calls around a softmax) against the per-query loop it replaces.
@Suite struct AttentionTests {
    @Test(arguments: [(0, 1), (0, 7), (5, 9), (40, 64)])
    func matchesThePerQueryLoop(start: Int, count n: Int) {
        var rng = SeededRandom(seed: UInt64(31 &* start &+ n))
        let hd = 16, stride = 3 * hd, length = start + n
        let queries = rng.floats(n * stride), keys = rng.floats(length * hd), values = rng.floats(length * hd)
        let scale: Float = 0.25
        var out = [Float](repeating: .nan, count: n * stride)
        var scores = [Float](repeating: .nan, count: n * length)
        queries.withUnsafeBufferPointer { q in
            keys.withUnsafeBufferPointer { k in
                values.withUnsafeBufferPointer { v in
                    scores.withUnsafeMutableBufferPointer { s in
                        out.withUnsafeMutableBufferPointer { o in
                            // The middle head of three, so strides matter.
                            Attention.causal(queries: q.baseAddress! + hd, queryStride: stride, count: n, start: start,
                                             keys: k.baseAddress!, values: v.baseAddress!, headDimension: hd, scale: scale,
                                             scores: s.baseAddress!, into: o.baseAddress! + hd, outputStride: stride)
                        }
                    }
                }
            }
        }
        for i in 0..<n {
            let visible = start + i + 1
            var w = (0..<visible).map { p in (0..<hd).reduce(Float(0)) { $0 + queries[i * stride + hd + $1] * keys[p * hd + $1] } * scale }
            let m = w.max()!
            w = w.map { expf($0 - m) }
            let total = w.reduce(0, +)
            for j in 0..<hd {
                let expected = (0..<visible).reduce(Float(0)) { $0 + w[$1] / total * values[$1 * hd + j] }
                #expect(abs(out[i * stride + hd + j] - expected) <= 1e-5 * max(1, abs(expected)), "query \(i) dim \(j)")
            }
            // The other heads' columns are untouched.
            #expect(out[i * stride].isNaN && out[i * stride + 2 * hd].isNaN)
        }
    }

    /// One query (the decoding path, C kernels) against the same per-position formula.
    @Test(arguments: [(1, 16), (9, 64), (70, 13)])
    func singleQueryMatchesTheFormula(length: Int, hd: Int) {
        var rng = SeededRandom(seed: UInt64(97 &* length &+ hd))
        let query = rng.floats(hd), keys = rng.floats(length * hd), values = rng.floats(length * hd)
        let scale: Float = 0.125
        var out = [Float](repeating: .nan, count: hd), scores = [Float](repeating: .nan, count: length)
        Attention.single(query: query, keys: keys, values: values, length: length, headDimension: hd, scale: scale,
                         scores: &scores, into: &out)
        var w = (0..<length).map { p in (0..<hd).reduce(Float(0)) { $0 + query[$1] * keys[p * hd + $1] } * scale }
        let m = w.max()!
        w = w.map { expf($0 - m) }
        let total = w.reduce(0, +)
        for j in 0..<hd {
            let expected = (0..<length).reduce(Float(0)) { $0 + w[$1] / total * values[$1 * hd + j] }
            #expect(abs(out[j] - expected) <= 1e-5 * max(1, abs(expected)), "dim \(j)")
        }
    }
}
