/// Parses the header, metadata and tensor directory of a GGUF v2/v3 image and validates them. Tensor data is
/// not read, so an image whose data section is cut short still parses.
struct GGUFParser {
    /// Everything `GGUFFile` keeps besides the bytes.
    struct Result {
        var version = 0
        var alignment = GGUFParser.defaultAlignment
        var dataOffset = 0
        var metadataKeys: [String] = []
        var metadata: [String: GGUFValue] = [:]
        var tensors: [GGUFTensorInfo] = []
        var tensorIndex: [String: Int] = [:]
    }

    /// Alignment of the data section and tensor offsets when `general.alignment` is absent.
    static let defaultAlignment = 32
    /// The largest `general.alignment` accepted (the key is a uint32).
    static let maximumAlignment = 1 << 31
    /// Smallest encodings: a metadata pair (empty key, type, one byte) and a tensor info (empty name, one dimension).
    private static let minimumPairSize = 8 + 4 + 1
    private static let minimumTensorInfoSize = 8 + 4 + 8 + 4 + 8

    private var reader: GGUFReader
    private var result = Result()
    /// The header's tensor_count and metadata_kv_count, as stored.
    private var declaredCounts: (tensors: UInt64, pairs: UInt64) = (0, 0)
    /// Where the `general.alignment` pair starts, for errors about it.
    private var alignmentOffset = 0

    /// Parses `buffer`; `path` names the image in errors.
    static func parse(_ buffer: UnsafeRawBufferPointer, path: String) throws(GGUFError) -> Result {
        var parser = GGUFParser(reader: GGUFReader(buffer))
        do {
            try parser.run()
        } catch {
            throw GGUFError(path: path, offset: error.offset, error.message)
        }
        return parser.result
    }

    private init(reader: GGUFReader) {
        self.reader = reader
    }

    private mutating func run() throws(GGUFReader.Failure) {
        let (tensorCapacity, pairCapacity) = try readHeader()
        result.metadataKeys.reserveCapacity(pairCapacity)
        result.metadata.reserveCapacity(pairCapacity)
        var index: UInt64 = 0
        while index < declaredCounts.pairs {
            do {
                try readPair(Int(index))
            } catch {
                throw error.suffixed(countNote("metadata_kv_count", declaredCounts.pairs, Self.minimumPairSize))
            }
            index += 1
        }
        try readAlignment()
        result.tensors.reserveCapacity(tensorCapacity)
        result.tensorIndex.reserveCapacity(tensorCapacity)
        index = 0
        while index < declaredCounts.tensors {
            do {
                try readTensorInfo(Int(index))
            } catch {
                throw error.suffixed(countNote("tensor_count", declaredCounts.tensors, Self.minimumTensorInfoSize))
            }
            index += 1
        }
        let infoEnd = reader.position
        reader.align(to: result.alignment)
        result.dataOffset = reader.position
        for tensor in result.tensors {
            let (end, overflow) = tensor.offset.addingReportingOverflow(tensor.byteCount)
            guard !overflow, end <= Int.max - result.dataOffset else {
                throw GGUFReader.Failure(offset: infoEnd, message: "tensor \(Self.quoted(tensor.name)): offset "
                    + "\(tensor.offset) + size \(tensor.byteCount) lies beyond any possible file")
            }
        }
    }

