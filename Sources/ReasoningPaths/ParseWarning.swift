/// Something in the text that looked meaningful but was not (fully) understood. Text is never dropped silently.
public struct ParseWarning: Codable, Sendable, Equatable {
    /// 1-based line the warning is about (0 when it concerns the whole input).
    public var line: Int
    /// One sentence saying what was seen and what the parser did with it.
    public var message: String

    /// Creates a warning.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
