import GGUF
import Testing
import TestSupport

@Suite("GGUF metadata")
struct GGUFMetadataTests {
    static let scalars: [(String, GGUFValue)] = [
        ("u8", .uint8(0xFE)), ("i8", .int8(-128)), ("u16", .uint16(0xBEEF)), ("i16", .int16(-32768)),
        ("u32", .uint32(0xDEAD_BEEF)), ("i32", .int32(Int32.min)), ("u64", .uint64(UInt64.max)),
        ("i64", .int64(Int64.min)), ("f32", .float32(Float(bitPattern: 0x8010_0000))), ("f32.inf", .float32(.infinity)),
        ("f64", .float64(Double.pi)), ("f64.negzero", .float64(-0.0)), ("yes", .bool(true)), ("no", .bool(false)),
        ("empty", .string("")), ("ascii", .string("llama")),
        ("unicode", .string("Ġhello ▁wörld 你好 🦙 \u{0} tab\tend")),
    ]

    static let arrays: [(String, GGUFArray)] = [
        ("a.u8", .uint8([0, 1, 255])), ("a.i8", .int8([-1, 0, 127])), ("a.u16", .uint16([1, 65535])),
        ("a.i16", .int16([-2, 2])), ("a.u32", .uint32([7, 0xFFFF_FFFF])), ("a.i32", .int32([-5, 5, Int32.max])),
        ("a.u64", .uint64([UInt64.max, 3])), ("a.i64", .int64([Int64.min, 9])), ("a.f32", .float32([0.5, -2, 1e30])),
        ("a.f64", .float64([1e-300, -7.25])), ("a.bool", .bool([true, false, true])),
        ("a.str", .string(["", "a", "Ġthe", "日本語", "🦙🦙"])),
        ("a.nested", .array([.int32([1, 2]), .string(["x"]), .array([.uint8([]), .float64([2])]), .bool([])])),
        ("a.empty.u8", .uint8([])), ("a.empty.str", .string([])), ("a.empty.nested", .array([])),
        ("a.empty.f32", .float32([])),
    ]

