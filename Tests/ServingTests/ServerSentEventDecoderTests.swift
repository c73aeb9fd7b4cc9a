import Serving
import Testing

@Suite struct ServerSentEventDecoderTests {
    /// Decodes `bytes` fed in pieces cut at `cuts`, then finishes.
    static func decode(_ bytes: [UInt8], cuts: [Int]) throws -> [ServerSentEvent] {
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            events += try decoder.feed(bytes[start..<cut])
            start = cut
        }
        if let last = decoder.finish() { events.append(last) }
        return events
    }

    static let stream = Array((
        ": keep-alive comment\r\n" +
        "data: {\"choices\":[{\"delta\":{\"content\":\"Cough → é 😷\"}}]}\r\n\r\n" +
        "event: message\nid: 7\ndata: line one\ndata:line two\n\n" +
        "data: cr only\r\r" +
        "retry: 100\nunknown: x\ndata\n\n" +
        "event: ping\n\n" +
        "data: [DONE]\n\n").utf8)

    static let expected: [ServerSentEvent] = [
        ServerSentEvent(data: "{\"choices\":[{\"delta\":{\"content\":\"Cough → é 😷\"}}]}"),
        ServerSentEvent(type: "message", data: "line one\nline two", id: "7"),
        ServerSentEvent(data: "cr only", id: "7"),
        ServerSentEvent(data: "", id: "7"),
        ServerSentEvent(data: "[DONE]", id: "7"),
    ]

    @Test func wholeStream() throws {
        #expect(try Self.decode(Self.stream, cuts: []) == Self.expected)
    }

    @Test("split at every byte offset (CRLF and multi-byte UTF-8 included)")
    func everySplit() throws {
        for cut in 0...Self.stream.count {
            #expect(try Self.decode(Self.stream, cuts: [cut]) == Self.expected, "cut at \(cut)")
        }
    }

    @Test("fed one byte at a time")
    func byteByByte() throws {
        #expect(try Self.decode(Self.stream, cuts: Array(0...Self.stream.count)) == Self.expected)
    }

    @Test("split at every pair of offsets")
    func everyPairOfSplits() throws {
        let bytes = Array("data: a→b\r\n\r\n: c\r\ndata: [DONE]\r\n\r\n".utf8)
        let want = [ServerSentEvent(data: "a→b"), ServerSentEvent(data: "[DONE]")]
        for i in 0...bytes.count {
            for j in i...bytes.count { #expect(try Self.decode(bytes, cuts: [i, j]) == want, "cuts \(i), \(j)") }
        }
    }

    @Test func anEventWithoutItsEmptyLineComesOutAtFinish() throws {
        #expect(try Self.decode(Array("data: {\"x\":1}\n".utf8), cuts: []) == [ServerSentEvent(data: "{\"x\":1}")])
        #expect(try Self.decode(Array("data: tail".utf8), cuts: [3]) == [ServerSentEvent(data: "tail")])
        #expect(try Self.decode(Array(": only a comment\n".utf8), cuts: []).isEmpty)
    }

    @Test func byteOrderMarkIsSkippedOnlyAtTheStart() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let bytes = bom + Array("data: x\n\n".utf8)
        for cut in 0...bytes.count { #expect(try Self.decode(bytes, cuts: [cut]) == [ServerSentEvent(data: "x")]) }
        let later = Array("data: x".utf8) + bom + Array("\n\n".utf8)
        #expect(try Self.decode(later, cuts: []) == [ServerSentEvent(data: "x\u{FEFF}")])
    }

    @Test func oversizedEventsAreRefused() {
        var decoder = ServerSentEventDecoder(maximumEventBytes: 64)
        #expect(throws: ServerSentEventDecoder.TooLarge.self) {
            _ = try decoder.feed(Array(("data: " + String(repeating: "x", count: 100)).utf8))
        }
    }
}
