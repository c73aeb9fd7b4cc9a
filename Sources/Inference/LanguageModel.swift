/// A text generator: the in-process GGUF engine, a fake in tests, or a remote server.
public protocol LanguageModel: Sendable {
    /// A short human-readable description (file name, architecture).
    var name: String { get }
}
