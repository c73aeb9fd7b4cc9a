/// A GGUF metadata array: every element has the same type. Arrays may nest (`.array`), each inner array with
/// its own element type and count.
public enum GGUFArray: Sendable, Equatable {
    /// Elements of type UINT8.
    case uint8([UInt8])
    /// Elements of type INT8.
    case int8([Int8])
    /// Elements of type UINT16.
    case uint16([UInt16])
    /// Elements of type INT16.
    case int16([Int16])
    /// Elements of type UINT32.
    case uint32([UInt32])
    /// Elements of type INT32.
    case int32([Int32])
    /// Elements of type UINT64.
    case uint64([UInt64])
    /// Elements of type INT64.
    case int64([Int64])
    /// Elements of type FLOAT32.
    case float32([Float])
    /// Elements of type FLOAT64.
    case float64([Double])
    /// Elements of type BOOL.
    case bool([Bool])
    /// Elements of type STRING (invalid UTF-8 replaced by U+FFFD).
    case string([String])
    /// Elements of type ARRAY: nested arrays, each with its own element type.
    case array([GGUFArray])

    /// Number of elements.
    public var count: Int {
        switch self {
        case .uint8(let a): a.count
        case .int8(let a): a.count
        case .uint16(let a): a.count
        case .int16(let a): a.count
        case .uint32(let a): a.count
        case .int32(let a): a.count
        case .uint64(let a): a.count
        case .int64(let a): a.count
        case .float32(let a): a.count
        case .float64(let a): a.count
        case .bool(let a): a.count
        case .string(let a): a.count
        case .array(let a): a.count
        }
    }

    /// The element type id as written in the file.
    public var elementType: GGUFValueType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .uint64: .uint64
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .bool: .bool
        case .string: .string
        case .array: .array
        }
    }

    /// The type for messages: `ARRAY of INT32`, `ARRAY of ARRAY`, …
    public var typeName: String { "ARRAY of \(elementType.name)" }

    /// The elements as `Int`s when the element type is an integer type and every element fits; nil otherwise.
    public var intValues: [Int]? {
        switch self {
        case .uint8(let a): a.map { Int($0) }
        case .int8(let a): a.map { Int($0) }
        case .uint16(let a): a.map { Int($0) }
        case .int16(let a): a.map { Int($0) }
        case .uint32(let a): a.map { Int($0) }
        case .int32(let a): a.map { Int($0) }
        case .int64(let a): a.map { Int($0) }
        case .uint64(let a): a.allSatisfy { $0 <= UInt64(Int.max) } ? a.map { Int($0) } : nil
        default: nil
        }
    }

    /// Whether the element type is one of the eight integer types.
    public var hasIntegerElements: Bool {
        switch self {
        case .uint8, .int8, .uint16, .int16, .uint32, .int32, .uint64, .int64: true
        default: false
        }
    }
}
