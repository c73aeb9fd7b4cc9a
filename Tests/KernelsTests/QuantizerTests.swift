import Testing
@testable import Kernels

/// Quantise → dequantise stays within each format's error bound.
@Suite("Reference quantisers")
struct QuantizerTests {
    private func roundTrip(_ x: [Float], _ f: QuantFormat) -> ([UInt8], [Float]) {
        let bytes = Quantizer.quantize(x, format: f)
        #expect(bytes.count == f.rowBytes(columns: x.count))
        let back: [Float] = withPointers(bytes) { p in
            dequantizeAll(WeightMatrix(format: f, rows: 1, columns: x.count, data: p))
        }
        return (bytes, back)
    }

    private func data(_ n: Int, seed: UInt64, scale: Float = 0.05) -> [Float] {
        var rng = SeededRandom(seed: seed)
        var x = rng.floats(n, scale: scale)
        // Some awkward blocks: all zero, all equal, all positive, one huge value.
        for i in 0..<32 { x[i] = 0 }
        for i in 256..<288 { x[i] = 0.25 }
        for i in 512..<544 { x[i] = abs(x[i]) + 0.01 }
        x[800] = 3
        return x
    }

    @Test func floatFormats() {
        let x = data(1024, seed: 1)
        #expect(roundTrip(x, .f32).1 == x)
        for (v, r) in zip(x, roundTrip(x, .f16).1) { #expect(abs(v - r) <= abs(v) / 2048 + 6e-8) }
        for (v, r) in zip(x, roundTrip(x, .bf16).1) { #expect(abs(v - r) <= abs(v) / 256) }
    }

    @Test func q8_0() {
        let x = data(2048, seed: 2)
        let back = roundTrip(x, .q8_0).1
        for b in 0..<(x.count / 32) {
            let amax = x[(32 * b)..<(32 * b + 32)].map(abs).max()!
            for i in (32 * b)..<(32 * b + 32) {
                // ½ step, plus the binary16 rounding of d times |q| ≤ 127.
                #expect(abs(x[i] - back[i]) <= amax / 127 * (0.5 + 127.0 / 2048) + 1e-7, "index \(i)")
            }
        }
    }

    @Test func q4_0() {
        let x = data(2048, seed: 3)
        let (bytes, back) = roundTrip(x, .q4_0)
        for b in 0..<(x.count / 32) {
            let d = abs(Half.toFloat(UInt16(bytes[18 * b]) | UInt16(bytes[18 * b + 1]) << 8))
            for i in (32 * b)..<(32 * b + 32) {
                // Levels −8…7 times d = max/−8: the extreme of the other sign clips by one step.
                #expect(abs(x[i] - back[i]) <= d * 1.01 + 1e-7, "index \(i)")
            }
        }
        // Byte layout: element j in the low nibble of byte j, element j+16 in the high nibble.
        let ramp = (0..<32).map { Float($0 - 16) }
        let q = Quantizer.quantize(ramp, format: .q4_0)
        #expect(Half.toFloat(UInt16(q[0]) | UInt16(q[1]) << 8) == 2)  // max magnitude −16 → d = 2
        #expect(q[2] & 0x0F == 0)   // −16 / 2 + 8 = 0
        #expect(q[2] >> 4 == 8)     // element 16 = 0 → 8
    }

    @Test func q4_1() {
        let x = data(2048, seed: 4)
        let (bytes, back) = roundTrip(x, .q4_1)
        for b in 0..<(x.count / 32) {
            let d = Half.toFloat(UInt16(bytes[20 * b]) | UInt16(bytes[20 * b + 1]) << 8)
            let m = x[(32 * b)..<(32 * b + 32)].min()!
            for i in (32 * b)..<(32 * b + 32) {
                #expect(abs(x[i] - back[i]) <= d * (0.5 + 16.0 / 2048) + abs(m) / 2048 + 1e-7, "index \(i)")
            }
        }
    }

    /// The K-quant quantisers round scales up, so every value is within half a step of the sub-block's step.
    @Test(arguments: [QuantFormat.q4_K, .q5_K, .q6_K])
    func kQuants(_ f: QuantFormat) {
        let x = data(4096, seed: 5 &+ UInt64(f.ggmlType))
        let (bytes, back) = roundTrip(x, f)
        var sumSq = 0.0, errSq = 0.0
        for sb in 0..<(x.count / 256) {
            let o = sb * f.bytesPerBlock
            func h(_ at: Int) -> Float { Half.toFloat(UInt16(bytes[o + at]) | UInt16(bytes[o + at + 1]) << 8) }
            for e in 0..<256 {
                let i = 256 * sb + e
                let step: Float
                if f == .q6_K {
                    step = abs(h(208) * Float(Int8(bitPattern: bytes[o + 192 + e / 16])))
                } else {
                    let j = e / 32
                    let sc = j < 4 ? bytes[o + 4 + j] & 63 : (bytes[o + 8 + j] & 0x0F) | ((bytes[o + j] >> 6) << 4)
                    step = h(0) * Float(sc)
                }
                #expect(abs(x[i] - back[i]) <= 0.5 * step * 1.0001 + abs(x[i]) * 1e-6 + 1e-7, "\(f) index \(i)")
                sumSq += Double(x[i] * x[i])
                errSq += Double((x[i] - back[i]) * (x[i] - back[i]))
            }
        }
        // Quality sanity: relative RMS error of a 4/5/6-bit quantiser on roughly normal data.
        let relative = (errSq / sumSq).squareRoot()
        let limit = f == .q4_K ? 0.15 : (f == .q5_K ? 0.08 : 0.04)
        #expect(relative < limit, "\(f): relative RMS error \(relative)")
    }

    @Test func q8_0MatchesGgmlReferenceRounding() {
        // roundf (half away from zero) on x/d with d = amax/127, as ggml's quantize_row_q8_0_ref.
        var x = [Float](repeating: 0, count: 32)
        x[0] = 127
        x[1] = 2.5
        x[2] = -2.5
        x[3] = 0.49
        let q = Quantizer.quantize(x, format: .q8_0)
        #expect(Half.toFloat(UInt16(q[0]) | UInt16(q[1]) << 8) == 1)
        #expect(Int8(bitPattern: q[2]) == 127)
        #expect(Int8(bitPattern: q[3]) == 3)
        #expect(Int8(bitPattern: q[4]) == -3)
        #expect(Int8(bitPattern: q[5]) == 0)
    }

    /// The activation quantisers' add-and-subtract rounding equals round-half-even on the range they use, ties included.
    @Test func activationRoundingIsHalfEven() {
        var values: [Float] = (-260...260).map { Float($0) / 2 }          // every tie in ±130
        var rng = SeededRandom(seed: 77)
        values += (0..<20_000).map { _ in rng.float(-128, 128) }
        values += [0, -0, 0.49999997, -0.49999997, 127.49999, -127.5, 4_194_303.5, -4_194_304]
        for v in values {
            let expected = v.rounded(.toNearestOrEven)
            #expect(ActivationQuantizer.roundHalfEven(v) == expected, "\(v)")
        }
    }
}
