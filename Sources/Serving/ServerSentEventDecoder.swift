/// Turns the bytes of a `text/event-stream` body into events, however the network splits them.
///
/// Follows the WHATWG event-stream rules: lines end with CRLF, LF or CR (a CRLF split between two chunks counts
/// once); `field: value` lines with one optional space after the colon; lines starting with `:` are comments; an
/// empty line dispatches the event; an event without `data` is dropped. A leading UTF-8 byte-order mark is skipped.
/// Bytes are kept until a line is complete, so a multi-byte character split across chunks decodes intact.
///
/// ```swift
/// var decoder = ServerSentEventDecoder()
/// for event in try decoder.feed(Array("data: {\"a\":1}\n\n".utf8)) { print(event.data) }   // {"a":1}
/// let rest = decoder.finish()   // an event left without its empty line, if any
/// ```
public struct ServerSentEventDecoder: Sendable {
    /// A line or event longer than the limit.
    public struct TooLarge: Error, Sendable, Equatable, CustomStringConvertible {
        /// The limit in bytes.
        public let limit: Int
        /// One line naming the limit.
        public var description: String { "server-sent event larger than \(limit) bytes" }
    }

    /// The most bytes one event (its lines together) may hold.
    public let maximumEventBytes: Int

    private var line: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    private var bomBytesSeen = 0
    private var data: [UInt8] = []
    private var hasData = false
    private var type: String?
    private var id: String?

    /// A decoder that refuses events over `maximumEventBytes` (16 MiB by default).
    public init(maximumEventBytes: Int = 16 << 20) {
        self.maximumEventBytes = maximumEventBytes
    }

    /// Consumes `bytes` and returns the events they completed, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) throws -> [ServerSentEvent] where Bytes.Element == UInt8 {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if atStart {
                // The byte-order mark EF BB BF is ignored at the very start of the stream.
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if byte == bom[bomBytesSeen] {
                    bomBytesSeen += 1
                    if bomBytesSeen == 3 { atStart = false }
                    continue
                }
                atStart = false
                if bomBytesSeen > 0 { line.append(contentsOf: bom[0..<bomBytesSeen]) }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                if afterCR { afterCR = false; continue }
                if let event = endLine() { events.append(event) }
            case UInt8(ascii: "\r"):
                afterCR = true
                if let event = endLine() { events.append(event) }
            default:
                afterCR = false
                line.append(byte)
                if line.count + data.count > maximumEventBytes { throw TooLarge(limit: maximumEventBytes) }
            }
        }
        return events
    }

    /// Ends the stream: a last line without its line end is taken as complete, and an event that has data but no
    /// closing empty line is returned (servers that end the body right after `data: …\n` lose nothing).
    public mutating func finish() -> ServerSentEvent? {
        if atStart, bomBytesSeen > 0 { line.append(contentsOf: [UInt8]([0xEF, 0xBB, 0xBF])[0..<bomBytesSeen]) }
        atStart = false
        if !line.isEmpty { _ = endLine() }
        afterCR = false
        return dispatch()
    }

    /// Whether bytes of an unfinished line or event are held.
    public var hasPendingInput: Bool { !line.isEmpty || hasData || (atStart && bomBytesSeen > 0) }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = colon.map { line[..<$0] } ?? line[...]
        var valueStart = colon.map { $0 + 1 } ?? line.endIndex
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = line[valueStart...]
        switch String(decoding: name, as: UTF8.self) {
        case "data":
            if hasData { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: value)
            hasData = true
        case "event":
            type = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { id = String(decoding: value, as: UTF8.self) }
        default:
            break   // `retry:` and unknown fields are ignored.
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            type = nil
        }
        guard hasData else { return nil }
        return ServerSentEvent(type: type.flatMap { $0.isEmpty ? nil : $0 }, data: String(decoding: data, as: UTF8.self),
                               id: id)
    }
}
