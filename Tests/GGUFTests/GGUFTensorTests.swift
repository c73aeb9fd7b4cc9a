import Foundation
import GGUF
import Testing
import TestSupport

@Suite("GGUF tensors")
struct GGUFTensorTests {
    /// (name, dimensions, type) of a small directory covering plain and block-quantised types.
    static let directory: [(String, [Int], GGUFTensorType)] = [
        ("token_embd.weight", [64, 3], .q8_0),
        ("output_norm.weight", [5], .f32),
        ("blk.0.attn_q.weight", [32, 2, 1, 1], .q4_0),
        ("blk.0.ffn_up.weight", [256, 2], .q4_K),
        ("blk.0.ffn_down.weight", [256], .q6_K),
        ("half", [3, 1, 2], .f16),
        ("brain", [7], .bf16),
        ("ints", [2, 2], .i32),
        ("q41", [32], .q4_1),
        ("q50", [32], .q5_0),
        ("q51", [64], .q5_1),
        ("q81", [32], .q8_1),
        ("q2k", [256], .q2_K),
        ("q3k", [256], .q3_K),
        ("q5k", [256], .q5_K),
        ("q8k", [256], .q8_K),
        ("i8", [3], .i8), ("i16", [3], .i16), ("i64", [1], .i64), ("f64", [2], .f64),
    ]

    private static func build(version: Int = 3, alignment: Int?) -> (GGUFBuilder, [[UInt8]]) {
        var builder = GGUFBuilder(version: version, alignment: alignment)
        builder.add("general.architecture", "llama")
        var payloads: [[UInt8]] = []
        for (index, (name, dimensions, type)) in directory.enumerated() {
            let elements = dimensions.reduce(1, *)
            let bytes = elements / type.blockSize! * type.bytesPerBlock!
            let payload = GGUFTestHelpers.pattern(bytes, seed: index)
            payloads.append(payload)
            builder.addTensor(name: name, dimensions: dimensions, type: type, data: payload)
        }
        return (builder, payloads)
    }

    @Test("directory and data round-trip at alignment 8, default 32 and 64, in v2 and v3",
          arguments: [(3, 8), (3, nil), (3, 64), (2, 8), (2, nil)] as [(Int, Int?)])
    func roundTrip(version: Int, alignment: Int?) throws {
        let (builder, payloads) = Self.build(version: version, alignment: alignment)
        let file = try GGUFFile(bytes: builder.bytes())
        let expectedAlignment = alignment ?? 32
        #expect(file.version == version)
        #expect(file.alignment == expectedAlignment)
        #expect(file.dataOffset % expectedAlignment == 0)
        #expect(file.tensors.map(\.name) == Self.directory.map(\.0))
        #expect(file.tensors.map(\.offset) == builder.tensorOffsets)
        #expect(file.hasCompleteTensorData)
        for ((name, dimensions, type), payload) in zip(Self.directory, payloads) {
            let tensor = try #require(file.tensor(named: name))
            #expect(tensor.dimensions == dimensions)
            #expect(tensor.type == type)
            #expect(tensor.elementCount == dimensions.reduce(1, *))
            #expect(tensor.byteCount == payload.count)
            #expect(tensor.offset % expectedAlignment == 0)
            #expect(try GGUFTestHelpers.data(file, name) == payload, "\(name)")
        }
        #expect(file.tensor(named: "missing") == nil)
        #expect(#expect(throws: GGUFError.self) { try file.tensorData(named: "missing") }?.message.contains("'missing'") == true)
    }

    @Test("open(path:) maps a file written by the builder; data pointers are aligned inside the mapping")
    func openFromDisk() throws {
        try ScratchDirectory.with { directory in
            let (builder, payloads) = Self.build(alignment: 64)
            let path = directory.appendingPathComponent("tiny.gguf").path
            try builder.write(to: path)
            let file = try GGUFFile.open(path: path)
            #expect(file.path == path)
            #expect(file.fileSize == builder.bytes().count)
            #expect(file.architecture == "llama")
            let base = file.withUnsafeBytes { UInt(bitPattern: $0.baseAddress) }
            for (tensor, payload) in zip(file.tensors, payloads) {
                let data = try file.tensorData(tensor)
                #expect([UInt8](data) == payload)
                #expect((UInt(bitPattern: data.baseAddress) - base) % 64 == 0)
                #expect(UInt(bitPattern: data.baseAddress) % 64 == 0)
            }
        }
    }

