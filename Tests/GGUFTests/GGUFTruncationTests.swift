import GGUF
import Testing
import TestSupport

@Suite("GGUF truncation and corruption")
struct GGUFTruncationTests {
    /// A small image with every kind of metadata and three tensors, plus where its tensor infos end.
    private static func sample() -> (bytes: [UInt8], infoEnd: Int) {
        var builder = GGUFBuilder(alignment: 32)
        builder.add("general.architecture", "llama")
        builder.add("llama.block_count", 2)
        builder.add("tokenizer.ggml.tokens", ["<s>", "</s>", "Ġa", "b", "日本"])
        builder.add("tokenizer.ggml.scores", [Float(0), -1, -2, -3, -4])
        builder.add("tokenizer.ggml.token_type", [3, 3, 1, 1, 1])
        builder.add("nested", .array(.array([.uint16([1, 2]), .string(["x", "yz"])])))
        builder.add("f64", .float64(2.5))
        builder.add("flag", true)
        builder.addTensor(name: "a", dimensions: [8], floats: (0..<8).map(Float.init))
        builder.addTensor(name: "b", dimensions: [32, 2], type: .q8_0, data: GGUFTestHelpers.pattern(68))
        builder.addTensor(name: "c", dimensions: [3], type: .f16, data: [1, 2, 3, 4, 5, 6])
        let bytes = builder.bytes()
        let infoEnd = builder.headerBytes().count
        precondition(Array(bytes.prefix(infoEnd)) == builder.headerBytes())
        return (bytes, infoEnd)
    }

    @Test("every cut before the data section throws GGUFError; later cuts open and only cut tensors throw")
    func everyCut() throws {
        let (bytes, infoEnd) = Self.sample()
        let full = try GGUFFile(bytes: bytes)
        var opened = 0
        for cut in 0..<bytes.count {
            let prefix = Array(bytes.prefix(cut))
            let file: GGUFFile
            do {
                file = try GGUFFile(bytes: prefix, name: "cut-\(cut)")
            } catch let error as GGUFError {
                #expect(cut < infoEnd, "cut \(cut) after the tensor infos (\(infoEnd)) failed: \(error)")
                #expect(error.path == "cut-\(cut)")
                #expect(!error.message.isEmpty)
                continue
            }
            opened += 1
            #expect(cut >= infoEnd, "cut \(cut) inside the header opened")
            #expect(file.metadata == full.metadata)
            #expect(file.tensors == full.tensors)
            for tensor in file.tensors {
                let fits = file.dataOffset + tensor.offset + tensor.byteCount <= cut
                if fits {
                    #expect(try [UInt8](file.tensorData(tensor)) == [UInt8](full.tensorData(tensor)))
                } else {
                    let error = #expect(throws: GGUFError.self) { try file.tensorData(tensor) }
                    #expect(error?.message.contains("tensor '\(tensor.name)'") == true)
                    #expect(error?.message.contains("runs past the end of the file (\(cut) bytes)") == true)
                }
            }
            let dataEnd = full.tensors.map { full.dataOffset + $0.offset + $0.byteCount }.max()!
            #expect(file.hasCompleteTensorData == (cut >= dataEnd))
        }
        #expect(opened == bytes.count - infoEnd)
    }

    @Test("truncated metadata errors say which key and what was being read")
    func truncationMessages() throws {
        let (bytes, _) = Self.sample()
        let tokensKey = try #require(bytes.indices.first { Array(bytes[$0..<$0 + 21]) == Array("tokenizer.ggml.tokens".utf8) })
        // Elements "<s>", "</s>", "Ġa", "b", "日本" start after key, value type, element type and count; cut the
        // file two bytes into the last one.
        let firstElement = tokensKey + 21 + 4 + 4 + 8
        let lastElement = firstElement + (8 + 3) + (8 + 4) + (8 + 3) + (8 + 1)
        let error = try #require(GGUFTestHelpers.expectError(Array(bytes.prefix(lastElement + 8 + 2)),
                                                             "metadata key 3 ('tokenizer.ggml.tokens'): element [4]: "
                                                                 + "string length 6 runs past the end "
                                                                 + "of the file (2 bytes left)"))
        #expect(error.offset == lastElement)
        // Cut inside the count: the array header itself is named.
        GGUFTestHelpers.expectError(Array(bytes.prefix(firstElement - 3)),
                                    "metadata key 3 ('tokenizer.ggml.tokens'): array count (uint64, 8 bytes) runs past")
    }

    @Test("random byte corruption never crashes (deterministic)")
    func corruption() {
        let (bytes, infoEnd) = Self.sample()
        var generator = SplitMix64(seed: 0x6767_7566)
        var failures = 0
        for _ in 0..<3000 {
            var corrupt = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<infoEnd, using: &generator)
                corrupt[position] = [0x00, 0xFF, 0x7F, 0x80, UInt8.random(in: 0...255, using: &generator)]
                    .randomElement(using: &generator)!
            }
            do {
                let file = try GGUFFile(bytes: corrupt)
                for tensor in file.tensors { _ = try? file.tensorData(tensor) }
            } catch {
                failures += 1
                #expect(error is GGUFError)
            }
        }
        #expect(failures > 0)
    }
}

/// A small deterministic random number generator for the corruption test.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
