import Foundation
import GGUF

/// Writes GGUF v2/v3 images for tests: metadata in the order added, tensors in the order added, each tensor's data
/// padded to the alignment. Deterministic: the same calls give the same bytes.
///
/// ```swift
/// var builder = GGUFBuilder()
/// builder.add("general.architecture", "llama")
/// builder.add("llama.block_count", 2)                       // Int → UINT32
/// builder.add("tokenizer.ggml.tokens", ["<s>", "a", "b"])   // [String] → ARRAY of STRING
/// builder.addTensor(name: "output_norm.weight", dimensions: [4], floats: [1, 1, 1, 1])
/// let file = try GGUFFile(bytes: builder.bytes())
/// ```
public struct GGUFBuilder {
    /// Format version written in the header (2 and 3 have the same layout).
    public var version: Int
    /// The alignment given to `init`, written as `general.alignment` (UINT32) before the other metadata.
    public let alignment: Int?
    private var pairs: [(key: String, value: GGUFValue)] = []
    private var tensors: [(name: String, dimensions: [Int], type: GGUFTensorType, data: [UInt8])] = []

    /// A builder for a file of `version`; `alignment` (a power of two) is written as `general.alignment`.
    public init(version: Int = 3, alignment: Int? = nil) {
        self.version = version
        self.alignment = alignment
    }

    /// The alignment the reader will use: the one given, else a `general.alignment` added by hand, else 32.
    public var effectiveAlignment: Int {
        if let alignment { return alignment }
        return pairs.first { $0.key == "general.alignment" }?.value.intValue ?? 32
    }

    /// Adds a metadata pair; adding a key again replaces its value in place.
    public mutating func add(_ key: String, _ value: GGUFValue) {
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
    }

    /// Adds a STRING.
    public mutating func add(_ key: String, _ value: String) { add(key, .string(value)) }
    /// Adds a BOOL.
    public mutating func add(_ key: String, _ value: Bool) { add(key, .bool(value)) }
    /// Adds a FLOAT32.
    public mutating func add(_ key: String, _ value: Float) { add(key, .float32(value)) }
    /// Adds an integer as UINT32 when it fits (the usual type of GGUF counts and ids), else INT64.
    public mutating func add(_ key: String, _ value: Int) {
        add(key, UInt32(exactly: value).map { .uint32($0) } ?? .int64(Int64(value)))
    }
    /// Adds an ARRAY of STRING.
    public mutating func add(_ key: String, _ value: [String]) { add(key, .array(.string(value))) }
    /// Adds an ARRAY of FLOAT32.
    public mutating func add(_ key: String, _ value: [Float]) { add(key, .array(.float32(value))) }
    /// Adds an ARRAY of INT32 when every element fits (like `tokenizer.ggml.token_type`), else of INT64.
    public mutating func add(_ key: String, _ value: [Int]) {
        if value.allSatisfy({ Int32(exactly: $0) != nil }) {
            add(key, .array(.int32(value.map { Int32($0) })))
        } else {
            add(key, .array(.int64(value.map { Int64($0) })))
        }
    }

    /// Adds a tensor; `dimensions` are in ggml order (row length first). `data` is written as given (it should
    /// hold the type's byte count for the shape) and placed at the next aligned offset of the data section.
    public mutating func addTensor(name: String, dimensions: [Int], type: GGUFTensorType, data: [UInt8]) {
        tensors.append((name, dimensions, type, data))
    }

    /// Adds a tensor of a supported type filled with zero bytes (the right size for the shape): enough for
    /// tests that only need the directory, or that overwrite the data.
    public mutating func addTensor(name: String, dimensions: [Int], type: GGUFTensorType) {
        let count = type.byteCount(elements: dimensions.reduce(1, *)) ?? 0
        addTensor(name: name, dimensions: dimensions, type: type, data: [UInt8](repeating: 0, count: count))
    }

    /// Adds an F32 tensor from its values (little-endian).
    public mutating func addTensor(name: String, dimensions: [Int], floats: [Float]) {
        var encoder = Encoder()
        for value in floats { encoder.u32(value.bitPattern) }
        addTensor(name: name, dimensions: dimensions, type: .f32, data: encoder.bytes)
    }

    /// The offset of each tensor's data relative to the data section, in the order added.
    public var tensorOffsets: [Int] {
        var offsets: [Int] = []
        var next = 0
        for tensor in tensors {
            offsets.append(next)
            next = Self.aligned(next + tensor.data.count, effectiveAlignment)
        }
        return offsets
    }

    /// The image up to the end of the tensor infos: header and metadata and tensor directory, without the padding
    /// and data that follow. A prefix of `bytes()`; on its own it is a "truncated" file that still opens.
    public func headerBytes() -> [UInt8] {
        var encoder = Encoder()
        // The alignment given to init comes first and wins over a `general.alignment` added by hand.
        let written = (alignment.map { [("general.alignment", GGUFValue.uint32(UInt32($0)))] } ?? [])
            + pairs.filter { alignment == nil || $0.key != "general.alignment" }
        encoder.header(version: version, tensorCount: tensors.count, pairCount: written.count)
        for (key, value) in written { encoder.pair(key, value) }
        for (tensor, offset) in zip(tensors, tensorOffsets) {
            encoder.tensorInfo(name: tensor.name, dimensions: tensor.dimensions, type: tensor.type.rawValue, offset: offset)
        }
        return encoder.bytes
    }

