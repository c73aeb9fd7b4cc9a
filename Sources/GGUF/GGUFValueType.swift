/// The type id of a GGUF metadata value, as stored in the file (a little-endian uint32).
public enum GGUFValueType: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    /// An unsigned 8-bit integer.
    case uint8 = 0
    /// A signed 8-bit integer.
    case int8 = 1
    /// An unsigned 16-bit integer.
    case uint16 = 2
    /// A signed 16-bit integer.
    case int16 = 3
    /// An unsigned 32-bit integer (counts and ids usually have this type).
    case uint32 = 4
    /// A signed 32-bit integer.
    case int32 = 5
    /// An IEEE 754 single.
    case float32 = 6
    /// One byte, 0 or 1.
    case bool = 7
    /// A uint64 byte length, then UTF-8 bytes (no terminator).
    case string = 8
    /// A uint32 element type, a uint64 count, then the elements.
    case array = 9
    /// An unsigned 64-bit integer.
    case uint64 = 10
    /// A signed 64-bit integer.
    case int64 = 11
    /// An IEEE 754 double.
    case float64 = 12

    /// The specification's name: `UINT8`, `FLOAT32`, `STRING`, `ARRAY`, …
    public var name: String {
        switch self {
        case .uint8: "UINT8"
        case .int8: "INT8"
        case .uint16: "UINT16"
        case .int16: "INT16"
        case .uint32: "UINT32"
        case .int32: "INT32"
        case .float32: "FLOAT32"
        case .bool: "BOOL"
        case .string: "STRING"
        case .array: "ARRAY"
        case .uint64: "UINT64"
        case .int64: "INT64"
        case .float64: "FLOAT64"
        }
    }

    /// Same as `name`.
    public var description: String { name }

    /// Bytes of one value of this type when it has a fixed size (numbers and BOOL); nil for STRING and ARRAY.
    public var fixedSize: Int? {
        switch self {
        case .uint8, .int8, .bool: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .uint64, .int64, .float64: 8
        case .string, .array: nil
        }
    }

    /// The fewest bytes a value of this type can occupy: its fixed size, the uint64 length of an empty STRING,
    /// or the element type and count of an empty ARRAY. Used to bound counts before allocating.
    var minimumSize: Int {
        switch self {
        case .string: 8
        case .array: 12
        default: fixedSize!
        }
    }
}
