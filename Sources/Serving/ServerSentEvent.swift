/// One event of a `text/event-stream` response: the `data:` lines joined with newlines, and the optional
/// `event:` type and `id:`.
public struct ServerSentEvent: Sendable, Equatable {
    /// The event type (`event:` field); nil means the default, `message`.
    public var type: String?
    /// The data lines of the event joined with `\n`.
    public var data: String
    /// The `id:` field, when the event had one.
    public var id: String?

    /// An event with `data` (and optionally a type and id).
    public init(type: String? = nil, data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}