    /// The complete file image.
    public func bytes() -> [UInt8] {
        var encoder = Encoder()
        encoder.bytes = headerBytes()
        encoder.pad(to: effectiveAlignment)
        let dataStart = encoder.bytes.count
        for (tensor, offset) in zip(tensors, tensorOffsets) {
            encoder.bytes += [UInt8](repeating: 0, count: dataStart + offset - encoder.bytes.count)
            encoder.bytes += tensor.data
        }
        if !tensors.isEmpty { encoder.pad(to: effectiveAlignment) }
        return encoder.bytes
    }

    /// Writes `bytes()` to `path`.
    public func write(to path: String) throws {
        try Data(bytes()).write(to: URL(fileURLWithPath: path))
    }

    private static func aligned(_ value: Int, _ alignment: Int) -> Int {
        (value + alignment - 1) / alignment * alignment
    }

    /// Low-level little-endian writer for hand-made (including deliberately malformed) images.
    public struct Encoder {
        /// The bytes written so far.
        public var bytes: [UInt8] = []

        /// An empty encoder.
        public init() {}

        /// Appends a little-endian UInt8…UInt64 (or any fixed-width integer).
        public mutating func integer<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        /// Appends a little-endian uint32.
        public mutating func u32(_ value: UInt32) { integer(value) }
        /// Appends a little-endian uint64.
        public mutating func u64(_ value: UInt64) { integer(value) }

        /// Appends a GGUF string (uint64 length, bytes).
        public mutating func string(_ text: String) { rawString(Array(text.utf8)) }

        /// Appends a GGUF string with arbitrary bytes (e.g. invalid UTF-8).
        public mutating func rawString(_ utf8: [UInt8]) {
            u64(UInt64(utf8.count))
            bytes += utf8
        }

        /// Appends magic, version and the two counts.
        public mutating func header(version: Int, tensorCount: Int, pairCount: Int) {
            bytes += Array("GGUF".utf8)
            u32(UInt32(version))
            u64(UInt64(tensorCount))
            u64(UInt64(pairCount))
        }

        /// Appends a metadata pair: key, value type, value.
        public mutating func pair(_ key: String, _ value: GGUFValue) {
            string(key)
            u32(value.valueType.rawValue)
            self.value(value)
        }

        /// Appends a value without its type id.
        public mutating func value(_ value: GGUFValue) {
            switch value {
            case .uint8(let v): integer(v)
            case .int8(let v): integer(v)
            case .uint16(let v): integer(v)
            case .int16(let v): integer(v)
            case .uint32(let v): integer(v)
            case .int32(let v): integer(v)
            case .uint64(let v): integer(v)
            case .int64(let v): integer(v)
            case .float32(let v): integer(v.bitPattern)
            case .float64(let v): integer(v.bitPattern)
            case .bool(let v): integer(UInt8(v ? 1 : 0))
            case .string(let v): string(v)
            case .array(let v): array(v)
            }
        }

        /// Appends an array: element type, count, elements.
        public mutating func array(_ array: GGUFArray) {
            u32(array.elementType.rawValue)
            u64(UInt64(array.count))
            switch array {
            case .uint8(let a): a.forEach { integer($0) }
            case .int8(let a): a.forEach { integer($0) }
            case .uint16(let a): a.forEach { integer($0) }
            case .int16(let a): a.forEach { integer($0) }
            case .uint32(let a): a.forEach { integer($0) }
            case .int32(let a): a.forEach { integer($0) }
            case .uint64(let a): a.forEach { integer($0) }
            case .int64(let a): a.forEach { integer($0) }
            case .float32(let a): a.forEach { integer($0.bitPattern) }
            case .float64(let a): a.forEach { integer($0.bitPattern) }
            case .bool(let a): a.forEach { integer(UInt8($0 ? 1 : 0)) }
            case .string(let a): a.forEach { string($0) }
            case .array(let a): a.forEach { self.array($0) }
            }
        }

        /// Appends a tensor info; `dimensions` are written as uint64 bit patterns, so negatives are allowed.
        public mutating func tensorInfo(name: String, dimensions: [Int], type: UInt32, offset: Int) {
            string(name)
            u32(UInt32(dimensions.count))
            for size in dimensions { u64(UInt64(bitPattern: Int64(size))) }
            u32(type)
            u64(UInt64(bitPattern: Int64(offset)))
        }

        /// Appends zeros up to the next multiple of `alignment`.
        public mutating func pad(to alignment: Int) {
            while bytes.count % alignment != 0 { bytes.append(0) }
        }
    }
}
