/// Straightforward Swift versions of the C matvec kernels (CKernels/kernels.c): the same quantised activations, the
/// same per-block integer sums and scale products, written for clarity. The tests check every C kernel against
/// these; they are not used on the hot path.
enum ReferenceDot {
    @inline(__always)
    private static func half(_ p: UnsafeRawPointer, _ offset: Int = 0) -> Float { Dequantize.half(p, offset) }

    /// y[r] for `rows` rows of `w` with activation `a` (quantised formats) or `x` (float formats).
    static func gemv(_ w: WeightMatrix, _ a: QuantizedActivation, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
        for r in 0..<w.rows { y[r] = dot(w.format, w.rowPointer(r), columns: w.columns, a, x) }
    }

    static func dot(_ format: QuantFormat, _ row: UnsafeRawPointer, columns: Int, _ a: QuantizedActivation,
                    _ x: UnsafePointer<Float>) -> Float {
        switch format {
        case .f32, .f16, .bf16:
            let tmp = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(columns, 1))
            defer { tmp.deallocate() }
            Dequantize.row(format, row, count: columns, into: tmp)
            var s: Float = 0
            for i in 0..<columns { s += tmp[i] * x[i] }
            return s
        case .q8_0: return q8_0(row, columns / 32, a)
        case .q4_0: return q4_0(row, columns / 32, a)
        case .q4_1: return q4_1(row, columns / 32, a)
        case .q5_0: return q5(row, columns / 32, a, withMin: false)
        case .q5_1: return q5(row, columns / 32, a, withMin: true)
        case .q4_K: return k4(row, columns / 256, a, fiveBit: false)
        case .q5_K: return k4(row, columns / 256, a, fiveBit: true)
        case .q6_K: return q6_K(row, columns / 256, a)
        }
    }

    // As ggml's ggml_vec_dot_q8_0_q8_0 (ggml-cpu/quants.c): Σ_blocks (Σ q_w·q_a) · (d_w·d_a).
    static func q8_0(_ row: UnsafeRawPointer, _ blocks: Int, _ a: QuantizedActivation) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let blk = row + b * 34
            var s: Int32 = 0
            for i in 0..<32 { s += Int32(blk.load(fromByteOffset: 2 + i, as: Int8.self)) * Int32(a.q[b * 32 + i]) }
            sum += Float(s) * (half(blk) * a.d[b])
        }
        return sum
    }

    // As ggml's ggml_vec_dot_q4_0_q8_0 (ggml-cpu/quants.c): Σ_blocks (Σ (q_w − 8)·q_a) · (d_w·d_a). (The C kernel
    // splits off the −8·Σq_a part through the activation's offset array; equal up to float rounding.)
    static func q4_0(_ row: UnsafeRawPointer, _ blocks: Int, _ a: QuantizedActivation) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let blk = row + b * 18
            var s: Int32 = 0
            for i in 0..<16 {
                let byte = blk.load(fromByteOffset: 2 + i, as: UInt8.self)
                s += (Int32(byte & 0x0F) - 8) * Int32(a.q[b * 32 + i])
                s += (Int32(byte >> 4) - 8) * Int32(a.q[b * 32 + 16 + i])
            }
            sum += Float(s) * (half(blk) * a.d[b])
        }
        return sum
    }

    // As ggml's ggml_vec_dot_q4_1_q8_1 (ggml-cpu/quants.c): Σ_blocks (d_w·d_a)·Σ q_w·q_a + m_w·s_a.
    static func q4_1(_ row: UnsafeRawPointer, _ blocks: Int, _ a: QuantizedActivation) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let blk = row + b * 20
            var s: Int32 = 0
            for i in 0..<16 {
                let byte = blk.load(fromByteOffset: 4 + i, as: UInt8.self)
                s += Int32(byte & 0x0F) * Int32(a.q[b * 32 + i])
                s += Int32(byte >> 4) * Int32(a.q[b * 32 + 16 + i])
            }
            sum += (half(blk) * a.d[b]) * Float(s) + half(blk, 2) * a.s[b]
        }
        return sum
    }

    // As ggml's ggml_vec_dot_q5_0_q8_0 / ggml_vec_dot_q5_1_q8_1 (ggml-cpu/quants.c): Q5_0 Σ_blocks (Σ (q_w − 16)·q_a)·(d_w·d_a);
    // Q5_1 Σ_blocks (d_w·d_a)·Σ q_w·q_a + m_w·s_a.
    static func q5(_ row: UnsafeRawPointer, _ blocks: Int, _ a: QuantizedActivation, withMin: Bool) -> Float {
        let size = withMin ? 24 : 22, qhAt = withMin ? 4 : 2
        var sum: Float = 0
        for b in 0..<blocks {
            let blk = row + b * size
            let qh = blk.loadUnaligned(fromByteOffset: qhAt, as: UInt32.self).littleEndian
            let offset: Int32 = withMin ? 0 : 16
            var s: Int32 = 0
            for i in 0..<16 {
                let byte = blk.load(fromByteOffset: qhAt + 4 + i, as: UInt8.self)
                let lo = Int32(byte & 0x0F) | Int32((qh >> UInt32(i)) & 1) << 4
                let hi = Int32(byte >> 4) | Int32((qh >> UInt32(i + 16)) & 1) << 4
                s += (lo - offset) * Int32(a.q[b * 32 + i])
                s += (hi - offset) * Int32(a.q[b * 32 + 16 + i])
            }
            sum += withMin ? (half(blk) * a.d[b]) * Float(s) + half(blk, 2) * a.s[b] : Float(s) * (half(blk) * a.d[b])
        }
        return sum
    }

    // As ggml's ggml_vec_dot_q4_K_q8_K / q5_K_q8_K (ggml-cpu/quants.c): per super-block
    // d·d_a·Σ_j sc_j·Σ q·q_a − dmin·d_a·Σ_j m_j·(bsum_2j + bsum_2j+1).
    static func k4(_ row: UnsafeRawPointer, _ blocks: Int, _ a: QuantizedActivation, fiveBit: Bool) -> Float {
        let bytes = fiveBit ? 176 : 144
        var sum: Float = 0
        for b in 0..<blocks {
            let blk = row + b * bytes
            let scales = (blk + 4).assumingMemoryBound(to: UInt8.self)
            let qh = (blk + 16).assumingMemoryBound(to: UInt8.self)
            let qs = (blk + (fiveBit ? 48 : 16)).assumingMemoryBound(to: UInt8.self)
            let aq = a.q + b * 256
            var sumi: Int32 = 0, summ: Int32 = 0
            for j in 0..<8 {
                let (sc, m) = Dequantize.scaleMinK4(j, scales)
                let c = j / 2, high = j % 2 == 1
                var s: Int32 = 0
                for l in 0..<32 {
                    let byte = qs[32 * c + l]
                    var q = Int32(high ? byte >> 4 : byte & 0x0F)
                    if fiveBit { q |= Int32((qh[l] >> UInt8(j)) & 1) << 4 }
                    s += q * Int32(aq[32 * j + l])
                }
                sumi += Int32(sc) * s
                summ += Int32(m) * (Int32(a.bsums[b * 16 + 2 * j]) + Int32(a.bsums[b * 16 + 2 * j + 1]))
            }
            sum += half(blk) * a.d[b] * Float(sumi) - half(blk, 2) * a.d[b] * Float(summ)
        }
        return sum
    }

    // As ggml's ggml_vec_dot_q6_K_q8_K (ggml-cpu/quants.c): per super-block d·d_a·Σ_g sc_g·Σ (q − 32)·q_a.
    static func q6_K(_ row: UnsafeRawPointer, _ blocks: Int, _ a: QuantizedActivation) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let blk = row + b * 210
            let aq = a.q + b * 256
            var sumi: Int32 = 0
            for e in 0..<256 {
                let h = e / 128, l = e % 32, quarter = (e % 128) / 32
                let ql = blk.load(fromByteOffset: 64 * h + l + (quarter % 2 == 1 ? 32 : 0), as: UInt8.self)
                let low = quarter >= 2 ? ql >> 4 : ql & 0x0F
                let qh = blk.load(fromByteOffset: 128 + 32 * h + l, as: UInt8.self)
                let q = Int32(low | (((qh >> UInt8(2 * quarter)) & 3) << 4)) - 32
                let sc = Int32(blk.load(fromByteOffset: 192 + e / 16, as: Int8.self))
                sumi += sc * q * Int32(aq[e])
            }
            sum += half(blk, 208) * a.d[b] * Float(sumi)
        }
        return sum
    }
}
