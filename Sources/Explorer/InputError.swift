/// A problem with the user's input or output paths, as one line naming the file.
public struct InputError: Error, CustomStringConvertible, Equatable {
    /// The one-line message, starting with the file it concerns.
    public let description: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.description = message
    }
}
