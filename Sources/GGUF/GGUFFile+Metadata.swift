/// Typed metadata accessors. Each returns nil when the key is absent and throws a `GGUFError` naming the key
/// when the key is present with a value of another type.
extension GGUFFile {
    /// `general.architecture` (e.g. `llama`, `qwen2`), when present as a string.
    public var architecture: String? {
        try? string("general.architecture")
    }

    /// The raw value of `key`.
    public func value(_ key: String) -> GGUFValue? {
        metadata[key]
    }

    /// A STRING value.
    public func string(_ key: String) throws -> String? {
        guard let value = metadata[key] else { return nil }
        guard case .string(let text) = value else { throw mismatch(key, value, expected: "STRING") }
        return text
    }

    /// A value of any integer type, as `Int`; throws when a UINT64 value does not fit.
    public func integer(_ key: String) throws -> Int? {
        guard let value = metadata[key] else { return nil }
        guard value.isInteger else { throw mismatch(key, value, expected: "an integer") }
        guard let number = value.intValue else {
            throw GGUFError(path: path,
                            "metadata \(GGUFParser.quoted(key)) (UINT64) is too large for a 64-bit signed integer")
        }
        return number
    }

    /// A FLOAT32 or FLOAT64 value, or an integer value converted, as `Double`.
    public func float(_ key: String) throws -> Double? {
        guard let value = metadata[key] else { return nil }
        switch value {
        case .float32(let number): return Double(number)
        case .float64(let number): return number
        case .uint64(let number): return Double(number)
        default:
            guard let number = value.intValue else { throw mismatch(key, value, expected: "a number") }
            return Double(number)
        }
    }

    /// A BOOL value.
    public func bool(_ key: String) throws -> Bool? {
        guard let value = metadata[key] else { return nil }
        guard case .bool(let flag) = value else { throw mismatch(key, value, expected: "BOOL") }
        return flag
    }

    /// An ARRAY of STRING.
    public func strings(_ key: String) throws -> [String]? {
        guard let value = metadata[key] else { return nil }
        guard case .array(.string(let texts)) = value else { throw mismatch(key, value, expected: "ARRAY of STRING") }
        return texts
    }

    /// An ARRAY of any integer type, as `[Int]`; throws when a UINT64 element does not fit.
    public func integers(_ key: String) throws -> [Int]? {
        guard let value = metadata[key] else { return nil }
        guard case .array(let array) = value, array.hasIntegerElements else {
            throw mismatch(key, value, expected: "an ARRAY of integers")
        }
        guard let numbers = array.intValues else {
            throw GGUFError(path: path, "metadata \(GGUFParser.quoted(key)) has UINT64 elements that do not fit "
                + "in a 64-bit signed integer")
        }
        return numbers
    }

    /// An ARRAY of FLOAT32 (or FLOAT64, converted) as `[Float]`.
    public func floats(_ key: String) throws -> [Float]? {
        guard let value = metadata[key] else { return nil }
        switch value {
        case .array(.float32(let numbers)): return numbers
        case .array(.float64(let numbers)): return numbers.map { Float($0) }
        default: throw mismatch(key, value, expected: "an ARRAY of FLOAT32")
        }
    }

    /// The error for a required key that is absent: `guard let n = try file.integer(k) else { throw file.missing(k) }`.
    public func missing(_ key: String) -> GGUFError {
        GGUFError(path: path, "missing metadata key \(GGUFParser.quoted(key))")
    }

    private func mismatch(_ key: String, _ value: GGUFValue, expected: String) -> GGUFError {
        GGUFError(path: path, "metadata \(GGUFParser.quoted(key)) is \(value.typeName); expected \(expected)")
    }
}
