/// A value passed into a chat template: the data model of Python's JSON-like values (`None`, `bool`, `int`,
/// `float`, `str`, `list`, `dict` with insertion-ordered string keys).
///
/// Build one with literals (`["role": "user", "n": 3]`), from JSON text with ``init(json:)``, or with the cases.
public indirect enum TemplateValue: Sendable, Equatable {
    /// Python `None`.
    case none
    /// Python `bool`.
    case bool(Bool)
    /// Python `int` (64-bit here).
    case int(Int)
    /// Python `float`.
    case double(Double)
    /// Python `str`.
    case string(String)
    /// Python `list`.
    case array([TemplateValue])
    /// Python `dict` with string keys, in insertion order.
    case object(TemplateObject)

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value under `key`, if this is an object holding it.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An int value.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A float value.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A bool value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list value.
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    /// A dict value, keys in the order written.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .object(TemplateObject(elements)) }
    /// `None`.
    public init(nilLiteral: ()) { self = .none }
}

extension TemplateValue {
    /// Parses JSON text, keeping the order of object keys (it shows in `tojson` output).
    /// Integers without fraction or exponent that fit in `Int` become `.int`, other numbers `.double`.
    /// - Throws: ``ChatTemplateError`` of kind `.syntax` (line 0) for malformed JSON.
    public init(json: String) throws {
        var parser = TemplateJSONParser(json)
        self = try parser.parseDocument()
    }

    /// The value as JSON, the way Python's `json.dumps(value, ensure_ascii=False)` writes it
    /// (`indent` as in `json.dumps`: nil for one line with `", "`/`": "` separators).
    public func jsonString(indent: Int? = nil, sortKeys: Bool = false) -> String {
        let encoder = PythonJSONEncoder(indent: indent.map { String(repeating: " ", count: max($0, 0)) },
                                        separators: nil, sortKeys: sortKeys, ensureASCII: false)
        return (try? encoder.encode(RuntimeValue(self))) ?? ""
    }
}
