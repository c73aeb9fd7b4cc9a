/// A bounds-checked little-endian cursor over a GGUF image. Every read checks the bytes it needs against the end
/// of the image first; failures carry the byte offset and a message without context (the parser adds which key
/// or tensor was being read). Strings are decoded straight from the image; invalid UTF-8 becomes U+FFFD.
struct GGUFReader {
    /// Arrays nested deeper than this are rejected (a top-level array is depth 1).
    static let maximumArrayDepth = 8

    /// A read that cannot be done: where, and what went wrong.
    struct Failure: Error {
        var offset: Int
        var message: String

        /// The same failure with `context` in front of the message.
        func prefixed(_ context: String) -> Failure {
            Failure(offset: offset, message: "\(context)\(message)")
        }

        /// The same failure inside array element `index`: `element [i]: …`, nested as `element [i][j]: …`.
        func inElement(_ index: Int) -> Failure {
            let marker = "element ["
            if message.hasPrefix(marker) {
                return Failure(offset: offset, message: "element [\(index)][" + message.dropFirst(marker.count))
            }
            return Failure(offset: offset, message: "element [\(index)]: \(message)")
        }

        /// The same failure with `note` after the message.
        func suffixed(_ note: String) -> Failure {
            Failure(offset: offset, message: "\(message)\(note)")
        }
    }

    let base: UnsafeRawPointer
    /// Number of bytes in the image.
    let size: Int
    /// The next byte to read.
    private(set) var position = 0

    init(_ buffer: UnsafeRawBufferPointer) {
        // An empty buffer may have no base address; nothing is ever read from it then.
        base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        size = buffer.count
    }

    /// Bytes left after `position`.
    var remaining: Int { size - position }

    /// Moves `position` to the next multiple of `alignment` (a power of two), possibly past the end.
    mutating func align(to alignment: Int) {
        position = (position + alignment - 1) & ~(alignment - 1)
    }

    /// The failure for a read of `bytes` bytes of `type` that does not fit.
    func pastEnd(_ what: String, type: String, bytes: Int) -> Failure {
        Failure(offset: position, message: "\(what) (\(type), \(bytes) bytes) runs past the end of the file "
            + "(\(max(remaining, 0)) bytes left)")
    }

    /// Reads a little-endian integer; `what` (and `type`, by default the integer type) name it in errors.
    @inline(__always)
    mutating func integer<T: FixedWidthInteger>(_: T.Type, _ what: @autoclosure () -> String,
                                                type: String? = nil) throws(Failure) -> T {
        let width = MemoryLayout<T>.size
        guard width <= size - position else {
            throw pastEnd(what(), type: type ?? String(describing: T.self).lowercased(), bytes: width)
        }
        let value = T(littleEndian: base.loadUnaligned(fromByteOffset: position, as: T.self))
        position += width
        return value
    }

    /// Reads a GGUF string: a uint64 byte length, then that many bytes.
    @inline(__always)
    mutating func string(_ what: @autoclosure () -> String) throws(Failure) -> String {
        guard 8 <= size - position else { throw pastEnd("\(what()) length", type: "uint64", bytes: 8) }
        let length = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        guard length <= UInt64(size - position - 8) else {
            throw Failure(offset: position, message: "\(what()) length \(length) runs past the end of the file "
                + "(\(size - position - 8) bytes left)")
        }
        let start = position + 8
        position = start + Int(length)
        return String(decoding: UnsafeRawBufferPointer(start: base + start, count: Int(length)), as: UTF8.self)
    }

    /// Reads a value type id and checks it names a GGUF value type.
    mutating func valueType(_ what: String) throws(Failure) -> GGUFValueType {
        let raw = try integer(UInt32.self, what)
        guard let type = GGUFValueType(rawValue: raw) else {
            throw Failure(offset: position - 4, message: "\(what) \(raw) is not a GGUF value type (0 to 12)")
        }
        return type
    }

