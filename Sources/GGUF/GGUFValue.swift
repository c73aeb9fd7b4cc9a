/// One metadata value of a GGUF file: a scalar, a string, or a typed array.
public enum GGUFValue: Sendable, Equatable {
    /// A UINT8 value.
    case uint8(UInt8)
    /// A INT8 value.
    case int8(Int8)
    /// A UINT16 value.
    case uint16(UInt16)
    /// A INT16 value.
    case int16(Int16)
    /// A UINT32 value.
    case uint32(UInt32)
    /// A INT32 value.
    case int32(Int32)
    /// A UINT64 value.
    case uint64(UInt64)
    /// A INT64 value.
    case int64(Int64)
    /// A FLOAT32 value.
    case float32(Float)
    /// A FLOAT64 value.
    case float64(Double)
    /// A BOOL value.
    case bool(Bool)
    /// A string; invalid UTF-8 in the file is replaced by U+FFFD.
    case string(String)
    /// An ARRAY value.
    case array(GGUFArray)

    /// The value's type id as written in the file.
    public var valueType: GGUFValueType {
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

    /// The type for messages: `UINT32`, `STRING`, `ARRAY of STRING`, `ARRAY of ARRAY`, …
    public var typeName: String {
        if case .array(let array) = self { return array.typeName }
        return valueType.name
    }

    /// The value as an `Int` when it is an integer type whose value fits (BOOL and floats are not integers).
    public var intValue: Int? {
        switch self {
        case .uint8(let v): Int(v)
        case .int8(let v): Int(v)
        case .uint16(let v): Int(v)
        case .int16(let v): Int(v)
        case .uint32(let v): Int(v)
        case .int32(let v): Int(v)
        case .uint64(let v): Int(exactly: v)
        case .int64(let v): Int(v)
        default: nil
        }
    }

    /// Whether the value is one of the eight integer types.
    public var isInteger: Bool {
        switch self {
        case .uint8, .int8, .uint16, .int16, .uint32, .int32, .uint64, .int64: true
        default: false
        }
    }
}
