internal import CKernels
/// Row dequantisation for every supported format: the 32-value formats in C (the `dequant_*` kernels of a `KernelVariant`, vectorised), the
/// float and K-quant formats in plain Swift.
///
/// The float operation order in each formula is ggml's (and gguf-py's), so results are bit-identical to
/// `gguf.quants.dequantize` (checked against real model blocks in the tests, and per element against ggml's formulas).
/// Neither Swift nor the C intrinsics contract `a * b + c` into an FMA, which that bit-exactness relies on.
enum Dequantize {
    @inline(__always)
    static func half(_ p: UnsafeRawPointer, _ offset: Int = 0) -> Float {
        Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    /// Dequantises one row of `count` values (a whole number of blocks) from `src` into `out`, the 32-value formats
    /// with `kernels` (the active variant unless a test picks another).
    static func row(_ format: QuantFormat, _ src: UnsafeRawPointer, count: Int, into out: UnsafeMutablePointer<Float>,
                    kernels: UnsafePointer<ckern_kernel_table> = KernelVariant.activeTable) {
        let k = kernels.pointee
        switch format {
        case .f32: UnsafeMutableRawPointer(out).copyMemory(from: src, byteCount: count &* 4)
        case .f16: f16(src, count, out)
        case .bf16: bf16(src, count, out)
        case .q8_0: k.dequant_q8_0!(src, count / 32, out)
        case .q4_0: k.dequant_q4_0!(src, count / 32, out)
        case .q4_1: k.dequant_q4_1!(src, count / 32, out)
        case .q5_0: k.dequant_q5_0!(src, count / 32, out)
        case .q5_1: k.dequant_q5_1!(src, count / 32, out)
        case .q4_K: q4_K(src, count / 256, out)
        case .q5_K: q5_K(src, count / 256, out)
        case .q6_K: q6_K(src, count / 256, out)
        }
    }

    static func f16(_ src: UnsafeRawPointer, _ n: Int, _ out: UnsafeMutablePointer<Float>) {
        let h = src.assumingMemoryBound(to: UInt16.self)
        for i in 0..<n { out[i] = Float(Float16(bitPattern: h[i])) }
    }

    static func bf16(_ src: UnsafeRawPointer, _ n: Int, _ out: UnsafeMutablePointer<Float>) {
        let h = src.assumingMemoryBound(to: UInt16.self)
        for i in 0..<n { out[i] = Float(bitPattern: UInt32(h[i]) &<< 16) }
    }

    /// The 6-bit scale and min of sub-block `j` (0..<8) of a Q4_K/Q5_K super-block.
    // Packing as ggml's get_scale_min_k4 (ggml-quants.c).
    @inline(__always)
    static func scaleMinK4(_ j: Int, _ s: UnsafePointer<UInt8>) -> (scale: UInt8, min: UInt8) {
        if j < 4 { return (s[j] & 63, s[j &+ 4] & 63) }
        return ((s[j &+ 4] & 0x0F) | ((s[j &- 4] &>> 6) &<< 4), (s[j &+ 4] &>> 4) | ((s[j] &>> 6) &<< 4))
    }

    // Block layout and dequantisation as ggml's block_q4_K / dequantize_row_q4_K (ggml-quants.c):
    // x = (d·sc)·q − dmin·m per 32-value sub-block; each 32 bytes of nibbles hold two sub-blocks (low, then high).
    static func q4_K(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            let blk = src + b &* 144
            let d = half(blk), dmin = half(blk, 2)
            let scales = (blk + 4).assumingMemoryBound(to: UInt8.self)
            let qs = (blk + 16).assumingMemoryBound(to: UInt8.self)
            let o = out + b &* 256
            for c in 0..<4 {
                let (s1, m1) = scaleMinK4(2 &* c, scales)
                let (s2, m2) = scaleMinK4(2 &* c &+ 1, scales)
                let d1 = d * Float(s1), dm1 = dmin * Float(m1)
                let d2 = d * Float(s2), dm2 = dmin * Float(m2)
                let q = qs + 32 &* c
                let oc = o + 64 &* c
                for l in 0..<32 { oc[l] = d1 * Float(q[l] & 0x0F) - dm1 }
                for l in 0..<32 { oc[l &+ 32] = d2 * Float(q[l] &>> 4) - dm2 }
            }
        }
    }

    // Block layout and dequantisation as ggml's block_q5_K / dequantize_row_q5_K (ggml-quants.c):
    // as Q4_K with a fifth bit per value from qh (bit 2c for the low-nibble sub-block of chunk c, bit 2c+1 for the high).
    static func q5_K(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            let blk = src + b &* 176
            let d = half(blk), dmin = half(blk, 2)
            let scales = (blk + 4).assumingMemoryBound(to: UInt8.self)
            let qh = (blk + 16).assumingMemoryBound(to: UInt8.self)
            let qs = (blk + 48).assumingMemoryBound(to: UInt8.self)
            let o = out + b &* 256
            for c in 0..<4 {
                let (s1, m1) = scaleMinK4(2 &* c, scales)
                let (s2, m2) = scaleMinK4(2 &* c &+ 1, scales)
                let d1 = d * Float(s1), dm1 = dmin * Float(m1)
                let d2 = d * Float(s2), dm2 = dmin * Float(m2)
                let q = qs + 32 &* c
                let oc = o + 64 &* c
                let lowBit = UInt8(2 &* c), highBit = UInt8(2 &* c &+ 1)
                for l in 0..<32 { oc[l] = d1 * Float((q[l] & 0x0F) | (((qh[l] &>> lowBit) & 1) &<< 4)) - dm1 }
                for l in 0..<32 { oc[l &+ 32] = d2 * Float((q[l] &>> 4) | (((qh[l] &>> highBit) & 1) &<< 4)) - dm2 }
            }
        }
    }

    // Block layout and dequantisation as ggml's block_q6_K / dequantize_row_q6_K (ggml-quants.c):
    // x = (d·sc)·(q − 32), q = 4 low bits from ql | 2 high bits from qh, 16 int8 scales for 16-value groups.
    static func q6_K(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            let blk = src + b &* 210
            let d = half(blk, 208)
            let sc = (blk + 192).assumingMemoryBound(to: Int8.self)
            let o = out + b &* 256
            for h in 0..<2 {
                let ql = (blk + 64 &* h).assumingMemoryBound(to: UInt8.self)
                let qh = (blk + (128 &+ 32 &* h)).assumingMemoryBound(to: UInt8.self)
                let s = sc + 8 &* h
                let oh = o + 128 &* h
                // Quarter k (values 32k…32k+31 of this half): low or high nibbles of ql[0…31] or ql[32…63], and
                // bits 2k, 2k+1 of qh; one scale per 16 values.
                for k in 0..<4 {
                    let low = ql + (k & 1) &* 32
                    let nibbleShift = UInt8((k >> 1) &* 4), highShift = UInt8(2 &* k)
                    for half in 0..<2 {
                        let scale = d * Float(s[2 &* k &+ half])
                        let base = 16 &* half
                        let ok = oh + (32 &* k &+ base)
                        for l in 0..<16 {
                            let q = ((low[base &+ l] &>> nibbleShift) & 0x0F) | (((qh[base &+ l] &>> highShift) & 3) &<< 4)
                            ok[l] = scale * Float(Int32(q) &- 32)
                        }
                    }
                }
            }
        }
    }
}
