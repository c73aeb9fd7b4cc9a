import Testing
@testable import Kernels

/// Each format's row dequantisation against a per-element formula written from the block layout.
@Suite("Dequantisation")
struct DequantizeTests {
    private func half(_ b: [UInt8], _ at: Int) -> Float { Half.toFloat(UInt16(b[at]) | UInt16(b[at + 1]) << 8) }

    /// Q4_K/Q5_K 6-bit scale and min of sub-block j, unpacked from the 12 scale bytes at `s`.
    private func scaleMin(_ b: [UInt8], _ s: Int, _ j: Int) -> (Float, Float) {
        if j < 4 { return (Float(b[s + j] & 63), Float(b[s + j + 4] & 63)) }
        let sc = (b[s + j + 4] & 0x0F) | ((b[s + j - 4] >> 6) << 4)
        let m = (b[s + j + 4] >> 4) | ((b[s + j] >> 6) << 4)
        return (Float(sc), Float(m))
    }

    /// Value `e` of the block starting at byte `o` of `b`.
    private func expected(_ f: QuantFormat, _ b: [UInt8], _ o: Int, _ e: Int) -> Float {
        switch f {
        case .f32:
            return Float(bitPattern: UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24)
        case .f16: return half(b, o)
        case .bf16: return Float(bitPattern: (UInt32(b[o]) | UInt32(b[o + 1]) << 8) << 16)
        case .q8_0: return Float(Int8(bitPattern: b[o + 2 + e])) * half(b, o)
        case .q4_0:
            let byte = b[o + 2 + e % 16]
            let q = e < 16 ? byte & 0x0F : byte >> 4
            return Float(Int(q) - 8) * half(b, o)
        case .q4_1:
            let byte = b[o + 4 + e % 16]
            let q = e < 16 ? byte & 0x0F : byte >> 4
            return Float(q) * half(b, o) + half(b, o + 2)
        case .q5_0, .q5_1:
            let at = f == .q5_0 ? 2 : 4
            let qh = UInt32(b[o + at]) | UInt32(b[o + at + 1]) << 8 | UInt32(b[o + at + 2]) << 16 | UInt32(b[o + at + 3]) << 24
            let byte = b[o + at + 4 + e % 16]
            let q = Int(e < 16 ? byte & 0x0F : byte >> 4) | Int((qh >> UInt32(e)) & 1) << 4
            return f == .q5_0 ? Float(q - 16) * half(b, o) : Float(q) * half(b, o) + half(b, o + 2)
        case .q4_K, .q5_K:
            let j = e / 32, chunk = j / 2, l = e % 32
            let qsStart = f == .q4_K ? 16 : 48
            let byte = b[o + qsStart + 32 * chunk + l]
            var q = j % 2 == 0 ? byte & 0x0F : byte >> 4
            if f == .q5_K { q |= ((b[o + 16 + l] >> UInt8(j)) & 1) << 4 }
            let (sc, m) = scaleMin(b, o + 4, j)
            return half(b, o) * sc * Float(q) - half(b, o + 2) * m
        case .q6_K:
            let h = e / 128, r = e % 128, quarter = r / 32, l = r % 32
            let ql = b[o + 64 * h + l + (quarter % 2) * 32]
            let low = quarter < 2 ? ql & 0x0F : ql >> 4
            let high = (b[o + 128 + 32 * h + l] >> UInt8(2 * quarter)) & 3
            let q = Int(low | high << 4) - 32
            let sc = Float(Int8(bitPattern: b[o + 192 + e / 16]))
            return half(b, o + 208) * sc * Float(q)
        }
    }

    @Test(arguments: QuantFormat.allCases)
    func matchesPerElementFormula(_ format: QuantFormat) {
        var rng = SeededRandom(seed: 42 &+ UInt64(format.ggmlType))
        let blocksPerRow = format.blockSize == 1 ? 67 : (format.blockSize == 32 ? 5 : 3)
        let rows = 3
        let bytes = randomBlocks(format, blocks: blocksPerRow * rows, rng: &rng)
        let cols = blocksPerRow * format.blockSize
        let got: [Float] = withPointers(bytes) { p in
            dequantizeAll(WeightMatrix(format: format, rows: rows, columns: cols, data: p))
        }
        var mismatches = 0
        for r in 0..<rows {
            for c in 0..<cols {
                let block = (r * cols + c) / format.blockSize
                let want = expected(format, bytes, block * format.bytesPerBlock, c % format.blockSize)
                if got[r * cols + c].bitPattern != want.bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0, "\(format): \(mismatches) values differ")
    }

    @Test func singleRowAndRangeAgree() {
        var rng = SeededRandom(seed: 7)
        let bytes = randomBlocks(.q6_K, blocks: 8, rng: &rng)
        withPointers(bytes) { p in
            let w = WeightMatrix(format: .q6_K, rows: 4, columns: 512, data: p)
            var all = [Float](repeating: 0, count: 4 * 512)
            all.withUnsafeMutableBufferPointer { w.dequantizeRows(1..<3, into: $0.baseAddress!) }
            var one = [Float](repeating: 0, count: 512)
            one.withUnsafeMutableBufferPointer { w.dequantizeRow(2, into: $0.baseAddress!) }
            #expect(Array(all[512..<1024]) == one)
        }
    }
}
