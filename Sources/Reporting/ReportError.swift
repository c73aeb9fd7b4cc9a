/// A template folder or template that cannot be used, as one line naming the file (and line, for syntax errors).
public struct ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