    @Test("every value type round-trips, in key order, in v2 and v3", arguments: [2, 3])
    func roundTrip(version: Int) throws {
        var builder = GGUFBuilder(version: version)
        for (key, value) in Self.scalars { builder.add(key, value) }
        for (key, array) in Self.arrays { builder.add(key, .array(array)) }
        let file = try GGUFFile(bytes: builder.bytes())
        #expect(file.version == version)
        #expect(file.alignment == 32)
        #expect(file.tensors.isEmpty)
        #expect(file.metadataKeys == Self.scalars.map(\.0) + Self.arrays.map(\.0))
        for (key, value) in Self.scalars { #expect(file.metadata[key] == value, "\(key)") }
        for (key, array) in Self.arrays { #expect(file.metadata[key] == .array(array), "\(key)") }
        #expect(file.metadata.count == file.metadataKeys.count)
        #expect(file.dataOffset % 32 == 0 && file.dataOffset <= file.fileSize)
    }

    @Test("arrays nested eight deep are read; the innermost keeps its elements")
    func deepNesting() throws {
        var array = GGUFArray.uint16([1, 2, 3])
        for _ in 1..<8 { array = .array([array, .array([])]) }
        var builder = GGUFBuilder()
        builder.add("deep", .array(array))
        let file = try GGUFFile(bytes: builder.bytes())
        #expect(file.metadata["deep"] == .array(array))
    }

    @Test("typed accessors convert integer and float types and return nil for absent keys")
    func typedAccessors() throws {
        var builder = GGUFBuilder()
        builder.add("general.architecture", "qwen2")
        builder.add("u8", .uint8(200))
        builder.add("i64", .int64(-5))
        builder.add("u64", .uint64(1 << 40))
        builder.add("f32", Float(0.25))
        builder.add("f64", .float64(1e-6))
        builder.add("flag", true)
        builder.add("tokens", ["a", "b"])
        builder.add("types", [1, -2, 3])
        builder.add("u64s", .array(.uint64([1, 2])))
        builder.add("scores", [Float(0.5), -1])
        builder.add("scores64", .array(.float64([0.25])))
        let file = try GGUFFile(bytes: builder.bytes())
        #expect(file.architecture == "qwen2")
        #expect(try file.string("general.architecture") == "qwen2")
        #expect(try file.integer("u8") == 200)
        #expect(try file.integer("i64") == -5)
        #expect(try file.integer("u64") == 1 << 40)
        #expect(try file.float("f32") == 0.25)
        #expect(try file.float("f64") == 1e-6)
        #expect(try file.float("u8") == 200)
        #expect(try file.bool("flag") == true)
        #expect(try file.strings("tokens") == ["a", "b"])
        #expect(try file.integers("types") == [1, -2, 3])
        #expect(try file.integers("u64s") == [1, 2])
        #expect(try file.floats("scores") == [0.5, -1])
        #expect(try file.floats("scores64") == [0.25])
        #expect(file.metadata["types"] == .array(.int32([1, -2, 3])))
        for key in ["absent", "general.name"] {
            #expect(try file.string(key) == nil)
            #expect(try file.integer(key) == nil)
            #expect(try file.float(key) == nil)
            #expect(try file.bool(key) == nil)
            #expect(try file.strings(key) == nil)
            #expect(try file.integers(key) == nil)
            #expect(try file.floats(key) == nil)
        }
        #expect(file.missing("llama.block_count").description.contains("'llama.block_count'"))
    }

    @Test("typed accessors throw naming the key when the type differs")
    func typeMismatch() throws {
        var builder = GGUFBuilder()
        builder.add("general.architecture", 3)
        builder.add("name", "x")
        builder.add("f", Float(1))
        builder.add("tokens", ["a"])
        builder.add("ids", [1])
        builder.add("huge", .uint64(UInt64.max))
        builder.add("huges", .array(.uint64([UInt64.max])))
        let file = try GGUFFile(bytes: builder.bytes())
        #expect(file.architecture == nil)
        let cases: [(String, (GGUFFile) throws -> Void)] = [
            ("'name' is STRING; expected an integer", { _ = try $0.integer("name") }),
            ("'f' is FLOAT32; expected an integer", { _ = try $0.integer("f") }),
            ("'name' is STRING; expected a number", { _ = try $0.float("name") }),
            ("'name' is STRING; expected BOOL", { _ = try $0.bool("name") }),
            ("'f' is FLOAT32; expected STRING", { _ = try $0.string("f") }),
            ("'ids' is ARRAY of INT32; expected ARRAY of STRING", { _ = try $0.strings("ids") }),
            ("'tokens' is ARRAY of STRING; expected an ARRAY of integers", { _ = try $0.integers("tokens") }),
            ("'ids' is ARRAY of INT32; expected an ARRAY of FLOAT32", { _ = try $0.floats("ids") }),
            ("'name' is STRING; expected an ARRAY of integers", { _ = try $0.integers("name") }),
            ("'huge' (UINT64) is too large", { _ = try $0.integer("huge") }),
            ("'huges' has UINT64 elements that do not fit", { _ = try $0.integers("huges") }),
        ]
        for (message, read) in cases {
            let error = #expect(throws: GGUFError.self) { try read(file) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "-") lacks \(message)")
        }
    }

    @Test("invalid UTF-8 in keys and strings is replaced, not fatal")
    func invalidUTF8() throws {
        let bytes = GGUFTestHelpers.image(pairs: 2) { encoder in
            encoder.rawString([0x6B, 0xFF, 0x79])  // "k\xFFy"
            encoder.u32(GGUFValueType.string.rawValue)
            encoder.rawString([0xC3, 0x28, 0x41])  // broken 2-byte sequence, then "A"
            encoder.string("list")
            encoder.u32(GGUFValueType.array.rawValue)
            encoder.u32(GGUFValueType.string.rawValue)
            encoder.u64(2)
            encoder.rawString([0xE2, 0x82])  // truncated 3-byte sequence
            encoder.rawString(Array("ok".utf8))
        }
        let file = try GGUFFile(bytes: bytes)
        #expect(file.metadataKeys == ["k\u{FFFD}y", "list"])
        #expect(try file.string("k\u{FFFD}y") == "\u{FFFD}(A")
        #expect(try file.strings("list") == ["\u{FFFD}", "ok"])
    }

    @Test("builder: re-adding a key replaces it in place; Int and [Int] pick UINT32/INT64 and INT32/INT64")
    func builderConveniences() throws {
        var builder = GGUFBuilder(version: 2, alignment: 64)
        builder.add("a", 1)
        builder.add("b", -1)
        builder.add("a", "again")
        builder.add("big", [1, Int(Int32.max) + 1])
        builder.add("general.alignment", 8)  // the alignment given to init wins
        let file = try GGUFFile(bytes: builder.bytes())
        #expect(file.metadataKeys == ["general.alignment", "a", "b", "big"])
        #expect(file.metadata["general.alignment"] == .uint32(64))
        #expect(file.metadata["a"] == .string("again"))
        #expect(file.metadata["b"] == .int64(-1))
        #expect(file.metadata["big"] == .array(.int64([1, Int64(Int32.max) + 1])))
        #expect(builder.bytes() == builder.bytes())
    }

    @Test("value type names")
    func typeNames() {
        #expect(GGUFValue.uint32(1).typeName == "UINT32")
        #expect(GGUFValue.array(.string([])).typeName == "ARRAY of STRING")
        #expect(GGUFValue.array(.array([])).typeName == "ARRAY of ARRAY")
        #expect(GGUFArray.bool([true, false]).count == 2)
        #expect(GGUFValueType.allCases.map(\.rawValue) == Array(0...12))
    }
}
