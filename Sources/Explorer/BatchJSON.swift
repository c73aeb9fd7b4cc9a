/// A small, strict JSON reader for one JSONL line (RFC 8259): the batch reads tens of thousands of lines, and a
/// byte-level parser is several times faster than `JSONSerialization` and says where a line went wrong.
///
/// ```swift
/// let value = try BatchJSON.parse(Array(#"{"id": 7, "text": "Cough -> Fever"}"#.utf8))
/// value["text"]?.string   // "Cough -> Fever"
/// ```
public enum BatchJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written (kept as text so ids such as `12345678901234567890` survive).
    case number(String)
    case string(String)
    case array([BatchJSON])
    /// Members in document order (a repeated key keeps its first value when looked up).
    case object([(String, BatchJSON)])

    /// Why a line is not JSON, with the 1-based byte column.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public let column: Int
        public let reason: String
        public var description: String { "invalid JSON at column \(column): \(reason)" }
    }

    /// Nesting deeper than this is refused (hostile input cannot exhaust the stack).
    public static let maxDepth = 64

    /// Parses `bytes` as exactly one JSON value (surrounding white space allowed).
    public static func parse(_ bytes: [UInt8]) throws -> BatchJSON {
        try bytes.withUnsafeBufferPointer { try parse(buffer: $0) }
    }

    /// Parses the bytes of `buffer` as exactly one JSON value (surrounding white space allowed).
    public static func parse(buffer: UnsafeBufferPointer<UInt8>) throws -> BatchJSON {
        var reader = Reader(bytes: buffer)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.i < buffer.count { throw reader.error("unexpected text after the value") }
        return value
    }

    /// The member `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> BatchJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string value, or nil.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A string, or a number's text: what an id or a short answer may be written as.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// An integer value, or nil.
    public var int: Int? {
        if case .number(let n) = self { return Int(n) }
        return nil
    }

    /// A short name of the value's kind for messages (`a number`, `an object`).
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public static func == (a: BatchJSON, b: BatchJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
