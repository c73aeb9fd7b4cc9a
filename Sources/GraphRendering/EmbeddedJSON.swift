#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any JSON value, decoded from text and encoded again (integers kept exact, keys sorted by the encoder): how the
/// run metadata, given as text, becomes the `metadata` object of the JSON export.
indirect enum EmbeddedJSON: Codable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array([EmbeddedJSON])
    case object([String: EmbeddedJSON])

    /// Parses `text`; throws `GraphRenderingError.encodingFailed` when it is not JSON.
    static func parse(_ text: String) throws -> EmbeddedJSON {
        do {
            return try JSONDecoder().decode(EmbeddedJSON.self, from: Data(text.utf8))
        } catch {
            throw GraphRenderingError.encodingFailed("the run metadata is not valid JSON")
        }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let i = try? c.decode(Int64.self) { self = .int(i); return }
        if let u = try? c.decode(UInt64.self) { self = .unsigned(u); return }
        if let d = try? c.decode(Double.self) { self = .double(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([EmbeddedJSON].self) { self = .array(a); return }
        self = .object(try c.decode([String: EmbeddedJSON].self))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .unsigned(let u): try c.encode(u)
        case .double(let d): try c.encode(d.isFinite ? d : 0)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
