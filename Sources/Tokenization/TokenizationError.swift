/// A vocabulary or tokenizer that cannot be built: the message names the offending key, token or setting.
public struct TokenizationError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
