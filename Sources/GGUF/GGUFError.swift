/// A GGUF file that cannot be read: what is wrong, and where.
public struct GGUFError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or "<memory>") the error is about.
    public let path: String
    /// Byte offset in the file where the problem was found, when known.
    public let offset: Int?
    /// What is wrong, with the key or tensor concerned.
    public let message: String

    /// An error about `path`, found at byte `offset` when known.
    public init(path: String, offset: Int? = nil, _ message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    /// One line: `FILE: at byte N: message`.
    public var description: String {
        if let offset { return "\(path): at byte \(offset): \(message)" }
        return "\(path): \(message)"
    }
}
