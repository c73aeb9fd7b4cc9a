import Foundation

/// A small W3C WebDriver client for browser tests: starts `chromedriver` on a free 127.0.0.1 port, opens a headless
/// Chromium session and sends commands over HTTP (https://www.w3.org/TR/webdriver2/). Synchronous, one request at a
/// time, with every wait bounded; `close()` ends the session and the driver process.
///
/// ```swift
/// let session = try WebDriverSession.start(windowWidth: 1400, windowHeight: 900, profile: scratch)
/// defer { session.close() }
/// try session.navigate(to: URL(fileURLWithPath: "/tmp/report.html"))
/// let png = try session.screenshot()
/// ```
public final class WebDriverSession {
    /// A failed command or an unusable browser, with the driver's message.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The W3C key of an element reference in JSON.
    public static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    public static let defaultChromium = "/usr/bin/chromium"
    public static let defaultChromedriver = "/usr/bin/chromedriver"

    /// Whether both programs are installed (browser tests skip otherwise).
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: defaultChromium)
            && FileManager.default.isExecutableFile(atPath: defaultChromedriver)
    }

    public let baseURL: URL
    public let sessionID: String
    private let driver: Process
    private let timeout: TimeInterval

    private init(baseURL: URL, sessionID: String, driver: Process, timeout: TimeInterval) {
        self.baseURL = baseURL
        self.sessionID = sessionID
        self.driver = driver
        self.timeout = timeout
    }

    /// Starts chromedriver and a headless Chromium (`--no-sandbox --disable-gpu`, window `windowWidth`×`windowHeight`,
    /// its profile in `profile`).
    public static func start(chromium: String = defaultChromium, chromedriver: String = defaultChromedriver,
                             windowWidth: Int, windowHeight: Int, profile: URL, timeout: TimeInterval = 60) throws -> WebDriverSession {
        let port = try freePort()
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)", "--log-path=\(profile.appendingPathComponent("chromedriver.log").path)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let base = URL(string: "http://127.0.0.1:\(port)")!
        do {
            let deadline = Date().addingTimeInterval(20)
            while true {
                if let status = try? request("GET", base.appendingPathComponent("status"), body: nil, timeout: 2),
                   (status["value"] as? [String: Any])?["ready"] as? Bool == true { break }
                guard Date() < deadline, driver.isRunning else { throw Failure("chromedriver did not become ready on port \(port)") }
                Thread.sleep(forTimeInterval: 0.1)
            }
            let args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=\(windowWidth),\(windowHeight)", "--hide-scrollbars", "--force-device-scale-factor=1",
                        "--user-data-dir=\(profile.appendingPathComponent("chromium-profile").path)"]
            let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
                "browserName": "chrome",
                "goog:chromeOptions": ["binary": chromium, "args": args],
            ]]]
            let reply = try request("POST", base.appendingPathComponent("session"), body: capabilities, timeout: timeout)
            guard let value = reply["value"] as? [String: Any], let id = value["sessionId"] as? String else {
                throw Failure("no session: \(reply)")
            }
            let session = WebDriverSession(baseURL: base, sessionID: id, driver: driver, timeout: timeout)
            try session.setWindowSize(width: windowWidth, height: windowHeight)
            return session
        } catch {
            stop(driver)
            throw error
        }
    }

    /// Ends the session and stops chromedriver.
    public func close() {
        _ = try? command("DELETE", "", body: nil)
        Self.stop(driver)
    }

    // MARK: Commands

    public func setWindowSize(width: Int, height: Int) throws {
        _ = try command("POST", "/window/rect", body: ["width": width, "height": height])
    }

    public func navigate(to url: URL) throws {
        _ = try command("POST", "/url", body: ["url": url.absoluteString])
    }

    /// A PNG of the viewport.
    public func screenshot() throws -> Data {
        guard let text = try command("GET", "/screenshot", body: nil) as? String, let data = Data(base64Encoded: text) else {
            throw Failure("screenshot: no base64 PNG")
        }
        return data
    }

    /// The first element matching a CSS selector.
    public func findElement(css selector: String) throws -> String {
        let value = try command("POST", "/element", body: ["using": "css selector", "value": selector])
        guard let element = (value as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure("no element for \(selector)")
        }
        return element
    }

    public func isDisplayed(_ element: String) throws -> Bool {
        try command("GET", "/element/\(element)/displayed", body: nil) as? Bool ?? false
    }

    /// The element's rectangle in CSS pixels, relative to the document.
    public func rect(_ element: String) throws -> (x: Double, y: Double, width: Double, height: Double) {
        guard let r = try command("GET", "/element/\(element)/rect", body: nil) as? [String: Any] else {
            throw Failure("no rect")
        }
        func d(_ key: String) -> Double { (r[key] as? NSNumber)?.doubleValue ?? .nan }
        return (d("x"), d("y"), d("width"), d("height"))
    }

    public func click(_ element: String) throws {
        _ = try command("POST", "/element/\(element)/click", body: [String: Any]())
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page and returns its JSON result.
    public func execute(_ script: String, args: [Any] = []) throws -> Any? {
        try command("POST", "/execute/sync", body: ["script": script, "args": args])
    }

    /// Runs `script` whose last argument is a callback to call with the result.
    public func executeAsync(_ script: String, args: [Any] = []) throws -> Any? {
        try command("POST", "/execute/async", body: ["script": script, "args": args])
    }

    /// Sends one command of this session and returns its `value`; a WebDriver error becomes a `Failure`.
    public func command(_ method: String, _ path: String, body: Any?) throws -> Any? {
        let url = URL(string: baseURL.absoluteString + "/session/" + sessionID + path)!
        let reply = try Self.request(method, url, body: body, timeout: timeout)
        if let value = reply["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure("\(method) \(path): \(error): \(value["message"] as? String ?? "")")
        }
        return reply["value"].flatMap { $0 is NSNull ? nil : $0 }
    }

    // MARK: Plumbing

    /// One HTTP/1.1 exchange with the driver, returning the JSON object it answered.
    ///
    /// A small client over a POSIX socket rather than `URLSession`: on Linux, FoundationNetworking rejects
    /// chromedriver's replies ("Failed writing header") because its header lines have no space after the colon
    /// (`Content-Length:249`). Requests are sent with `Connection: close`; the reply is read up to its
    /// `Content-Length` (or the end of the stream), each read bounded by `timeout`.
    static func request(_ method: String, _ url: URL, body: Any?, timeout: TimeInterval) throws -> [String: Any] {
        guard let port = url.port, url.host == "127.0.0.1" else { throw Failure("only http://127.0.0.1:PORT is supported") }
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) \(url.path.isEmpty ? "/" : url.path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        head += "Accept: application/json\r\nConnection: close\r\n"
        if body != nil { head += "Content-Type: application/json; charset=utf-8\r\n" }
        head += "Content-Length: \(payload.count)\r\n\r\n"
        let reply = try exchange(port: port, request: Array(head.utf8) + [UInt8](payload), timeout: timeout)
        guard let split = find([13, 10, 13, 10], in: reply) else { throw Failure("\(method) \(url.path): no HTTP reply") }
        let bodyBytes = Array(reply[(split + 4)...])
        guard let object = try? JSONSerialization.jsonObject(with: Data(bodyBytes)) as? [String: Any] else {
            throw Failure("\(method) \(url.path): not a JSON object: \(String(decoding: bodyBytes.prefix(200), as: UTF8.self))")
        }
        return object
    }

    /// Sends `request` to 127.0.0.1:`port` and reads the whole reply (headers and a `Content-Length` body).
    private static func exchange(port: Int, request: [UInt8], timeout: TimeInterval) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket() failed") }
        defer { closeDescriptor(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure("connect to port \(port) failed (errno \(errno))") }
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure("send failed (errno \(errno))") }
            sent += n
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            guard n > 0 else { throw Failure("no reply within \(timeout) s (errno \(errno))") }
            reply += buffer[0..<n]
            if let split = find([13, 10, 13, 10], in: reply), let length = contentLength(reply[..<split]),
               reply.count >= split + 4 + length { break }
        }
        return reply
    }

    /// The `Content-Length` of a header block (any case, with or without a space after the colon).
    private static func contentLength(_ head: ArraySlice<UInt8>) -> Int? {
        for line in String(decoding: head, as: UTF8.self).split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// Stops chromedriver with SIGKILL (it may not react to SIGTERM when started from a test process) and waits a
    /// bounded time for it to go.
    static func stop(_ driver: Process) {
        guard driver.isRunning else { return }
        kill(driver.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(10)
        while driver.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// A TCP port on 127.0.0.1 nobody listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket() failed") }
        defer { closeDescriptor(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// `close(2)` (the session's own `close()` hides the C function inside the class).
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
