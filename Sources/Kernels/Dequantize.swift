/// Row dequantisation for every supported format, in plain Swift.
///
/// The float operation order in each formula is ggml's (and gguf-py's), so results are bit-identical to
/// `gguf.quants.dequantize` (checked against real model blocks in the tests). Swift does not contract
/// `a * b - c` into an FMA, which that bit-exactness relies on.
enum Dequantize {
    @inline(__always)
    static func half(_ p: UnsafeRawPointer, _ offset: Int = 0) -> Float {
        Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    /// Dequantises one row of `count` values (a whole number of blocks) from `src` into `out`.
    static func row(_ format: QuantFormat, _ src: UnsafeRawPointer, count: Int, into out: UnsafeMutablePointer<Float>) {
        switch format {
        case .f32: UnsafeMutableRawPointer(out).copyMemory(from: src, byteCount: count &* 4)
        case .f16: f16(src, count, out)
        case .bf16: bf16(src, count, out)
        case .q8_0: q8_0(src, count / 32, out)
        case .q4_0: q4_0(src, count / 32, out)
        case .q4_1: q4_1(src, count / 32, out)
        case .q5_0: q5(src, count / 32, out, withMin: false)
        case .q5_1: q5(src, count / 32, out, withMin: true)
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

    // Block layout and dequantisation as ggml's block_q8_0 / dequantize_row_q8_0 (ggml-quants.c): x = q·d.
    static func q8_0(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            let blk = src + b &* 34
            let d = half(blk)
            let q = (blk + 2).assumingMemoryBound(to: Int8.self)
            let o = out + b &* 32
            for i in 0..<32 { o[i] = Float(q[i]) * d }
        }
    }

    // Block layout and dequantisation as ggml's block_q4_0 / dequantize_row_q4_0 (ggml-quants.c):
    // x = (q − 8)·d, low nibbles are elements 0–15, high nibbles 16–31.
    static func q4_0(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            let blk = src + b &* 18
            let d = half(blk)
            let q = (blk + 2).assumingMemoryBound(to: UInt8.self)
            let o = out + b &* 32
            for i in 0..<16 {
                o[i] = Float(Int32(q[i] & 0x0F) &- 8) * d
                o[i &+ 16] = Float(Int32(q[i] &>> 4) &- 8) * d
            }
        }
    }

    // Block layout and dequantisation as ggml's block_q4_1 / dequantize_row_q4_1 (ggml-quants.c): x = q·d + m.
    static func q4_1(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            let blk = src + b &* 20
            let d = half(blk), m = half(blk, 2)
            let q = (blk + 4).assumingMemoryBound(to: UInt8.self)
            let o = out + b &* 32
            for i in 0..<16 {
                o[i] = Float(q[i] & 0x0F) * d + m
                o[i &+ 16] = Float(q[i] &>> 4) * d + m
            }
        }
    }

    // Block layouts and dequantisation as ggml's block_q5_0 / block_q5_1 and dequantize_row_q5_0 / _q5_1
    // (ggml-quants.c): the fifth bit of element j is bit j of the 32-bit qh (elements 16–31: bits 16–31);
    // Q5_0: x = (q − 16)·d; Q5_1: x = q·d + m.
    static func q5(_ src: UnsafeRawPointer, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, withMin: Bool) {
        let size = withMin ? 24 : 22, qhAt = withMin ? 4 : 2
        for b in 0..<blocks {
            let blk = src + b &* size
            let d = half(blk), m = withMin ? half(blk, 2) : 0
            let qh = blk.loadUnaligned(fromByteOffset: qhAt, as: UInt32.self).littleEndian
            let q = (blk + qhAt + 4).assumingMemoryBound(to: UInt8.self)
            let o = out + b &* 32
            for i in 0..<16 {
                let lo = Int32(q[i] & 0x0F) | Int32((qh >> UInt32(i)) & 1) << 4
                let hi = Int32(q[i] &>> 4) | Int32((qh >> UInt32(i + 16)) & 1) << 4
                if withMin {
                    o[i] = Float(lo) * d + m
                    o[i &+ 16] = Float(hi) * d + m
                } else {
                    o[i] = Float(lo &- 16) * d
                    o[i &+ 16] = Float(hi &- 16) * d
                }
            }
        }
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