    /// Magic and version, then the two counts (kept in `declaredCounts`); returns how many of each to reserve room
    /// for, bounded by what the bytes left could hold.
    private mutating func readHeader() throws(GGUFReader.Failure) -> (tensors: Int, pairs: Int) {
        if reader.size == 0 { throw GGUFReader.Failure(offset: 0, message: "file is empty; expected the GGUF header") }
        let magicBytes = reader.size >= 4 ? (0..<4).map { reader.base.load(fromByteOffset: $0, as: UInt8.self) } : []
        let magic = try reader.integer(UInt32.self, "header: magic")
        guard magic == 0x4655_4747 else {
            let shown = magicBytes.map { byte in (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "." }
            throw GGUFReader.Failure(offset: 0, message: "not a GGUF file: starts with '\(shown.joined())' "
                + "(0x\(String(magic.byteSwapped, radix: 16))), expected 'GGUF'")
        }
        let version = try reader.integer(UInt32.self, "header: version")
        guard version == 2 || version == 3 else {
            let message = version.byteSwapped == 2 || version.byteSwapped == 3
                ? "big-endian GGUF files are not supported"
                : "GGUF version \(version) is not supported (only versions 2 and 3)"
            throw GGUFReader.Failure(offset: 4, message: message)
        }
        result.version = Int(version)
        let rawTensors = try reader.integer(UInt64.self, "header: tensor_count")
        let rawPairs = try reader.integer(UInt64.self, "header: metadata_kv_count")
        let left = UInt64(reader.remaining)
        // Counts that even the bytes left cannot hold are not rejected here: reading stops at the first item that
        // runs past the end, with a message naming it (and the count, see `run`). Only allocations are capped.
        let pairs = Int(min(rawPairs, left / UInt64(Self.minimumPairSize) + 1))
        let tensors = Int(min(rawTensors, left / UInt64(Self.minimumTensorInfoSize) + 1))
        declaredCounts = (rawTensors, rawPairs)
        return (tensors, pairs)
    }

    /// One metadata pair: key, value type, value. Duplicate keys are an error.
    private mutating func readPair(_ index: Int) throws(GGUFReader.Failure) {
        let start = reader.position
        let key: String
        do {
            key = try reader.string("key")
        } catch {
            throw error.prefixed("metadata key \(index): ")
        }
        do throws(GGUFReader.Failure) {
            let type = try reader.valueType("value type")
            let value = try reader.value(of: type)
            guard result.metadata.updateValue(value, forKey: key) == nil else {
                let first = result.metadataKeys.firstIndex(of: key) ?? 0
                throw GGUFReader.Failure(offset: start, message: "duplicate key (first defined as metadata key \(first))")
            }
            result.metadataKeys.append(key)
            if key == "general.alignment" { alignmentOffset = start }
        } catch {
            throw error.prefixed("metadata key \(index) (\(Self.quoted(key))): ")
        }
    }

    /// `general.alignment`, when present: an integer power of two up to 2^31.
    private mutating func readAlignment() throws(GGUFReader.Failure) {
        guard let value = result.metadata["general.alignment"] else { return }
        guard value.isInteger else {
            throw GGUFReader.Failure(offset: alignmentOffset,
                                     message: "general.alignment is \(value.typeName); expected UINT32")
        }
        guard let alignment = value.intValue, alignment > 0, alignment <= Self.maximumAlignment,
              alignment & (alignment - 1) == 0 else {
            throw GGUFReader.Failure(offset: alignmentOffset, message: "general.alignment \(Self.describe(value)) is "
                + "not a power of two between 1 and \(Self.maximumAlignment)")
        }
        result.alignment = alignment
    }

    /// One tensor info: name, n_dims, dims, type, offset. Validates everything but the presence of the data.
    private mutating func readTensorInfo(_ index: Int) throws(GGUFReader.Failure) {
        let start = reader.position
        let name: String
        do {
            name = try reader.string("name")
        } catch {
            throw error.prefixed("tensor \(index): ")
        }
        do throws(GGUFReader.Failure) {
            if let first = result.tensorIndex[name] {
                throw GGUFReader.Failure(offset: start, message: "duplicate name (first defined as tensor \(first))")
            }
            let rankOffset = reader.position
            let rank = try reader.integer(UInt32.self, "n_dims")
            guard (1...4).contains(rank) else {
                throw GGUFReader.Failure(offset: rankOffset, message: "has \(rank) dimensions; expected 1 to 4")
            }
            var dimensions: [Int] = []
            dimensions.reserveCapacity(Int(rank))
            for axis in 0..<Int(rank) {
                let size = try reader.integer(UInt64.self, "dimension \(axis)")
                dimensions.append(Int(truncatingIfNeeded: size))
            }
            let type = GGUFTensorType(rawValue: try reader.integer(UInt32.self, "type"))
            let offsetPosition = reader.position
            let rawOffset = try reader.integer(UInt64.self, "offset")
            guard let offset = Int(exactly: rawOffset) else {
                throw GGUFReader.Failure(offset: offsetPosition, message: "offset \(rawOffset) is beyond any possible file")
            }
            guard offset % result.alignment == 0 else {
                throw GGUFReader.Failure(offset: offsetPosition, message: "offset \(offset) is not a multiple of "
                    + "the alignment \(result.alignment)")
            }
            let info: GGUFTensorInfo
            do {
                info = try GGUFTensorInfo(name: name, dimensions: dimensions, type: type, offset: offset)
            } catch {
                throw GGUFReader.Failure(offset: start, message: error.message)
            }
            result.tensorIndex[name] = result.tensors.count
            result.tensors.append(info)
        } catch {
            throw error.prefixed("tensor \(index) (\(Self.quoted(name))): ")
        }
    }

    /// A note for errors when the header's `count` is more than the whole file could hold at `minimumSize` each.
    private func countNote(_ field: String, _ count: UInt64, _ minimumSize: Int) -> String {
        count > UInt64(reader.size / minimumSize) ? " (the header's \(field) \(count) is more than the file can hold)" : ""
    }

    /// A name or key for a message: single-quoted, control characters escaped, at most 120 characters.
    static func quoted(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(120) {
            shown += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        if text.unicodeScalars.count > 120 { shown += "…" }
        return "'\(shown)'"
    }

    private static func describe(_ value: GGUFValue) -> String {
        switch value {
        case .uint64(let v): "\(v)"
        case .int64(let v): "\(v)"
        default: value.intValue.map(String.init) ?? value.typeName
        }
    }
}
