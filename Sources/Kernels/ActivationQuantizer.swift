/// One quantised activation vector in the layout the C kernels read (see CKernels.h): int8 quants, contiguous,
/// plus per-block scales/sums in separate arrays. All buffers are owned by a `MatVecScratch`.
struct QuantizedActivation {
    /// int8 quants, `capacity` entries.
    let q: UnsafeMutablePointer<Int8>
    /// Q8_0/Q8_1: per-32 scale (binary16-rounded); Q8_K: per-256 scale.
    let d: UnsafeMutablePointer<Float>
    /// Q8_1: per-32 binary16-rounded d·Σq (ggml's block_q8_1 `s`); Q8_0: per-32 −8·d·Σq (d as stored), the offset
    /// term of Q4_0 weights (Σ (q_w − 8)·q_a = Σ q_w·q_a − 8·Σ q_a).
    let s: UnsafeMutablePointer<Float>
    /// Q8_K: per-16 sums of the quants.
    let bsums: UnsafeMutablePointer<Int16>
}

/// Quantises float activations to the 8-bit block types ggml pairs with each weight format.
enum ActivationQuantizer {
    /// Q8_0 (and Q8_1 when `withSums`), 32 values per block.
    // As ggml's x86 quantize_row_q8_0 / quantize_row_q8_1 (ggml-cpu/arch/x86/quants.c): d = amax/127 stored as
    // binary16, q = round-half-even(x · 127/amax); Q8_1 also stores s = binary16(d · Σq).
    static func q8_0(_ x: UnsafePointer<Float>, count: Int, into a: QuantizedActivation, withSums: Bool) {
        let blocks = count / 32
        for b in 0..<blocks {
            let xb = x + b &* 32
            let amax = absMax(xb, 32)
            let d = amax / 127
            let id: Float = amax != 0 ? 127 / amax : 0
            let qb = a.q + b &* 32
            var sum: Int32 = 0
            for i in 0..<32 {
                let v = Int32(roundHalfEven(xb[i] * id))
                qb[i] = Int8(truncatingIfNeeded: v)
                sum &+= v
            }
            let dRounded = Half.round(d)
            a.d[b] = dRounded
            a.s[b] = withSums ? Half.round(d * Float(sum)) : -8 * dRounded * Float(sum)
        }
    }

    /// Q8_K, 256 values per block, float scale and 16 per-16 sums.
    // As ggml's quantize_row_q8_K_ref (ggml-quants.c): iscale = −127/max where max is the value of largest
    // magnitude, q = min(127, nearest(iscale·x)), d = 1/iscale, bsums = Σq per 16.
    static func q8_K(_ x: UnsafePointer<Float>, count: Int, into a: QuantizedActivation) {
        let blocks = count / 256
        for b in 0..<blocks {
            let xb = x + b &* 256
            let qb = a.q + b &* 256
            let sums = a.bsums + b &* 16
            // The value of largest magnitude, the first one on ties (ggml's strict `>` scan).
            let amax = absMax(xb, 256)
            var max: Float = 0
            for j in 0..<256 where abs(xb[j]) == amax {
                max = xb[j]
                break
            }
            if amax == 0 || amax.isNaN {
                a.d[b] = 0
                qb.update(repeating: 0, count: 256)
                sums.update(repeating: 0, count: 16)
                continue
            }
            let iscale = -127 / max
            for j in 0..<256 {
                let v = Int32(roundHalfEven(iscale * xb[j]))
                qb[j] = Int8(truncatingIfNeeded: v < 127 ? v : 127)
            }
            for g in 0..<16 {
                var s: Int32 = 0
                for l in 0..<16 { s &+= Int32(qb[g &* 16 &+ l]) }
                sums[g] = Int16(truncatingIfNeeded: s)
            }
            a.d[b] = 1 / iscale
        }
    }

    /// x rounded to the nearest integer, ties to even, for |x| ≤ 2²² (quantised activations are within ±128): adding
    /// and subtracting 1.5·2²³ leaves no fraction bits, so the FPU's default rounding does the work. The same result
    /// as `rounded(.toNearestOrEven)`, which needs SSE4.1 to avoid a libm call and so would not vectorise on the
    /// x86_64 baseline the Swift code is built for.
    @inline(__always)
    static func roundHalfEven(_ x: Float) -> Float {
        (x + 12_582_912) - 12_582_912
    }

    /// max |x[i]| over `n` values (n a multiple of 8), with 8-lane SIMD (a scalar `max` reduction does not vectorise).
    @inline(__always)
    static func absMax(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        let raw = UnsafeRawPointer(x)
        var m = SIMD8<Float>()
        var i = 0
        while i < n {
            var v = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            v.replace(with: -v, where: v .< 0)
            m.replace(with: v, where: v .> m)
            i &+= 8
        }
        return m.max()
    }

    /// Quantises `x` (`count` values) as the activation type `format` is paired with. No-op for float formats.
    static func quantize(_ x: UnsafePointer<Float>, count: Int, for format: QuantFormat, into a: QuantizedActivation) {
        switch format {
        case .q8_0, .q4_0, .q5_0: q8_0(x, count: count, into: a, withSums: false)
        case .q4_1, .q5_1: q8_0(x, count: count, into: a, withSums: true)
        case .q4_K, .q5_K, .q6_K: q8_K(x, count: count, into: a)
        case .f32, .f16, .bf16: break
        }
    }
}
