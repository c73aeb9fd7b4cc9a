/// Reference quantisers, so tests and the tiny-model builder can make weights in every supported format.
///
/// Q8_0, Q4_0 and Q4_1 are round-to-nearest exactly as ggml's `quantize_row_*_ref` (ggml-quants.c), so their
/// output is byte-identical to ggml's. The K-quants use a simpler quantiser than ggml's iterative search (which is
/// only about quality, not format): per sub-block it takes the range, chooses 6-bit scales (and mins) that are
/// rounded *up*, so the whole range is always covered, and rounds each value to the nearest level. Every value is
/// then within half a quantisation step of the input:
///   Q4_K/Q5_K  |x − x̂| ≤ ½·d·sc_j (+ float rounding), step d·sc_j ≤ (range_j)/15 (/31) + d;
///   Q6_K       |x − x̂| ≤ ½·d·sc_g, step d·sc_g ≤ amax_g/31 + d.
public enum Quantizer {
    /// Quantises `values` (a multiple of `format.blockSize`) into `format`'s byte layout.
    public static func quantize(_ values: [Float], format: QuantFormat) -> [UInt8] {
        require(values.count % format.blockSize == 0,
                     "\(values.count) values is not a multiple of the \(format) block size \(format.blockSize)")
        let blocks = values.count / format.blockSize
        var out = [UInt8](repeating: 0, count: blocks * format.bytesPerBlock)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBytes { dst in
                quantize(src.baseAddress!, count: values.count, format: format, into: dst.baseAddress!)
            }
        }
        return out
    }

    /// Pointer form: writes `format.rowBytes(columns: count)` bytes to `out`.
    public static func quantize(_ x: UnsafePointer<Float>, count: Int, format: QuantFormat, into out: UnsafeMutableRawPointer) {
        let bs = format.blockSize, bb = format.bytesPerBlock
        switch format {
        case .f32:
            out.copyMemory(from: x, byteCount: count * 4)
        case .f16:
            for i in 0..<count { out.storeBytes(of: Half.fromFloat(x[i]), toByteOffset: 2 * i, as: UInt16.self) }
        case .bf16:
            for i in 0..<count { out.storeBytes(of: BF16.fromFloat(x[i]), toByteOffset: 2 * i, as: UInt16.self) }
        default:
            for b in 0..<(count / bs) {
                let xb = x + b * bs, ob = out + b * bb
                switch format {
                case .q8_0: q8_0(xb, ob)
                case .q4_0: q4_0(xb, ob)
                case .q4_1: q4_1(xb, ob)
                case .q5_0: q5_0(xb, ob)
                case .q5_1: q5_1(xb, ob)
                case .q4_K: k4(xb, ob, levels: 15, highBits: false)
                case .q5_K: k4(xb, ob, levels: 31, highBits: true)
                case .q6_K: q6_K(xb, ob)
                default: fatalError("unreachable")
                }
            }
        }
    }

    // MARK: 32-value blocks

    // As ggml's quantize_row_q8_0_ref (ggml-quants.c): d = amax/127, q = roundf(x/d) (half away from zero).
    private static func q8_0(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer) {
        var amax: Float = 0
        for j in 0..<32 { amax = Swift.max(amax, abs(x[j])) }
        let d = amax / 127
        let id: Float = d != 0 ? 1 / d : 0
        out.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
        for j in 0..<32 {
            out.storeBytes(of: Int8((x[j] * id).rounded(.toNearestOrAwayFromZero)), toByteOffset: 2 + j, as: Int8.self)
        }
    }

    // As ggml's quantize_row_q4_0_ref (ggml-quants.c): max = value of largest magnitude, d = max/−8,
    // q = min(15, trunc(x/d + 8.5)); element j in the low nibble of byte j, element j+16 in its high nibble.
    private static func q4_0(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer) {
        var amax: Float = 0, max: Float = 0
        for j in 0..<32 where amax < abs(x[j]) {
            amax = abs(x[j])
            max = x[j]
        }
        let d = max / -8
        let id: Float = d != 0 ? 1 / d : 0
        out.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
        for j in 0..<16 {
            let q0 = UInt8(Swift.min(15, Int8(x[j] * id + 8.5)))
            let q1 = UInt8(Swift.min(15, Int8(x[j + 16] * id + 8.5)))
            out.storeBytes(of: q0 | (q1 << 4), toByteOffset: 2 + j, as: UInt8.self)
        }
    }

    /// The smallest and largest of 32 values (the range the min-offset formats Q4_1 and Q5_1 quantise over).
    private static func minMax32(_ x: UnsafePointer<Float>) -> (Float, Float) {
        var min = Float.greatestFiniteMagnitude, max = -Float.greatestFiniteMagnitude
        for j in 0..<32 {
            if x[j] < min { min = x[j] }
            if x[j] > max { max = x[j] }
        }
        return (min, max)
    }

    // As ggml's quantize_row_q4_1_ref (ggml-quants.c): d = (max − min)/15, m = min, q = min(15, trunc((x − min)/d + 0.5)).
    private static func q4_1(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer) {
        let (min, max) = minMax32(x)
        let d = (max - min) / 15
        let id: Float = d != 0 ? 1 / d : 0
        out.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
        out.storeBytes(of: Half.fromFloat(min), toByteOffset: 2, as: UInt16.self)
        for j in 0..<16 {
            let q0 = UInt8(Swift.min(15, Int8((x[j] - min) * id + 0.5)))
            let q1 = UInt8(Swift.min(15, Int8((x[j + 16] - min) * id + 0.5)))
            out.storeBytes(of: q0 | (q1 << 4), toByteOffset: 4 + j, as: UInt8.self)
        }
    }

    // As ggml's quantize_row_q5_0_ref (ggml-quants.c): max = value of largest magnitude, d = max/−16,
    // q = min(31, trunc(x/d + 16.5)); low four bits as in Q4_0, the fifth bit of element j in bit j of qh.
    private static func q5_0(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer) {
        var amax: Float = 0, max: Float = 0
        for j in 0..<32 where abs(x[j]) > amax {
            amax = abs(x[j])
            max = x[j]
        }
        let d = max / -16
        let id: Float = d != 0 ? 1 / d : 0
        out.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
        var qh: UInt32 = 0
        for j in 0..<16 {
            let q0 = UInt8(Swift.min(31, Int8(x[j] * id + 16.5)))
            let q1 = UInt8(Swift.min(31, Int8(x[j + 16] * id + 16.5)))
            out.storeBytes(of: (q0 & 0x0F) | ((q1 & 0x0F) << 4), toByteOffset: 6 + j, as: UInt8.self)
            qh |= UInt32((q0 & 0x10) >> 4) << UInt32(j) | UInt32((q1 & 0x10) >> 4) << UInt32(j + 16)
        }
        out.storeBytes(of: qh.littleEndian, toByteOffset: 2, as: UInt32.self)
    }

    // As ggml's quantize_row_q5_1_ref (ggml-quants.c): d = (max − min)/31, m = min, q = trunc((x − min)/d + 0.5).
    private static func q5_1(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer) {
        let (min, max) = minMax32(x)
        let d = (max - min) / 31
        let id: Float = d != 0 ? 1 / d : 0
        out.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
        out.storeBytes(of: Half.fromFloat(min), toByteOffset: 2, as: UInt16.self)
        var qh: UInt32 = 0
        for j in 0..<16 {
            let q0 = UInt8((x[j] - min) * id + 0.5)
            let q1 = UInt8((x[j + 16] - min) * id + 0.5)
            out.storeBytes(of: (q0 & 0x0F) | ((q1 & 0x0F) << 4), toByteOffset: 8 + j, as: UInt8.self)
            qh |= UInt32((q0 & 0x10) >> 4) << UInt32(j) | UInt32((q1 & 0x10) >> 4) << UInt32(j + 16)
        }
        out.storeBytes(of: qh.littleEndian, toByteOffset: 4, as: UInt32.self)
    }

    // MARK: K-quants (simple quantiser, see the type comment)

    /// The smallest binary16 value ≥ `v` (v ≥ 0), as (bits, value).
    private static func halfAtLeast(_ v: Float) -> (UInt16, Float) {
        var bits = Half.fromFloat(v)
        while Half.toFloat(bits) < v { bits += 1 }
        return (bits, Half.toFloat(bits))
    }

    /// Smallest k in 0...63 (or `limit`) with k·unit ≥ v.
    private static func levelsAtLeast(_ v: Float, unit: Float, limit: Int) -> Int {
        if v <= 0 || unit <= 0 { return 0 }
        var k = Int((v / unit).rounded(.up))
        while k > 0 && Float(k - 1) * unit >= v { k -= 1 }
        while k < limit && Float(k) * unit < v { k += 1 }
        return Swift.min(k, limit)
    }

    // Block layout as ggml's block_q4_K / block_q5_K (ggml-common.h); scale packing as ggml's quantize_row_q4_K_ref
    // (6-bit scales and mins: sub-blocks 0–3 in the low 6 bits of bytes 0–3 / 4–7, sub-blocks 4–7 split between the
    // nibbles of bytes 8–11 and the top 2 bits of bytes 0–7). Values x ≈ d·sc·q − dmin·m.
    private static func k4(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer, levels: Int, highBits: Bool) {
        var mins = [Float](repeating: 0, count: 8)     // −min(0, min x) per sub-block, ≥ 0
        var maxs = [Float](repeating: 0, count: 8)
        for j in 0..<8 {
            var lo: Float = 0, hi = -Float.greatestFiniteMagnitude
            for l in 0..<32 {
                lo = Swift.min(lo, x[32 * j + l])
                hi = Swift.max(hi, x[32 * j + l])
            }
            mins[j] = -lo
            maxs[j] = hi
        }
        // Mins: dmin·m_j ≥ −min_j so the lowest level reaches the smallest value.
        let (dminBits, dmin) = halfAtLeast((mins.max() ?? 0) / 63)
        var m = [Int](repeating: 0, count: 8)
        var offset = [Float](repeating: 0, count: 8)
        for j in 0..<8 {
            m[j] = levelsAtLeast(mins[j], unit: dmin, limit: 63)
            offset[j] = dmin * Float(m[j])
        }
        // Scales: levels·d·sc_j ≥ max_j + offset_j so the highest level reaches the largest value.
        var need = [Float](repeating: 0, count: 8)
        for j in 0..<8 { need[j] = Swift.max(0, maxs[j] + offset[j]) / Float(levels) }
        let (dBits, d) = halfAtLeast((need.max() ?? 0) / 63)
        var sc = [Int](repeating: 0, count: 8)
        for j in 0..<8 { sc[j] = levelsAtLeast(need[j], unit: d, limit: 63) }

        out.storeBytes(of: dBits, as: UInt16.self)
        out.storeBytes(of: dminBits, toByteOffset: 2, as: UInt16.self)
        var scales = [UInt8](repeating: 0, count: 12)
        for j in 0..<8 {
            let ls = UInt8(sc[j]), lm = UInt8(m[j])
            if j < 4 {
                scales[j] = ls
                scales[j + 4] = lm
            } else {
                scales[j + 4] = (ls & 0x0F) | ((lm & 0x0F) << 4)
                scales[j - 4] |= (ls >> 4) << 6
                scales[j] |= (lm >> 4) << 6
            }
        }
        for i in 0..<12 { out.storeBytes(of: scales[i], toByteOffset: 4 + i, as: UInt8.self) }

        var q = [UInt8](repeating: 0, count: 256)
        for j in 0..<8 {
            let step = d * Float(sc[j])
            for l in 0..<32 {
                let v = step > 0 ? ((x[32 * j + l] + offset[j]) / step).rounded(.toNearestOrEven) : 0
                q[32 * j + l] = UInt8(Swift.max(0, Swift.min(Float(levels), v)))
            }
        }
        let qsOffset = highBits ? 48 : 16
        if highBits {
            for l in 0..<32 { out.storeBytes(of: UInt8(0), toByteOffset: 16 + l, as: UInt8.self) }
        }
        for c in 0..<4 {
            for l in 0..<32 {
                let lo = q[64 * c + l], hi = q[64 * c + 32 + l]
                out.storeBytes(of: (lo & 0x0F) | ((hi & 0x0F) << 4), toByteOffset: qsOffset + 32 * c + l, as: UInt8.self)
                if highBits {
                    let h = out.load(fromByteOffset: 16 + l, as: UInt8.self)
                    let bits = ((lo >> 4) & 1) << (2 * c) | ((hi >> 4) & 1) << (2 * c + 1)
                    out.storeBytes(of: h | UInt8(bits), toByteOffset: 16 + l, as: UInt8.self)
                }
            }
        }
    }

    // Block layout as ggml's block_q6_K (ggml-common.h) and the ql/qh packing of quantize_row_q6_K_ref
    // (ggml-quants.c); x ≈ d·sc_g·(q − 32) with signed 8-bit scales per 16 values.
    private static func q6_K(_ x: UnsafePointer<Float>, _ out: UnsafeMutableRawPointer) {
        var need = [Float](repeating: 0, count: 16)   // amax_g / 31
        for g in 0..<16 {
            var amax: Float = 0
            for l in 0..<16 { amax = Swift.max(amax, abs(x[16 * g + l])) }
            need[g] = amax / 31
        }
        let (dBits, d) = halfAtLeast((need.max() ?? 0) / 127)
        var sc = [Int](repeating: 0, count: 16)
        for g in 0..<16 { sc[g] = levelsAtLeast(need[g], unit: d, limit: 127) }
        var q = [UInt8](repeating: 0, count: 256)
        for g in 0..<16 {
            let step = d * Float(sc[g])
            for l in 0..<16 {
                let v = step > 0 ? (x[16 * g + l] / step).rounded(.toNearestOrEven) : 0
                q[16 * g + l] = UInt8(Swift.max(-32, Swift.min(31, v)) + 32)
            }
        }
        for h in 0..<2 {
            for l in 0..<32 {
                let base = 128 * h
                let q1 = q[base + l], q2 = q[base + l + 32], q3 = q[base + l + 64], q4 = q[base + l + 96]
                out.storeBytes(of: (q1 & 0x0F) | ((q3 & 0x0F) << 4), toByteOffset: 64 * h + l, as: UInt8.self)
                out.storeBytes(of: (q2 & 0x0F) | ((q4 & 0x0F) << 4), toByteOffset: 64 * h + l + 32, as: UInt8.self)
                let hb = (q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6)
                out.storeBytes(of: hb, toByteOffset: 128 + 32 * h + l, as: UInt8.self)
            }
        }
        for g in 0..<16 { out.storeBytes(of: Int8(sc[g]), toByteOffset: 192 + g, as: Int8.self) }
        out.storeBytes(of: dBits, toByteOffset: 208, as: UInt16.self)
    }
}
