import Foundation
import Testing
@testable import Kernels

/// Every instruction-set variant of the C kernels this CPU can run, not only the active one: each gemv against the
/// Swift reference, and each dequantiser against the scalar variant bit for bit.
@Suite("Kernel variants")
struct KernelVariantTests {
    static let shapes: [(rows: Int, blocks: Int)] = [(1, 1), (5, 3), (17, 9), (40, 2)]

    @Test(arguments: QuantFormat.allCases)
    func everyVariantMatchesTheReference(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 900 &+ UInt64(format.ggmlType))
        for (rows, blocks) in Self.shapes {
            let (cols, bytes, x) = randomMatrix(format, rows: rows, blocks: blocks, rng: &rng)
            let scratch = MatVecScratch(maxColumns: cols)
            withPointers(bytes) { p in
                let w = WeightMatrix(format: format, rows: rows, columns: cols, data: p)
                let dense = dequantizeAll(w)
                let e = MatVecTests.activationErrors(format, x)
                x.withUnsafeBufferPointer { xp in
                    let a = scratch.activation(0)
                    ActivationQuantizer.quantize(xp.baseAddress!, count: cols, for: format, into: a)
                    var reference = [Float](repeating: 0, count: rows)
                    reference.withUnsafeMutableBufferPointer { ReferenceDot.gemv(w, a, xp.baseAddress!, $0.baseAddress!) }
                    for variant in KernelVariant.supported {
                        var y = [Float](repeating: .nan, count: rows)
                        y.withUnsafeMutableBufferPointer {
                            RowKernel(w: w, a: a, x: xp.baseAddress!, y: $0.baseAddress!, kernels: variant.table).run(0..<rows)
                        }
                        for r in 0..<rows {
                            let terms = MatVecTests.rowTerms(dense, row: r, cols: cols, x, e)
                            #expect(abs(y[r] - reference[r]) <= terms.magnitude * 2e-6 + 1e-6,
                                    "\(variant) \(format) \(rows)×\(cols) row \(r): \(y[r]) vs Swift reference \(reference[r])")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: [QuantFormat.q8_0, .q4_0, .q4_1, .q5_0, .q5_1])
    func everyVariantDequantisesIdentically(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 950 &+ UInt64(format.ggmlType))
        let count = 32 * 37
        let bytes = randomBlocks(format, blocks: count / 32, rng: &rng)
        withPointers(bytes) { p in
            var scalar = [Float](repeating: .nan, count: count)
            scalar.withUnsafeMutableBufferPointer {
                Dequantize.row(format, p, count: count, into: $0.baseAddress!, kernels: KernelVariant.supported[0].table)
            }
            for variant in KernelVariant.supported.dropFirst() {
                var out = [Float](repeating: .nan, count: count)
                out.withUnsafeMutableBufferPointer {
                    Dequantize.row(format, p, count: count, into: $0.baseAddress!, kernels: variant.table)
                }
                #expect(out.map(\.bitPattern) == scalar.map(\.bitPattern), "\(variant) \(format) differs from scalar")
            }
        }
    }

    @Test func everyVariantsDotProductIsAccurate() {
        var rng = SeededRandom(seed: 990)
        for n in [0, 1, 7, 8, 31, 32, 33, 64, 100, 576, 1537] {
            let a = rng.floats(n), b = rng.floats(n)
            var exact = 0.0, magnitude = 0.0
            for i in 0..<n { exact += Double(a[i]) * Double(b[i]); magnitude += abs(Double(a[i]) * Double(b[i])) }
            for variant in KernelVariant.supported {
                var out: Float = .nan
                variant.table.pointee.dot_f32!(a, b, n, &out)
                #expect(abs(Double(out) - exact) <= magnitude * 1e-6 + 1e-7, "\(variant) n=\(n): \(out) vs \(exact)")
            }
        }
    }

    @Test func everyVariantsAttentionKernelsAreAccurate() {
        var rng = SeededRandom(seed: 991)
        for (count, dim) in [(1, 8), (5, 64), (33, 13), (200, 64)] {
            let query = rng.floats(dim), keys = rng.floats(count * dim), values = rng.floats(count * dim)
            let weights = (0..<count).map { _ in rng.float(0, 1) }
            for variant in KernelVariant.supported {
                var scores = [Float](repeating: .nan, count: count), mixed = [Float](repeating: .nan, count: dim)
                variant.table.pointee.attn_scores!(query, keys, count, dim, 0.5, &scores)
                variant.table.pointee.attn_mix!(weights, values, count, dim, &mixed)
                for p in 0..<count {
                    let exact = (0..<dim).reduce(0.0) { $0 + Double(query[$1]) * Double(keys[p * dim + $1]) } * 0.5
                    #expect(abs(Double(scores[p]) - exact) <= 1e-5 * Double(dim), "\(variant) score \(p) of \(count)×\(dim)")
                }
                for j in 0..<dim {
                    let exact = (0..<count).reduce(0.0) { $0 + Double(weights[$1]) * Double(values[$1 * dim + j]) }
                    #expect(abs(Double(mixed[j]) - exact) <= 1e-5 * Double(count), "\(variant) mix \(j) of \(count)×\(dim)")
                }
            }
        }
    }

    /// SiLU uses the same exp polynomial as `VectorOps.exp`, with no fused multiply-adds: bit-identical everywhere.
    @Test func everyVariantsSiLUMatchesTheSwiftFormulaExactly() {
        var rng = SeededRandom(seed: 992)
        let n = 1_027
        var gate = rng.floats(n, scale: 12)
        gate += [0, -0, 88.5, -88.5, 200, -200, .infinity, -.infinity]
        let up = rng.floats(gate.count)
        let expected = (0..<gate.count).map { gate[$0] / (1 + VectorOps.exp(-gate[$0])) * up[$0] }
        for variant in KernelVariant.supported {
            var out = gate
            variant.table.pointee.silu_mul!(&out, up, out.count)
            #expect(out.map(\.bitPattern) == expected.map(\.bitPattern), "\(variant)")
        }
    }

    @Test func everyVariantsSoftmaxIsAccurate() {
        var rng = SeededRandom(seed: 993)
        for n in [1, 3, 8, 9, 64, 301] {
            let x = rng.floats(n, scale: 10)
            let m = Double(x.max()!)
            let e = x.map { Foundation.exp(Double($0) - m) }
            let total = e.reduce(0, +)
            for variant in KernelVariant.supported {
                var y = x
                variant.table.pointee.softmax!(&y, n)
                for i in 0..<n {
                    #expect(abs(Double(y[i]) - e[i] / total) <= 2e-6 * e[i] / total + 1e-7, "\(variant) n=\(n) i=\(i)")
                }
                var masked: [Float] = [-.infinity, -.infinity, -.infinity]
                variant.table.pointee.softmax!(&masked, 3)
                #expect(masked == [1 / Float(3), 1 / Float(3), 1 / Float(3)])
            }
        }
    }
}
