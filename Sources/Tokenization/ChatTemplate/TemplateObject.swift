/// An insertion-ordered dictionary with string keys: a Python `dict` as a template sees it.
///
/// Equality is order-sensitive (the order shows in `tojson` output); setting an existing key keeps its position.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The entries in insertion order.
    public private(set) var entries: [(key: String, value: TemplateValue)]
    private var index: [String: Int]

    /// An object with `pairs` in order; a repeated key keeps its first position and takes the last value.
    public init(_ pairs: [(String, TemplateValue)] = []) {
        entries = []
        index = [:]
        for (key, value) in pairs { self[key] = value }
    }

    /// An object with the literal's pairs in order.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }

    /// The keys in insertion order.
    public var keys: [String] { entries.map(\.key) }
    /// The number of entries.
    public var count: Int { entries.count }

    /// The value under `key`; assigning nil removes the key.
    public subscript(key: String) -> TemplateValue? {
        get { index[key].map { entries[$0].value } }
        set {
            if let position = index[key] {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
                }
            } else if let newValue {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    /// Same keys in the same order with equal values.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
