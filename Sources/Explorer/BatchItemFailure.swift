/// An input entry that could not be analysed (invalid JSON, a missing text field, an unreadable file): reported as
/// a per-item error, never a reason to stop the batch.
public struct BatchItemFailure: Error, Sendable, Equatable {
    /// The item's id when it could be read, else `line N` or the file's relative path.
    public var id: String
    /// The 1-based JSONL line, when the entry came from one.
    public var line: Int?
    /// One line saying what was wrong.
    public var message: String

    public init(id: String, line: Int?, message: String) {
        self.id = id
        self.line = line
        self.message = message
    }
}
