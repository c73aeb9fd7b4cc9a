import Foundation
import GGUF
import Testing
import TestSupport

@Suite("GGUF hostile input")
struct GGUFHostileInputTests {
    private typealias H = GGUFTestHelpers

    /// A one-tensor image whose tensor info is written by `info` (header says 1 tensor, 0 or 1 pairs).
    private func tensorImage(alignment: UInt32? = nil, _ info: (inout GGUFBuilder.Encoder) -> Void) -> [UInt8] {
        H.image(tensors: 1, pairs: alignment == nil ? 0 : 1) { encoder in
            if let alignment { encoder.pair("general.alignment", .uint32(alignment)) }
            info(&encoder)
            encoder.pad(to: 64)
            encoder.bytes += [UInt8](repeating: 0, count: 1024)
        }
    }

    @Test("empty file, short header, wrong magic")
    func magic() {
        H.expectError([], "file is empty")
        H.expectError(Array("GG".utf8), "at byte 0", "header: magic", "runs past the end of the file")
        H.expectError(Array("GGML\u{3}\0\0\0".utf8) + [UInt8](repeating: 0, count: 16), "not a GGUF file", "'GGML'")
        H.expectError([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "not a GGUF file", "'.PNG'")
    }

    @Test("unsupported versions: 1, 4, big-endian")
    func versions() {
        H.expectError(H.image(version: 1, pairs: 0) { _ in }, "at byte 4", "GGUF version 1 is not supported")
        H.expectError(H.image(version: 4, pairs: 0) { _ in }, "GGUF version 4 is not supported")
        H.expectError(H.image(version: 0x0300_0000, pairs: 0) { _ in }, "big-endian")
    }

    @Test("truncated header counts")
    func truncatedHeader() {
        let full = H.image(pairs: 0) { _ in }
        H.expectError(Array(full.prefix(6)), "at byte 4", "version")
        H.expectError(Array(full.prefix(12)), "at byte 8", "tensor_count")
        H.expectError(Array(full.prefix(23)), "at byte 16", "metadata_kv_count")
    }

    @Test("absurd tensor and pair counts fail at the first missing item, without allocating for the count")
    func absurdCounts() {
        var pairs = H.image(pairs: 0) { $0.pair("general.name", .string("x")) }
        pairs.replaceSubrange(16..<24, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        H.expectError(pairs, "metadata key 1: key length (uint64, 8 bytes) runs past the end of the file (0 bytes left)",
                      "(the header's metadata_kv_count 9223372036854775807 is more than the file can hold)")
        var tensors = H.image(pairs: 0) { $0.tensorInfo(name: "w", dimensions: [4], type: 0, offset: 0) }
        tensors.replaceSubrange(8..<16, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        H.expectError(tensors, "tensor 1: name length", "tensor_count 18446744073709551615 is more than the file can hold")
        // A count the file could hold gets no note.
        let short = H.image(pairs: 2) { $0.pair("a", .uint32(1)) }
        let error = H.expectError(short, "metadata key 1: key length")
        #expect(error?.message.contains("more than the file can hold") == false)
    }

    @Test("string lengths past the end name the key index, the key and the offset")
    func stringLengths() {
        let keyTooLong = H.image(pairs: 1) { $0.u64(1 << 62); $0.bytes += Array("abc".utf8) }
        H.expectError(keyTooLong, "at byte 24", "metadata key 0: key length 4611686018427387904 runs past the end")
        let valueTooLong = H.image(pairs: 2) { encoder in
            encoder.pair("general.name", .string("ok"))
            encoder.string("tokenizer.chat_template")
            encoder.u32(GGUFValueType.string.rawValue)
            encoder.u64(UInt64.max)
        }
        H.expectError(valueTooLong, "metadata key 1 ('tokenizer.chat_template'): string length 18446744073709551615 runs past")
        let elementTooLong = H.image(pairs: 1) { encoder in
            encoder.string("tokenizer.ggml.tokens")
            encoder.u32(GGUFValueType.array.rawValue)
            encoder.u32(GGUFValueType.string.rawValue)
            encoder.u64(3)
            encoder.string("a")
            encoder.u64(9_000_000_000_000_000_000)
            encoder.bytes += [UInt8](repeating: 0x41, count: 16)
        }
        H.expectError(elementTooLong, "metadata key 0 ('tokenizer.ggml.tokens'): element [1]: "
            + "string length 9000000000000000000 runs past the end of the file")
    }

    @Test("array counts are checked against the bytes left, for every element type", arguments: GGUFValueType.allCases)
    func arrayCounts(type: GGUFValueType) {
        let bytes = H.image(pairs: 1) { encoder in
            encoder.string("big.array")
            encoder.u32(GGUFValueType.array.rawValue)
            encoder.u32(type.rawValue)
            encoder.u64(UInt64.max / 2)
            encoder.bytes += [UInt8](repeating: 0, count: 64)
        }
        H.expectError(bytes, "metadata key 0 ('big.array'): array of 9223372036854775807 \(type.name) runs past the end")
    }

    @Test("arrays nested more than eight deep")
    func nestingDepth() {
        var array = GGUFArray.uint8([1])
        for _ in 1..<9 { array = .array([array]) }
        var builder = GGUFBuilder()
        builder.add("deep", .array(array))
        H.expectError(builder.bytes(), "metadata key 0 ('deep')", "nested more than 8 deep")
        // A self-similar bomb: every level claims many nested arrays; depth stops it quickly.
        let bomb = H.image(pairs: 1) { encoder in
            encoder.string("bomb")
            encoder.u32(GGUFValueType.array.rawValue)
            for _ in 0..<20 {
                encoder.u32(GGUFValueType.array.rawValue)
                encoder.u64(2)
            }
        }
        H.expectError(bomb, "metadata key 0 ('bomb'): element [0][0][0][0][0][0][0][0]: arrays are nested more than 8 deep")
        // Failures inside nested elements give the element path.
        let nested = H.image(pairs: 1) { encoder in
            encoder.string("pairs")
            encoder.u32(GGUFValueType.array.rawValue)
            encoder.u32(GGUFValueType.array.rawValue)
            encoder.u64(2)
            encoder.array(.string(["a"]))
            encoder.u32(GGUFValueType.string.rawValue)
            encoder.u64(2)
            encoder.string("b")
            encoder.u64(1000)
        }
        H.expectError(nested, "metadata key 0 ('pairs'): element [1][1]: string length 1000 runs past the end of the file (0 bytes left)")
    }

    @Test("unknown value types and array element types")
    func unknownValueTypes() {
        let value = H.image(pairs: 1) { $0.string("k"); $0.u32(13); $0.u64(0) }
        H.expectError(value, "metadata key 0 ('k'): value type 13 is not a GGUF value type")
        let element = H.image(pairs: 1) { $0.string("k"); $0.u32(9); $0.u32(0xFFFF_FFFF); $0.u64(0) }
        H.expectError(element, "metadata key 0 ('k'): array element type 4294967295 is not a GGUF value type")
    }

    @Test("duplicate metadata keys and tensor names")
    func duplicates() {
        let keys = H.image(pairs: 3) { encoder in
            encoder.pair("a", .uint8(1))
            encoder.pair("general.name", .string("x"))
            encoder.pair("general.name", .string("y"))
        }
        H.expectError(keys, "metadata key 2 ('general.name'): duplicate key (first defined as metadata key 1)")
        let names = H.image(tensors: 2, pairs: 0) { encoder in
            encoder.tensorInfo(name: "w", dimensions: [4], type: 0, offset: 0)
            encoder.tensorInfo(name: "w", dimensions: [4], type: 0, offset: 32)
            encoder.pad(to: 32)
            encoder.bytes += [UInt8](repeating: 0, count: 64)
        }
        H.expectError(names, "tensor 1 ('w'): duplicate name (first defined as tensor 0)")
    }

    @Test("n_dims 0 and 5, zero and negative dimensions, element count overflow")
    func shapes() {
        let rank0 = tensorImage { $0.tensorInfo(name: "scalar", dimensions: [], type: 0, offset: 0) }
        H.expectError(rank0, "tensor 0 ('scalar'): has 0 dimensions; expected 1 to 4")
        let rank5 = tensorImage { $0.tensorInfo(name: "t5", dimensions: [1, 1, 1, 1, 1], type: 0, offset: 0) }
        H.expectError(rank5, "tensor 0 ('t5'): has 5 dimensions")
        let zero = tensorImage { $0.tensorInfo(name: "z", dimensions: [4, 0], type: 0, offset: 0) }
        H.expectError(zero, "tensor 0 ('z'): dimension 1 is 0")
        let negative = tensorImage { $0.tensorInfo(name: "neg", dimensions: [-4], type: 0, offset: 0) }
        H.expectError(negative, "tensor 0 ('neg'): dimension 0 is -4")
        let overflow = tensorImage { $0.tensorInfo(name: "big", dimensions: [1 << 32, 1 << 32], type: 0, offset: 0) }
        H.expectError(overflow, "tensor 0 ('big'): shape", "more elements than fit")
        let bytesOverflow = tensorImage { $0.tensorInfo(name: "wide", dimensions: [1 << 62, 1], type: 0, offset: 0) }
        H.expectError(bytesOverflow, "tensor 0 ('wide')", "more bytes than fit")
    }

    @Test("row length not a multiple of the block size")
    func blockMultiple() {
        let bytes = tensorImage { $0.tensorInfo(name: "blk.0.ffn_up.weight", dimensions: [100, 256], type: 12, offset: 0) }
        H.expectError(bytes, "tensor 0 ('blk.0.ffn_up.weight'): row length ne[0] = 100 is not a multiple of the Q4_K block size 256")
    }

    @Test("unaligned, impossible and overflowing tensor offsets")
    func offsets() {
        let unaligned = tensorImage { $0.tensorInfo(name: "w", dimensions: [4], type: 0, offset: 8) }
        H.expectError(unaligned, "tensor 0 ('w'): offset 8 is not a multiple of the alignment 32")
        let aligned8 = tensorImage(alignment: 8) { $0.tensorInfo(name: "w", dimensions: [4], type: 0, offset: 8) }
        #expect(throws: Never.self) { try GGUFFile(bytes: aligned8) }
        let huge = tensorImage { $0.tensorInfo(name: "w", dimensions: [4], type: 0, offset: -32) }
        H.expectError(huge, "tensor 0 ('w'): offset 18446744073709551584 is beyond any possible file")
        let overflow = tensorImage { encoder in
            encoder.tensorInfo(name: "w", dimensions: [1 << 40, 1 << 20], type: 0, offset: Int.max - 31)
        }
        H.expectError(overflow, "tensor 'w'", "lies beyond any possible file")
    }

    @Test("alignment 0, not a power of two, too large, or not an integer")
    func badAlignment() {
        for value in [GGUFValue.uint32(0), .uint32(3), .uint32(48), .uint64(1 << 40), .int32(-32)] {
            let bytes = H.image(pairs: 1) { $0.pair("general.alignment", value) }
            H.expectError(bytes, "general.alignment", "is not a power of two")
        }
        let float = H.image(pairs: 1) { $0.pair("general.alignment", .float32(32)) }
        H.expectError(float, "general.alignment is FLOAT32; expected UINT32")
        let one = H.image(pairs: 1) { $0.pair("general.alignment", .uint32(1)) }
        #expect((try? GGUFFile(bytes: one))?.alignment == 1)
    }

    @Test("long and control-character names are shortened and escaped in messages")
    func quotedNames() throws {
        let key = String(repeating: "k", count: 500) + "\n"
        let bytes = H.image(pairs: 1) { $0.string(key); $0.u32(77) }
        let error = try #require(H.expectError(bytes, "kkk…", "value type 77"))
        #expect(error.description.count < 300)
        let newline = H.image(pairs: 1) { $0.string("a\nb"); $0.u32(77) }
        H.expectError(newline, "'a\\nb'")
    }

    @Test("missing files, directories and empty files")
    func fileSystem() throws {
        let missing = #expect(throws: GGUFError.self) { try GGUFFile.open(path: "/nonexistent/ddx/model.gguf") }
        #expect(missing?.description.contains("/nonexistent/ddx/model.gguf: cannot open") == true)
        try ScratchDirectory.with { directory in
            let directoryError = #expect(throws: GGUFError.self) { try GGUFFile.open(path: directory.path) }
            #expect(directoryError?.message == "not a regular file")
            let empty = directory.appendingPathComponent("empty.gguf").path
            _ = FileManager.default.createFile(atPath: empty, contents: Data())
            let emptyError = #expect(throws: GGUFError.self) { try GGUFFile.open(path: empty) }
            #expect(emptyError?.description == "\(empty): at byte 0: file is empty; expected the GGUF header")
        }
    }
}
