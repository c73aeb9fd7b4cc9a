import Foundation
import Testing
@testable import Kernels

/// Real blocks from GGUF files (Gemma 3 270M Q4_K_M: Q4_K, Q6_K, Q8_0; SmolLM2-135M Q4_1: Q4_1, Q8_0) with their
/// values dequantised by gguf-py; made by scripts/dev/check-dequant.py. Must match bit for bit.
@Suite("Golden dequantisation")
struct GoldenDequantTests {
    struct Record {
        let type: UInt32
        let raw: [UInt8]
        let values: [Float]
    }

    static func load() throws -> [Record] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/dequant-golden.bin")
        let data = [UInt8](try Data(contentsOf: url))
        func u32(_ at: Int) -> UInt32 {
            UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
        }
        #expect(Array(data[0..<4]) == Array("DDXG".utf8))
        #expect(u32(4) == 1)
        var pos = 12, records: [Record] = []
        for _ in 0..<Int(u32(8)) {
            let type = u32(pos), n = Int(u32(pos + 4)), nbytes = Int(u32(pos + 8))
            pos += 12
            let raw = Array(data[pos..<(pos + nbytes)])
            pos += nbytes
            let values = (0..<n).map { Float(bitPattern: u32(pos + 4 * $0)) }
            pos += 4 * n
            records.append(Record(type: type, raw: raw, values: values))
        }
        #expect(pos == data.count)
        return records
    }

    @Test func realBlocksDequantiseBitExactly() throws {
        let records = try Self.load()
        var seen: [QuantFormat: Int] = [:]
        for (i, rec) in records.enumerated() {
            let format = try #require(QuantFormat(ggmlType: rec.type))
            seen[format, default: 0] += 1
            let got: [Float] = withPointers(rec.raw) { p in
                dequantizeAll(WeightMatrix(format: format, rows: 1, columns: rec.values.count, data: p))
            }
            #expect(got.map(\.bitPattern) == rec.values.map(\.bitPattern), "record \(i) (\(format))")
        }
        #expect(seen[.q4_K, default: 0] > 0 && seen[.q6_K, default: 0] > 0)
        #expect(seen[.q4_1, default: 0] > 0 && seen[.q8_0, default: 0] > 0)
    }

    /// The real blocks through the integer matvec kernels agree with dequantise-then-dot.
    @Test func realBlocksThroughMatVec() throws {
        var rng = SeededRandom(seed: 9)
        let pool = WorkerPool(threads: 2)
        for rec in try Self.load() {
            let format = QuantFormat(ggmlType: rec.type)!
            let cols = rec.values.count
            let x = rng.floats(cols)
            let scratch = MatVecScratch(maxColumns: cols)
            var y: [Float] = [0]
            withPointers(rec.raw) { p in
                MatVec.multiply(WeightMatrix(format: format, rows: 1, columns: cols, data: p), x, into: &y,
                                scratch: scratch, pool: pool)
            }
            let exact = naiveMatVec(rec.values, rows: 1, cols: cols, x)[0]
            let terms = MatVecTests.rowTerms(rec.values, row: 0, cols: cols, x, MatVecTests.activationErrors(format, x))
            let bound = MatVecTests.activationBound(terms, quantized: true)
            #expect(abs(y[0] - exact) <= bound, "\(format): \(y[0]) vs \(exact)")
        }
    }
}
