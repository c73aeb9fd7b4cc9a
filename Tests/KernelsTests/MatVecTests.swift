import Foundation
import Testing
@testable import Kernels

/// Quantised and float matrix-vector products against references.
@Suite("MatVec")
struct MatVecTests {
    /// Per-element bound on the activation quantisation error of `x` for weight format `f`: Q8_0/Q8_1 half a step
    /// plus the binary16 rounding of d (|q| ≤ 127); Q8_K (float d) half a step; float formats none.
    static func activationErrors(_ f: QuantFormat, _ x: [Float]) -> [Float] {
        guard f.isQuantized else { return [Float](repeating: 0, count: x.count) }
        let block = f.blockSize == 256 ? 256 : 32
        var e = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xp in
            e.withUnsafeMutableBufferPointer { ep in
                for start in stride(from: 0, to: x.count, by: block) {
                    var amax: Float = 0
                    for i in start..<(start + block) { amax = Swift.max(amax, abs(xp[i])) }
                    let v = block == 256 ? amax / 127 * 0.5001 : amax / 127 * (0.5 + 127.0 / 2048)
                    for i in start..<(start + block) { ep[i] = v }
                }
            }
        }
        return e
    }

    /// (Σ|w_i|·e_i, Σ|w_i·x_i|) for row `r` of the dense matrix.
    static func rowTerms(_ dense: [Float], row r: Int, cols: Int, _ x: [Float], _ e: [Float]) -> (bound: Float, magnitude: Float) {
        var bound: Float = 0, magnitude: Float = 0
        dense.withUnsafeBufferPointer { wp in
            x.withUnsafeBufferPointer { xp in
                e.withUnsafeBufferPointer { ep in
                    let w = wp.baseAddress! + r * cols
                    for i in 0..<cols {
                        bound += abs(w[i]) * ep[i]
                        magnitude += abs(w[i] * xp[i])
                    }
                }
            }
        }
        return (bound, magnitude)
    }

    /// Bound on |quantised-activation result − exact f32 result| for one row: Σ|w_i|·e_i plus a small relative term
    /// for binary16 scales and float summation order.
    static func activationBound(_ terms: (bound: Float, magnitude: Float), quantized: Bool) -> Float {
        quantized ? terms.bound * 1.001 + terms.magnitude / 512 + 1e-5 : terms.magnitude * 2e-6 + 1e-6
    }

    static let shapes: [(rows: Int, blocks: Int)] = [(1, 1), (3, 3), (7, 2), (33, 5), (100, 4), (301, 3)]

    /// C kernels against the Swift reference (same arithmetic; only float summation order differs), and against
    /// dequantise-then-f32-dot (within the 8-bit activation bound), for 1–3 pool threads.
    @Test(arguments: QuantFormat.allCases)
    func matchesReferences(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 100 &+ UInt64(format.ggmlType))
        let pools = [WorkerPool(threads: 1), WorkerPool(threads: 2), WorkerPool(threads: 3)]
        for (rows, blocks) in Self.shapes {
            let (cols, bytes, x) = randomMatrix(format, rows: rows, blocks: blocks, rng: &rng)
            let scratch = MatVecScratch(maxColumns: cols)
            withPointers(bytes) { p in
                let w = WeightMatrix(format: format, rows: rows, columns: cols, data: p)
                let dense = dequantizeAll(w)
                let exact = naiveMatVec(dense, rows: rows, cols: cols, x)
                var results: [[Float]] = []
                for pool in pools {
                    var y = [Float](repeating: .nan, count: rows)
                    x.withUnsafeBufferPointer { xp in
                        y.withUnsafeMutableBufferPointer { MatVec.multiply(w, xp.baseAddress!, into: $0.baseAddress!, scratch: scratch, pool: pool) }
                    }
                    results.append(y)
                }
                #expect(results.allSatisfy { $0.map(\.bitPattern) == results[0].map(\.bitPattern) },
                        "\(format) \(rows)×\(cols): result depends on the thread count")
                // Swift reference on the same quantised activation.
                var reference = [Float](repeating: 0, count: rows)
                x.withUnsafeBufferPointer { xp in
                    let a = scratch.activation(0)
                    ActivationQuantizer.quantize(xp.baseAddress!, count: cols, for: format, into: a)
                    reference.withUnsafeMutableBufferPointer { ReferenceDot.gemv(w, a, xp.baseAddress!, $0.baseAddress!) }
                }
                let e = Self.activationErrors(format, x)
                for r in 0..<rows {
                    let terms = Self.rowTerms(dense, row: r, cols: cols, x, e)
                    #expect(abs(results[0][r] - reference[r]) <= terms.magnitude * 2e-6 + 1e-6,
                            "\(format) \(rows)×\(cols) row \(r): C \(results[0][r]) vs Swift reference \(reference[r])")
                    let bound = Self.activationBound(terms, quantized: format.isQuantized)
                    #expect(abs(results[0][r] - exact[r]) <= bound,
                            "\(format) \(rows)×\(cols) row \(r): \(results[0][r]) vs f32 \(exact[r]) (bound \(bound))")
                }
            }
        }
    }

    /// Weights from the reference quantisers (realistic codes rather than random bytes), a matrix large enough to
    /// go through the pool, and the relative error of the whole output vector.
    @Test(arguments: [QuantFormat.q8_0, .q4_0, .q4_1, .q4_K, .q5_K, .q6_K])
    func quantisedWeightsEndToEnd(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 200 &+ UInt64(format.ggmlType))
        let rows = 384, cols = 768
        let dense = rng.floats(rows * cols, scale: 0.02)
        let bytes = Quantizer.quantize(dense, format: format)
        let x = rng.floats(cols)
        let pool = WorkerPool(threads: 2)
        let scratch = MatVecScratch(maxColumns: cols)
        withPointers(bytes) { p in
            let w = WeightMatrix(format: format, rows: rows, columns: cols, data: p)
            #expect(w.byteCount >= MatVec.parallelThresholdBytes)
            let exact = naiveMatVec(dequantizeAll(w), rows: rows, cols: cols, x)
            var y = [Float](repeating: 0, count: rows)
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { MatVec.multiply(w, xp.baseAddress!, into: $0.baseAddress!, scratch: scratch, pool: pool) }
            }
            var err = 0.0, norm = 0.0
            for r in 0..<rows {
                err += Double((y[r] - exact[r]) * (y[r] - exact[r]))
                norm += Double(exact[r] * exact[r])
            }
            // 8-bit activations: about 0.3–1 % relative error on the output vector.
            #expect((err / norm).squareRoot() < 0.02, "\(format): relative error \((err / norm).squareRoot())")
        }
    }

    /// Several matrices sharing one input give exactly the per-matrix results.
    @Test func multipleMatricesOneDispatch() {
        var rng = SeededRandom(seed: 300)
        let cols = 512
        let formats: [(QuantFormat, Int)] = [(.q4_1, 200), (.q8_0, 64), (.q4_K, 130), (.f16, 33), (.q6_K, 90), (.q4_0, 7)]
        let mats = formats.map { f, rows in randomBlocks(f, blocks: rows * cols / f.blockSize, rng: &rng) }
        let x = rng.floats(cols)
        let pool = WorkerPool(threads: 3)
        let scratch = MatVecScratch(maxColumns: cols)
        var single: [[Float]] = [], combined: [[Float]] = formats.map { [Float](repeating: .nan, count: $0.1) }
        var ws: [WeightMatrix] = []
        var keep: [UnsafeMutableRawPointer] = []
        for (i, (f, rows)) in formats.enumerated() {
            let p = UnsafeMutableRawPointer.allocate(byteCount: mats[i].count, alignment: 32)
            mats[i].withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            keep.append(p)
            ws.append(WeightMatrix(format: f, rows: rows, columns: cols, data: p))
        }
        defer { keep.forEach { $0.deallocate() } }
        x.withUnsafeBufferPointer { xp in
            for w in ws {
                var y = [Float](repeating: 0, count: w.rows)
                y.withUnsafeMutableBufferPointer { MatVec.multiply(w, xp.baseAddress!, into: $0.baseAddress!, scratch: scratch, pool: pool) }
                single.append(y)
            }
            let outs = UnsafeMutableBufferPointer<UnsafeMutablePointer<Float>>.allocate(capacity: ws.count)
            defer { outs.deallocate() }
            for i in 0..<ws.count { outs[i] = .allocate(capacity: ws[i].rows) }
            ws.withUnsafeBufferPointer { wp in
                MatVec.multiply(wp, xp.baseAddress!, into: UnsafeBufferPointer(outs), scratch: scratch, pool: pool)
            }
            for i in 0..<ws.count {
                combined[i] = Array(UnsafeBufferPointer(start: outs[i], count: ws[i].rows))
                outs[i].deallocate()
            }
        }
        for i in 0..<ws.count { #expect(single[i].map(\.bitPattern) == combined[i].map(\.bitPattern), "\(formats[i].0)") }
    }

    /// Batched products: the small-batch path equals repeated matvecs exactly; the sgemm path equals the naive f32
    /// product (tight) and the matvecs (within the activation bound).
    @Test(arguments: [QuantFormat.f32, .f16, .bf16, .q8_0, .q4_0, .q4_1, .q4_K, .q5_K, .q6_K])
    func batchMatchesMatVec(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 400 &+ UInt64(format.ggmlType))
        let rows = 45, cols = 256
        let bytes = randomBlocks(format, blocks: rows * cols / format.blockSize, rng: &rng)
        let pool = WorkerPool(threads: 2)
        // A small tile so the sgemm path takes several tiles.
        let scratch = MatVecScratch(maxColumns: cols, maxBatch: 2, tileBytes: 16 * cols * 4,
                                    quantizedBatchLimit: format == .q4_1 ? 16 : MatVec.smallBatchLimit)
        withPointers(bytes) { p in
            let w = WeightMatrix(format: format, rows: rows, columns: cols, data: p)
            let dense = dequantizeAll(w)
            for n in [1, 2, 3, 4, 5, 33] {
                let x = rng.floats(n * cols)
                var y = [Float](repeating: .nan, count: n * rows)
                x.withUnsafeBufferPointer { xp in
                    y.withUnsafeMutableBufferPointer { MatVec.multiplyBatch(w, xp.baseAddress!, count: n, into: $0.baseAddress!, scratch: scratch, pool: pool) }
                }
                for t in 0..<n {
                    let xt = Array(x[(t * cols)..<((t + 1) * cols)])
                    var yt = [Float](repeating: 0, count: rows)
                    xt.withUnsafeBufferPointer { xp in
                        yt.withUnsafeMutableBufferPointer { MatVec.multiply(w, xp.baseAddress!, into: $0.baseAddress!, scratch: scratch, pool: pool) }
                    }
                    let exact = naiveMatVec(dense, rows: rows, cols: cols, xt)
                    let e = Self.activationErrors(format, xt)
                    for r in 0..<rows {
                        let got = y[t * rows + r]
                        let terms = Self.rowTerms(dense, row: r, cols: cols, xt, e)
                        let mag = terms.magnitude
                        if n <= scratch.quantizedBatchLimit {
                            #expect(got.bitPattern == yt[r].bitPattern, "\(format) n=\(n) t=\(t) r=\(r)")
                        } else {
                            #expect(abs(got - exact[r]) <= mag * 1e-5 + 1e-6, "\(format) n=\(n) t=\(t) r=\(r): \(got) vs \(exact[r])")
                            let bound = format.isQuantized ? Self.activationBound(terms, quantized: true) : mag * 1e-5 + 1e-6
                            #expect(abs(got - yt[r]) <= bound, "\(format) n=\(n) t=\(t) r=\(r): batch \(got) vs matvec \(yt[r])")
                        }
                    }
                }
            }
        }
    }

    /// The sgemm path deals fixed tiles of rows out to the pool, so its results are bit-identical on any number of
    /// threads (each output element comes from the same call shape).
    @Test(arguments: [QuantFormat.f32, .q4_1, .q8_0])
    func batchIsTheSameOnAnyNumberOfThreads(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 500 &+ UInt64(format.ggmlType))
        let rows = 421, cols = 256, n = 40
        let bytes = randomBlocks(format, blocks: rows * cols / format.blockSize, rng: &rng)
        let x = rng.floats(n * cols)
        var results: [[UInt32]] = []
        withPointers(bytes) { p in
            let w = WeightMatrix(format: format, rows: rows, columns: cols, data: p)
            for threads in [1, 2, 3] {
                let pool = WorkerPool(threads: threads)
                // Both tile rules: half the matrix (224 rows, two tiles), and a budget of 96 rows (five tiles).
                for tileBytes in [768 << 10, 96 * cols * 4] {
                    let scratch = MatVecScratch(maxColumns: cols, tileBytes: tileBytes, tiles: threads)
                    var y = [Float](repeating: .nan, count: n * rows)
                    x.withUnsafeBufferPointer { xp in
                        y.withUnsafeMutableBufferPointer { MatVec.multiplyBatch(w, xp.baseAddress!, count: n, into: $0.baseAddress!, scratch: scratch, pool: pool) }
                    }
                    #expect(!y.contains { $0.isNaN })
                    results.append(y.map(\.bitPattern))
                }
            }
        }
        // Per tile rule, the same bits on 1, 2 and 3 threads.
        #expect(results[0] == results[2] && results[2] == results[4])
        #expect(results[1] == results[3] && results[3] == results[5])
    }

    @Test func batchTilesAreHalfTheMatrixAndAtLeast128Rows() {
        #expect(MatVec.batchTileRows(rows: 192) == 128)
        #expect(MatVec.batchTileRows(rows: 576) == 288)
        #expect(MatVec.batchTileRows(rows: 1536) == 768)
        #expect(MatVec.batchTileRows(rows: 421) == 224)
    }

    @Test func emptyAndTinyShapes() {
        let pool = WorkerPool(threads: 2)
        let scratch = MatVecScratch(maxColumns: 64)
        let bytes = Quantizer.quantize([Float](repeating: 0.5, count: 64), format: .q8_0)
        withPointers(bytes) { p in
            var y: [Float] = [7]
            let x = [Float](repeating: 1, count: 64)
            MatVec.multiply(WeightMatrix(format: .q8_0, rows: 0, columns: 64, data: p), x, into: &y, scratch: scratch, pool: pool)
            #expect(y == [7])
            MatVec.multiply(WeightMatrix(format: .q8_0, rows: 1, columns: 64, data: p), x, into: &y, scratch: scratch, pool: pool)
            #expect(abs(y[0] - 32) < 0.05)
            MatVec.multiplyBatch(WeightMatrix(format: .q8_0, rows: 1, columns: 64, data: p), x, count: 0, into: &y, scratch: scratch, pool: pool)
            #expect(abs(y[0] - 32) < 0.05)
        }
    }

    @Test func activeVariantIsTheWidestSupported() {
        let supported = KernelVariant.supported
        #expect(supported.first?.name == "scalar")
        #expect(KernelVariant.active == supported.last || ProcessInfo.processInfo.environment["DDX_KERNELS"] != nil)
        #expect(MatVec.kernelVariant == KernelVariant.active.name)
        #if arch(x86_64)
        if let flags = CPUFlags.current(), flags.isSuperset(of: ["avx2", "fma", "f16c"]) {
            #expect(supported.contains { $0.name == "AVX2" })
        }
        if let flags = CPUFlags.current(), flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "bmi2"]) {
            #expect(supported.contains { $0.name == "AVX-512" })
        }
        #else
        #expect(Set(supported.map(\.name)).isSubset(of: ["scalar", "NEON"]))
        #endif
    }
}
