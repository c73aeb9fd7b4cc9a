import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: every connection gets one scripted response (status, headers,
/// body pieces with pauses, or a connection closed mid-body) and every request is recorded.
///
/// ```swift
/// let server = try StubHTTPServer(responses: [.json(#"{"ok":true}"#)])
/// defer { server.stop() }
/// // … point the client at server.baseURL (http://127.0.0.1:PORT/v1) …
/// #expect(server.requests.first?.path == "/v1/chat/completions")
/// ```
///
/// Each connection runs on its own thread and is closed after its response (`Connection: close`), so a client
/// opens one connection per request. Nothing ever listens beyond the loopback interface.
public final class StubHTTPServer: @unchecked Sendable {
    /// A request as received.
    public struct Request: Sendable {
        public var method: String
        /// The request target, e.g. `/v1/chat/completions`.
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: [UInt8]
        /// When the whole request had arrived (`ProcessInfo.systemUptime`, seconds).
        public var receivedAt: Double = 0

        /// The body as UTF-8 text.
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
        /// The body parsed as a JSON object (nil when it is not one).
        public var jsonBody: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] }
    }

    /// What to answer one request with.
    public struct Response: Sendable {
        /// How the body is delimited.
        public enum Framing: Sendable {
            /// `Transfer-Encoding: chunked`, each `send` one chunk (streaming servers do this).
            case chunked
            /// `Content-Length` of all `send` steps together.
            case contentLength
            /// No length: the body ends when the connection closes.
            case untilClose
        }

        /// One step of writing the body.
        public enum Step: Sendable {
            /// Write these bytes (one chunk when chunked).
            case send([UInt8])
            /// Wait this many seconds (cut short when the server stops).
            case pause(Double)
            /// Close the connection now, without finishing the body.
            case close
            /// Keep the connection open, sending nothing, until the server stops.
            case stall
        }

        public var status: Int
        public var headers: [(String, String)]
        public var steps: [Step]
        public var framing: Framing

        /// A response with `status`, `headers` (Content-Length, Transfer-Encoding and Connection are added), and
        /// body `steps`.
        public init(status: Int = 200, headers: [(String, String)] = [], steps: [Step] = [], framing: Framing = .chunked) {
            self.status = status
            self.headers = headers
            self.steps = steps
            self.framing = framing
        }

        /// A JSON body with `Content-Length`.
        public static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> Response {
            Response(status: status, headers: [("Content-Type", "application/json")] + headers,
                     steps: [.send(Array(text.utf8))], framing: .contentLength)
        }

        /// A plain-text body with `Content-Length`.
        public static func text(_ text: String, status: Int, headers: [(String, String)] = []) -> Response {
            Response(status: status, headers: [("Content-Type", "text/plain")] + headers,
                     steps: [.send(Array(text.utf8))], framing: .contentLength)
        }

        /// A `text/event-stream` body: one `data: …` event per element, each its own chunk, `pause` seconds apart.
        public static func events(_ data: [String], pause: Double = 0) -> Response {
            var steps: [Step] = []
            for (i, d) in data.enumerated() {
                if i > 0, pause > 0 { steps.append(.pause(pause)) }
                steps.append(.send(Array("data: \(d)\n\n".utf8)))
            }
            return Response(headers: [("Content-Type", "text/event-stream")], steps: steps)
        }

        /// An OpenAI chat-completions stream: a role chunk, one chunk per piece, a finish chunk, a usage chunk and
        /// `[DONE]`.
        public static func chatStream(_ pieces: [String], finishReason: String = "stop", promptTokens: Int = 7,
                                      pause: Double = 0) -> Response {
            events(chatStreamEvents(pieces, finishReason: finishReason, promptTokens: promptTokens), pause: pause)
        }

        /// The `data:` payloads of `chatStream`.
        public static func chatStreamEvents(_ pieces: [String], finishReason: String? = "stop", promptTokens: Int = 7,
                                            done: Bool = true) -> [String] {
            func quoted(_ s: String) -> String {
                String(decoding: try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed]), as: UTF8.self)
                    .dropFirst().dropLast().description
            }
            let head = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"stub","choices":[{"index":0,"#
            var out = [head + #""delta":{"role":"assistant","content":""},"finish_reason":null}]}"#]
            for p in pieces { out.append(head + #""delta":{"content":\#(quoted(p))},"finish_reason":null}]}"#) }
            if let finishReason { out.append(head + #""delta":{},"finish_reason":"\#(finishReason)"}]}"#) }
            out.append(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"stub","choices":[],"usage":{"prompt_tokens":\#(promptTokens),"completion_tokens":\#(pieces.count),"total_tokens":\#(promptTokens + pieces.count)}}"#)
            if done { out.append("[DONE]") }
            return out
        }
    }

    /// The port the server listens on (127.0.0.1).
    public let port: Int
    /// `http://127.0.0.1:PORT/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private let handler: @Sendable (Request, Int) -> Response
    private let listener: Int32
    private let condition = NSCondition()
    private var stopped = false
    private var recorded: [Request] = []
    private var active = 0
    private var peak = 0
    private var disconnects = 0
    private var openSockets: Set<Int32> = []

    /// A server answering request number `i` (0-based, in arrival order) with `handler(request, i)`.
    public init(handler: @escaping @Sendable (Request, Int) -> Response) throws {
        self.handler = handler
        (listener, port) = try Self.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "StubHTTPServer.accept"
        thread.start()
    }

    /// A server answering the i-th request with `responses[i]` (the last one again when they run out).
    public convenience init(responses: [Response]) throws {
        precondition(!responses.isEmpty, "a stub server needs at least one response")
        try self.init { _, i in responses[min(i, responses.count - 1)] }
    }

    deinit { stop() }

    /// The requests received so far, in arrival order.
    public var requests: [Request] { condition.withLock { recorded } }

    /// How many stalled responses ended because the client closed the connection.
    public var clientDisconnects: Int { condition.withLock { disconnects } }

    /// The most connections that were being answered at the same time.
    public var maxConcurrentConnections: Int { condition.withLock { peak } }

    /// Stops listening, ends pauses and stalls, and closes every open connection.
    public func stop() {
        condition.withLock {
            guard !stopped else { return }
            stopped = true
            condition.broadcast()
            // Under the lock, so no socket is closed (and its number reused) meanwhile; the accept thread closes
            // the listener itself.
            shutdown(listener, Int32(SHUT_RDWR))
            for s in openSockets { shutdown(s, Int32(SHUT_RDWR)) }
        }
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released): connecting to it is refused.
    public static func unusedPort() throws -> Int {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    // MARK: - Sockets

    private struct SocketError: Error, CustomStringConvertible {
        var description: String
    }

    private static func listen() throws -> (Int32, Int) {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc_listen(fd, 64) == 0 else {
            close(fd)
            throw SocketError(description: "bind/listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw SocketError(description: "getsockname: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR, !condition.withLock({ stopped }) { continue }
                return
            }
            let proceed: Bool = condition.withLock {
                guard !stopped else { return false }
                openSockets.insert(fd)
                return true
            }
            guard proceed else { close(fd); return }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            #if !os(Linux)
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            let thread = Thread { [self] in serve(fd) }
            thread.name = "StubHTTPServer.connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            condition.withLock { _ = openSockets.remove(fd) }
            close(fd)
        }
        guard let request = readRequest(fd) else { return }
        let number: Int = condition.withLock {
            recorded.append(request)
            active += 1
            peak = max(peak, active)
            return recorded.count - 1
        }
        defer { condition.withLock { active -= 1 } }
        respond(fd, with: handler(request, number))
    }

    /// Reads one request: head up to the empty line, then `Content-Length` bytes (answering `Expect: 100-continue`).
    private func readRequest(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            if buffer.count > 1 << 20 { return nil }
            headEnd = Self.find(separator, in: buffer)
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[(headEnd! + 4)...])
        let length = Int(headers["content-length"] ?? "") ?? 0
        if headers["expect"]?.lowercased() == "100-continue", body.count < length {
            guard write(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        while body.count < length {
            let n = recv(fd, &chunk, min(chunk.count, length - body.count), 0)
            guard n > 0 else { return nil }
            body.append(contentsOf: chunk[0..<n])
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body,
                       receivedAt: ProcessInfo.processInfo.systemUptime)
    }

    private func respond(_ fd: Int32, with response: Response) {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        switch response.framing {
        case .chunked: head += "Transfer-Encoding: chunked\r\n"
        case .contentLength:
            let total = response.steps.reduce(0) { if case .send(let b) = $1 { return $0 + b.count } else { return $0 } }
            head += "Content-Length: \(total)\r\n"
        case .untilClose: break
        }
        head += "Connection: close\r\n\r\n"
        guard write(fd, Array(head.utf8)) else { return }
        for step in response.steps {
            switch step {
            case .send(let bytes):
                if response.framing == .chunked {
                    guard !bytes.isEmpty else { continue }
                    let framed = Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
                    guard write(fd, framed) else { return }
                } else {
                    guard write(fd, bytes) else { return }
                }
            case .pause(let seconds):
                if wait(seconds) { return }
            case .close:
                return
            case .stall:
                stall(fd)
                return
            }
        }
        if response.framing == .chunked { _ = write(fd, Array("0\r\n\r\n".utf8)) }
        shutdown(fd, Int32(SHUT_WR))
        // Let the client read everything before the socket goes away.
        var sink = [UInt8](repeating: 0, count: 512)
        var drain = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &drain, socklen_t(MemoryLayout<timeval>.size))
        while recv(fd, &sink, sink.count, 0) > 0 {}
    }

    /// Sends nothing until the server stops or the client closes the connection (which is counted).
    private func stall(_ fd: Int32) {
        var sink = [UInt8](repeating: 0, count: 512)
        while !condition.withLock({ stopped }) {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 20)
            guard ready > 0 else { continue }
            let n = recv(fd, &sink, sink.count, Int32(MSG_DONTWAIT))
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                condition.withLock { disconnects += 1 }
                return
            }
        }
    }

    /// Waits up to `seconds`; true when the server stopped meanwhile.
    private func wait(_ seconds: Double) -> Bool {
        let deadline = seconds.isFinite ? Date(timeIntervalSinceNow: seconds) : Date.distantFuture
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if !condition.wait(until: deadline) { return stopped }
        }
        return true
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if os(Linux)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 408: return "Request Timeout"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

/// `listen(2)`, named apart from the server's own `listen()`.
private func Glibc_listen(_ fd: Int32, _ backlog: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.listen(fd, backlog)
    #else
    return Darwin.listen(fd, backlog)
    #endif
}