    @Test("a tensor of unknown type opens; tensorData throws naming tensor and type")
    func unsupportedType() throws {
        var builder = GGUFBuilder()
        builder.addTensor(name: "mystery", dimensions: [10, 3], type: GGUFTensorType(rawValue: 99), data: [1, 2, 3])
        builder.addTensor(name: "iq", dimensions: [256], type: GGUFTensorType(rawValue: 16), data: [])
        builder.addTensor(name: "ok", dimensions: [2], floats: [1, 2])
        let file = try GGUFFile(bytes: builder.bytes())
        let mystery = try #require(file.tensor(named: "mystery"))
        #expect(mystery.type.name == "type 99")
        #expect(mystery.elementCount == 30)
        #expect(mystery.byteCount == 0)
        let error = #expect(throws: GGUFError.self) { try file.tensorData(mystery) }
        #expect(error?.message == "tensor 'mystery' has unsupported type 'type 99'")
        let iqError = #expect(throws: GGUFError.self) { try file.tensorData(named: "iq") }
        #expect(iqError?.message == "tensor 'iq' has unsupported type 'IQ2_XXS'")
        let floats = try file.tensorData(named: "ok")
        #expect(Array(floats.bindMemory(to: Float.self)) == [1, 2])
    }

    @Test("tensor type table: names, block sizes and bytes per block")
    func typeTable() {
        let expected: [(GGUFTensorType, String, Int, Int)] = [
            (.f32, "F32", 1, 4), (.f16, "F16", 1, 2), (.q4_0, "Q4_0", 32, 18), (.q4_1, "Q4_1", 32, 20),
            (.q5_0, "Q5_0", 32, 22), (.q5_1, "Q5_1", 32, 24), (.q8_0, "Q8_0", 32, 34), (.q8_1, "Q8_1", 32, 36),
            (.q2_K, "Q2_K", 256, 84), (.q3_K, "Q3_K", 256, 110), (.q4_K, "Q4_K", 256, 144),
            (.q5_K, "Q5_K", 256, 176), (.q6_K, "Q6_K", 256, 210), (.q8_K, "Q8_K", 256, 292),
            (.i8, "I8", 1, 1), (.i16, "I16", 1, 2), (.i32, "I32", 1, 4), (.i64, "I64", 1, 8),
            (.f64, "F64", 1, 8), (.bf16, "BF16", 1, 2),
        ]
        for (type, name, block, bytes) in expected {
            #expect(type.name == name)
            #expect(type.description == name)
            #expect(type.blockSize == block)
            #expect(type.bytesPerBlock == bytes)
            #expect(type.isSupported)
        }
        #expect(Set(GGUFTensorType.supported) == Set(expected.map(\.0)))
        #expect(GGUFTensorType.q4_K.rawValue == 12 && GGUFTensorType.bf16.rawValue == 30)
        #expect(GGUFTensorType.q4_K.byteCount(elements: 512) == 288)
        #expect(GGUFTensorType.q4_K.byteCount(elements: 100) == nil)
        #expect(GGUFTensorType.f32.byteCount(elements: Int.max) == nil)
        for raw: UInt32 in [4, 5, 16, 23, 29, 31, 34, 35, 39, 99] {
            let type = GGUFTensorType(rawValue: raw)
            #expect(!type.isSupported && type.blockSize == nil && type.bytesPerBlock == nil)
        }
        #expect(GGUFTensorType(rawValue: 20).name == "IQ4_NL")
        #expect(GGUFTensorType(rawValue: 1000).name == "type 1000")
    }

    @Test("tensor info description and row count")
    func tensorDescription() throws {
        var builder = GGUFBuilder()
        builder.addTensor(name: "w", dimensions: [32, 3, 2], type: .q8_0)
        let file = try GGUFFile(bytes: builder.bytes())
        let tensor = try #require(file.tensors.first)
        #expect(tensor.description == "w Q8_0 [32, 3, 2]")
        #expect(tensor.rowCount == 6)
        #expect(try file.tensorData(tensor).count == 6 * 34)
    }
}
