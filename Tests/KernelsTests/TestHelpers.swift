@testable import Kernels

/// Seeded SplitMix64: reproducible test data without Foundation.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [lo, hi) (24 random bits; cheap even in debug builds).
    mutating func float(_ lo: Float, _ hi: Float) -> Float {
        lo + (hi - lo) * Float(next() >> 40) * (1.0 / 16_777_216)
    }

    /// Roughly normal (sum of four uniforms), scaled; one value in 64 is an 8× outlier, like real activations.
    mutating func activation(_ scale: Float = 1) -> Float {
        let r = next()
        var s: Float = -2
        for k in 0..<4 { s += Float((r >> (16 * UInt64(k))) & 0xFFFF) * (1.0 / 32_768) }
        if r & 0x3F == 0 { s *= 8 }
        return s * scale
    }

    mutating func floats(_ n: Int, scale: Float = 1) -> [Float] {
        var out = [Float](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { p in for i in 0..<n { p[i] = activation(scale) } }
        return out
    }

    mutating func bytes(_ n: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { p in
            var i = 0
            while i < n {
                var r = next()
                for _ in 0..<8 where i < n {
                    p[i] = UInt8(truncatingIfNeeded: r)
                    r >>= 8
                    i += 1
                }
            }
        }
        return out
    }
}

/// Random bytes that form valid blocks of `format`: every binary16 / float scale is a finite, moderate value.
func randomBlocks(_ format: QuantFormat, blocks: Int, rng: inout SeededRandom) -> [UInt8] {
    var b = rng.bytes(blocks * format.bytesPerBlock)
    func putHalf(_ v: Float, _ at: Int) {
        let h = Half.fromFloat(v)
        b[at] = UInt8(h & 0xFF)
        b[at + 1] = UInt8(h >> 8)
    }
    for k in 0..<blocks {
        let o = k * format.bytesPerBlock
        switch format {
        case .f32:
            let bits = rng.float(-2, 2).bitPattern
            for i in 0..<4 { b[o + i] = UInt8((bits >> (8 * UInt32(i))) & 0xFF) }
        case .f16: putHalf(rng.float(-2, 2), o)
        case .bf16:
            let h = BF16.fromFloat(rng.float(-2, 2))
            b[o] = UInt8(h & 0xFF); b[o + 1] = UInt8(h >> 8)
        case .q8_0, .q4_0: putHalf(rng.float(-0.05, 0.05), o)
        case .q4_1, .q5_1: putHalf(rng.float(0, 0.05), o); putHalf(rng.float(-0.4, 0.1), o + 2)
        case .q5_0: putHalf(rng.float(-0.05, 0.05), o)
        case .q4_K, .q5_K: putHalf(rng.float(0, 0.002), o); putHalf(rng.float(0, 0.002), o + 2)
        case .q6_K: putHalf(rng.float(0, 0.0005), o + 208)
        }
    }
    return b
}

/// |a − b| ≤ abs + rel·|b|.
func close(_ a: Float, _ b: Float, abs: Float = 1e-6, rel: Float = 1e-5) -> Bool {
    Swift.abs(a - b) <= abs + rel * Swift.abs(b)
}

/// Runs `body` with raw pointers to each array.
func withPointers<R>(_ a: [UInt8], _ body: (UnsafeRawPointer) -> R) -> R {
    a.withUnsafeBytes { body($0.baseAddress!) }
}

/// The naive f32 product y = W·x of a dequantised matrix (row-major, rows × cols), accumulated in Double.
func naiveMatVec(_ w: [Float], rows: Int, cols: Int, _ x: [Float]) -> [Float] {
    var y = [Float](repeating: 0, count: rows)
    w.withUnsafeBufferPointer { wp in
        x.withUnsafeBufferPointer { xp in
            for r in 0..<rows {
                var s = 0.0
                let row = wp.baseAddress! + r * cols
                for c in 0..<cols { s += Double(row[c]) * Double(xp[c]) }
                y[r] = Float(s)
            }
        }
    }
    return y
}

/// All rows of `w` dequantised.
func dequantizeAll(_ w: WeightMatrix) -> [Float] {
    var out = [Float](repeating: 0, count: w.rows * w.columns)
    out.withUnsafeMutableBufferPointer { w.dequantizeRows(0..<w.rows, into: $0.baseAddress!) }
    return out
}

/// A random weight matrix of `rows` rows and `blocks` blocks of `format` per row (float formats get odd widths, 37
/// values per "block"), as bytes, with an activation vector of its width.
func randomMatrix(_ format: QuantFormat, rows: Int, blocks: Int, rng: inout SeededRandom)
    -> (columns: Int, bytes: [UInt8], x: [Float]) {
    let cols = blocks * (format.blockSize == 1 ? 37 : format.blockSize == 256 ? 256 : 32)
    let bytes = randomBlocks(format, blocks: rows * cols / format.blockSize, rng: &rng)
    return (cols, bytes, rng.floats(cols))
}
