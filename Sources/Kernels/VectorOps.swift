internal import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Element-wise and reduction kernels on raw pointers; no allocation. Loops are written so LLVM vectorises them for
/// the build's baseline CPU (SSE2 on x86_64, NEON on arm64; the wide-SIMD kernels are the C ones, chosen at run
/// time): reductions keep 8-lane SIMD accumulators (the dot product, the hottest of them, is a C kernel), and `exp`
/// is a branch-free polynomial instead of a libm call.
public enum VectorOps {
    // MARK: reductions

    /// Σ a[i]·b[i], with the active `KernelVariant`'s C kernel (FMA where the CPU has it).
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var sum: Float = 0
        KernelVariant.activeTable.pointee.dot_f32!(a, b, count, &sum)
        return sum
    }

    /// Σ x[i].
    public static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        let r = UnsafeRawPointer(x)
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>()
        var i = 0
        while i &+ 16 <= count {
            s0 += r.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            s1 += r.loadUnaligned(fromByteOffset: i &* 4 &+ 32, as: SIMD8<Float>.self)
            i &+= 16
        }
        var sum = (s0 + s1).sum()
        while i < count { sum += x[i]; i &+= 1 }
        return sum
    }

    /// max x[i] (−∞ for an empty vector).
    public static func max(_ x: UnsafePointer<Float>, count: Int) -> Float {
        let r = UnsafeRawPointer(x)
        var i = 0
        var m = -Float.infinity
        if count >= 8 {
            var v = r.loadUnaligned(as: SIMD8<Float>.self)
            i = 8
            while i &+ 8 <= count {
                let w = r.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                v.replace(with: w, where: w .> v)
                i &+= 8
            }
            m = v.max()
        }
        while i < count { m = x[i] > m ? x[i] : m; i &+= 1 }
        return m
    }

    // MARK: normalisation

    /// out[i] = x[i] / sqrt(mean(x²) + ε) · weight[i]. `out` may be `x`.
    // As ggml's rms_norm followed by the weight multiply: scale = 1/sqrt(Σx²/n + ε), y = (x·scale)·w.
    public static func rmsNorm(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, count: Int, epsilon: Float,
                               into out: UnsafeMutablePointer<Float>) {
        guard count > 0 else { return }
        let ss = dot(x, x, count: count)
        let scale = 1 / (ss / Float(count) + epsilon).squareRoot()
        for i in 0..<count { out[i] = (x[i] * scale) * weight[i] }
    }

    /// out[i] = x[i] / sqrt(mean(x²) + ε) (no weight).
    public static func rmsNorm(_ x: UnsafePointer<Float>, count: Int, epsilon: Float, into out: UnsafeMutablePointer<Float>) {
        guard count > 0 else { return }
        let ss = dot(x, x, count: count)
        let scale = 1 / (ss / Float(count) + epsilon).squareRoot()
        for i in 0..<count { out[i] = x[i] * scale }
    }

    // MARK: rotary position embedding

    /// RoPE on one head vector of `headDim` values at `position`. `inverseFrequencies` has headDim/2 entries
    /// (θ_i = position · inverseFrequencies[i]); `neox` rotates pairs (i, i + headDim/2), otherwise (2i, 2i+1).
    public static func rope(_ x: UnsafeMutablePointer<Float>, headDim: Int, position: Int,
                            inverseFrequencies: UnsafePointer<Float>, neox: Bool) {
        let half = headDim / 2
        let p = Float(position)
        for i in 0..<half {
            let theta = p * inverseFrequencies[i]
            rotate(x, i, half, neox, cosf(theta), sinf(theta))
        }
    }

    /// Fills `cos`/`sin` (count entries each) for `position`, so many heads can share one table (see the
    /// table-taking `rope`).
    public static func ropeTables(position: Int, inverseFrequencies: UnsafePointer<Float>, count: Int,
                                  cos: UnsafeMutablePointer<Float>, sin: UnsafeMutablePointer<Float>) {
        let p = Float(position)
        for i in 0..<count {
            let theta = p * inverseFrequencies[i]
            cos[i] = cosf(theta)
            sin[i] = sinf(theta)
        }
    }

    /// RoPE with precomputed tables (headDim/2 entries each, from `ropeTables`).
    public static func rope(_ x: UnsafeMutablePointer<Float>, headDim: Int, cos: UnsafePointer<Float>,
                            sin: UnsafePointer<Float>, neox: Bool) {
        let half = headDim / 2
        if neox {
            for i in 0..<half {
                let a = x[i], b = x[i &+ half]
                x[i] = a * cos[i] - b * sin[i]
                x[i &+ half] = a * sin[i] + b * cos[i]
            }
        } else {
            for i in 0..<half { rotate(x, i, half, false, cos[i], sin[i]) }
        }
    }

    // As ggml's rope: (x0, x1) → (x0·cos − x1·sin, x0·sin + x1·cos).
    @inline(__always)
    private static func rotate(_ x: UnsafeMutablePointer<Float>, _ i: Int, _ half: Int, _ neox: Bool, _ c: Float, _ s: Float) {
        let i0 = neox ? i : 2 &* i
        let i1 = neox ? i &+ half : 2 &* i &+ 1
        let a = x[i0], b = x[i1]
        x[i0] = a * c - b * s
        x[i1] = a * s + b * c
    }

    // MARK: element-wise

    /// x = softmax(x), computed stably (max subtracted); uniform when every entry is −∞. The active
    /// `KernelVariant`'s C kernel, with the same `exp` polynomial as below.
    public static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        KernelVariant.activeTable.pointee.softmax!(x, count)
    }

    /// gate[i] = silu(gate[i]) · up[i], silu(g) = g / (1 + e^−g); the active `KernelVariant`'s C kernel, with the
    /// same `exp` polynomial as below.
    public static func siluMultiply(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        KernelVariant.activeTable.pointee.silu_mul!(gate, up, count)
    }

    /// x[i] = silu(x[i]).
    public static func silu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let g = x[i]
            x[i] = g / (1 + exp(-g))
        }
    }

    /// gate[i] = gelu(gate[i]) · up[i] with the tanh approximation
    /// gelu(g) = ½·g·(1 + tanh(√(2/π)·(g + 0.044715·g³))).
    public static func geluMultiply(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        for i in 0..<count {
            let g = gate[i]
            // ½(1 + tanh z) = 1/(1 + e^−2z)
            let z = 0.7978845608028654 * g * (1 + 0.044715 * g * g)
            gate[i] = g / (1 + exp(-2 * z)) * up[i]
        }
    }

    /// a[i] += b[i].
    public static func add(_ a: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { a[i] += b[i] }
    }

    /// a[i] *= b[i].
    public static func multiply(_ a: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { a[i] *= b[i] }
    }

    /// x[i] *= s.
    public static func scale(_ x: UnsafeMutablePointer<Float>, by s: Float, count: Int) {
        for i in 0..<count { x[i] *= s }
    }

    /// y[i] += alpha·x[i].
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { y[i] += alpha * x[i] }
    }

    // MARK: exp

    /// e^x for Float, branch-free so loops calling it vectorise. Cody–Waite reduction x = n·ln2 + r (|r| ≤ ln2/2),
    /// a degree-7 Taylor polynomial for e^r (truncation < 1e-8 relative), 2^n assembled in the exponent bits.
    /// Max error about 2 ulp; returns 0 below −87.3 (so e^−∞ = 0) and e^88 above 88.
    @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let xc = x > 88 ? 88 : (x < -87.3 ? -87.3 : x)
        let shifted = xc * 1.44269504088896341 + 12582912      // 1.5·2^23: rounds n to the nearest integer
        let n = shifted - 12582912
        let k = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        var r = xc - n * 0.693145751953125                      // ln2 split in a high part exact in float ...
        r = r - n * 1.428606765330187e-6                       // ... and the remainder
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let scale = Float(bitPattern: UInt32(bitPattern: (k &+ 127) &<< 23))
        let result = p * scale
        return x < -87.3 ? 0 : result
    }
}
