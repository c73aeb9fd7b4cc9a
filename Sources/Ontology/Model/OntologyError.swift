/// A failure to read an ontology file: what went wrong, in which file and at which line.
public struct OntologyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the error is about.
    public var path: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong, in one line.
    public var message: String

    public init(path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message` on one line.
    public var description: String {
        let flat = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        if let line { return "\(path):\(line): \(flat)" }
        return "\(path): \(flat)"
    }
}