    /// Reads one value of `type`; `depth` is the array nesting of the value's container (0 at top level).
    mutating func value(of type: GGUFValueType, depth: Int = 0) throws(Failure) -> GGUFValue {
        switch type {
        case .uint8: .uint8(try integer(UInt8.self, "value"))
        case .int8: .int8(try integer(Int8.self, "value"))
        case .uint16: .uint16(try integer(UInt16.self, "value"))
        case .int16: .int16(try integer(Int16.self, "value"))
        case .uint32: .uint32(try integer(UInt32.self, "value"))
        case .int32: .int32(try integer(Int32.self, "value"))
        case .uint64: .uint64(try integer(UInt64.self, "value"))
        case .int64: .int64(try integer(Int64.self, "value"))
        case .float32: .float32(Float(bitPattern: try integer(UInt32.self, "value", type: "float32")))
        case .float64: .float64(Double(bitPattern: try integer(UInt64.self, "value", type: "float64")))
        case .bool: .bool(try integer(UInt8.self, "value", type: "bool") != 0)
        case .string: .string(try string("string"))
        case .array: .array(try array(depth: depth + 1))
        }
    }

    /// Reads an array (element type, uint64 count, elements) at nesting `depth` (1 for a top-level array).
    /// The count is checked against the bytes left before anything is allocated.
    mutating func array(depth: Int) throws(Failure) -> GGUFArray {
        guard depth <= Self.maximumArrayDepth else {
            throw Failure(offset: position, message: "arrays are nested more than \(Self.maximumArrayDepth) deep")
        }
        let type = try valueType("array element type")
        let rawCount = try integer(UInt64.self, "array count")
        let minimum = type.minimumSize
        guard rawCount <= UInt64(remaining / minimum) else {
            throw Failure(offset: position - 8, message: "array of \(rawCount) \(type.name) runs past the end of the file "
                + "(needs at least \(minimum) bytes per element, \(remaining) bytes left)")
        }
        let count = Int(rawCount)
        switch type {
        case .uint8: return .uint8(copyElements(count))
        case .int8: return .int8(copyElements(count))
        case .uint16: return .uint16(copyElements(count))
        case .int16: return .int16(copyElements(count))
        case .uint32: return .uint32(copyElements(count))
        case .int32: return .int32(copyElements(count))
        case .uint64: return .uint64(copyElements(count))
        case .int64: return .int64(copyElements(count))
        case .float32: return .float32(copyElements(count))
        case .float64: return .float64(copyElements(count))
        case .bool: return .bool((copyElements(count) as [UInt8]).map { $0 != 0 })
        case .string: return .string(try strings(count))
        case .array:
            var elements: [GGUFArray] = []
            elements.reserveCapacity(count)
            for index in 0..<count {
                do {
                    elements.append(try array(depth: depth + 1))
                } catch {
                    throw error.inElement(index)
                }
            }
            return .array(elements)
        }
    }

    /// Reads `count` strings (the caller has checked `count` × 8 bytes are left).
    private mutating func strings(_ count: Int) throws(Failure) -> [String] {
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            do {
                result.append(try string("string"))
            } catch {
                throw error.inElement(index)
            }
        }
        return result
    }

    /// Copies `count` fixed-size little-endian elements (the caller has checked they fit) in one block.
    private mutating func copyElements<T: BitwiseCopyable & GGUFLittleEndianElement>(_ count: Int) -> [T] {
        // No `Array(unsafeUninitializedCapacity: 0)`: it stores the count into the shared empty-array singleton,
        // which ThreadSanitizer reports as a race when two threads read empty arrays at once.
        guard count > 0 else { return [] }
        let width = MemoryLayout<T>.size
        let start = base + position
        position += count * width
        let copy = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: start, byteCount: count * width)
            initialized = count
        }
        #if _endian(big)
        return copy.map { $0.fromLittleEndian }
        #else
        return copy
        #endif
    }
}
