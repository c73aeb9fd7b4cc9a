import Testing
@testable import Kernels

@Suite("Formats and half precision")
struct FormatAndHalfTests {
    @Test func ggmlTypeIds() {
        let ids: [(UInt32, QuantFormat)] = [(0, .f32), (1, .f16), (2, .q4_0), (3, .q4_1), (6, .q5_0), (7, .q5_1), (8, .q8_0),
                                             (12, .q4_K), (13, .q5_K), (14, .q6_K), (30, .bf16)]
        for (id, f) in ids {
            #expect(QuantFormat(ggmlType: id) == f)
            #expect(f.ggmlType == id)
        }
        for unsupported: UInt32 in [9, 10, 11, 15, 16, 20, 31, 99] { #expect(QuantFormat(ggmlType: unsupported) == nil) }
    }

    @Test func blockGeometry() {
        let expected: [QuantFormat: (Int, Int)] = [
            .f32: (1, 4), .f16: (1, 2), .bf16: (1, 2), .q8_0: (32, 34), .q4_0: (32, 18), .q4_1: (32, 20), .q5_0: (32, 22), .q5_1: (32, 24),
            .q4_K: (256, 144), .q5_K: (256, 176), .q6_K: (256, 210),
        ]
        for f in QuantFormat.allCases {
            #expect(f.blockSize == expected[f]!.0, "\(f)")
            #expect(f.bytesPerBlock == expected[f]!.1, "\(f)")
        }
        #expect(QuantFormat.q4_K.rowBytes(columns: 576 * 4) == 9 * 144)
        #expect(QuantFormat.q8_0.rowBytes(columns: 576) == 18 * 34)
        #expect(QuantFormat.f16.rowBytes(columns: 7) == 14)
        #expect(QuantFormat.q4_K.supports(columns: 576) == false)
        #expect(QuantFormat.q4_1.supports(columns: 576))
    }

    @Test func halfRoundTripsEveryFiniteValue() {
        for bits in 0...UInt16.max {
            let f = Half.toFloat(bits)
            if f.isNaN { continue }
            #expect(Half.fromFloat(f) == bits, "0x\(String(bits, radix: 16))")
        }
        #expect(Half.toFloat(0x3C00) == 1)
        #expect(Half.toFloat(0xC000) == -2)
        #expect(Half.toFloat(0x7BFF) == 65504)
        #expect(Half.toFloat(0x0001) == 5.9604645e-8)
        #expect(Half.toFloat(0x7C00) == .infinity)
        #expect(Half.fromFloat(1e6) == 0x7C00)
        // Ties round to even: 1 + 2^-11 lies halfway between 1 and the next binary16.
        #expect(Half.fromFloat(1 + 1.0 / 2048) == 0x3C00)
        #expect(Half.fromFloat(1 + 3.0 / 2048) == 0x3C02)
    }

    @Test func bfloat16Conversions() {
        #expect(BF16.toFloat(0x3F80) == 1)
        #expect(BF16.toFloat(0xC040) == -3)
        #expect(BF16.fromFloat(1) == 0x3F80)
        // Round to nearest even on the dropped 16 bits.
        #expect(BF16.fromFloat(Float(bitPattern: 0x3F80_8000)) == 0x3F80)
        #expect(BF16.fromFloat(Float(bitPattern: 0x3F81_8000)) == 0x3F82)
        #expect(BF16.fromFloat(Float(bitPattern: 0x3F80_8001)) == 0x3F81)
        #expect(BF16.toFloat(BF16.fromFloat(.nan)).isNaN)
        var rng = SeededRandom(seed: 1)
        for _ in 0..<10_000 {
            let f = rng.float(-1000, 1000)
            let r = BF16.toFloat(BF16.fromFloat(f))
            #expect(abs(r - f) <= abs(f) / 256)
        }
    }
}
