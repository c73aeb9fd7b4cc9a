import Dispatch
import Foundation
import Inference
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request whose response arrives as a stream of parts while it is being received: a URLSession data
/// task with a delegate (`URLSession.bytes` does not exist on Linux), with its own timers.
///
/// Timeouts: from `start` until the first body byte, `firstByteTimeout` (connecting, the request, the response head
/// and prompt processing all count); after that, `idleTimeout` between two chunks. URLSession's own timeouts are set
/// far beyond these so that only these apply. Terminating the stream (the consumer stops iterating or its task is
/// cancelled) cancels the data task.
final class HTTPStreamingTask: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// What arrives, in order: one `head`, then any number of `body` chunks.
    enum Part: Sendable {
        /// The status and headers (names lower-cased).
        case head(status: Int, headers: [String: String])
        /// Body bytes as they arrived.
        case body(Data)
    }

    /// Why the exchange failed (mapped to `ServingError` by the caller, who knows the endpoint).
    enum Failure: Error, Sendable, Equatable {
        /// Nothing arrived within the limit.
        case timeout(seconds: Double, afterFirstByte: Bool)
        /// The connection could not be made or broke.
        case transport(String)
    }

    /// Starts `request`; its parts arrive on `parts`. Call `cancel()` when done with it (a no-op once it finished).
    static func start(_ request: URLRequest, firstByteTimeout: Double,
                      idleTimeout: Double) -> (parts: AsyncThrowingStream<Part, any Error>, task: HTTPStreamingTask) {
        let (stream, continuation) = AsyncThrowingStream<Part, any Error>.makeStream(bufferingPolicy: .unbounded)
        let task = HTTPStreamingTask(continuation: continuation, firstByteTimeout: firstByteTimeout,
                                     idleTimeout: idleTimeout)
        continuation.onTermination = { [weak task] _ in task?.cancel() }
        task.resume(request)
        return (stream, task)
    }

    private struct State {
        var finished = false
        var receivedBody = false
        var deadline: Double = 0
        var session: URLSession?
        var dataTask: URLSessionDataTask?
        var timer: DispatchSourceTimer?
    }

    private let continuation: AsyncThrowingStream<Part, any Error>.Continuation
    private let firstByteTimeout: Double
    private let idleTimeout: Double
    private let lock = NSLock()
    private var state = State()
    private let timerQueue = DispatchQueue(label: "ddx.serving.http-timer")

    private init(continuation: AsyncThrowingStream<Part, any Error>.Continuation, firstByteTimeout: Double,
                 idleTimeout: Double) {
        self.continuation = continuation
        self.firstByteTimeout = firstByteTimeout
        self.idleTimeout = idleTimeout
    }

    private func resume(_ request: URLRequest) {
        let configuration = URLSessionConfiguration.ephemeral
        // Far beyond ddx's own timers: URLSession on Linux does not reset its timer when data arrives.
        let generous = 7 * 24 * 3600.0
        configuration.timeoutIntervalForRequest = generous
        configuration.timeoutIntervalForResource = generous
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        queue.name = "ddx.serving.http"
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        var request = request
        request.timeoutInterval = generous
        let dataTask = session.dataTask(with: request)
        let timer = DispatchSource.makeTimerSource(queue: timerQueue)
        let proceed: Bool = lock.withLock {
            guard !state.finished else { return false }
            state.session = session
            state.dataTask = dataTask
            state.deadline = MonotonicClock.seconds() + firstByteTimeout
            state.timer = timer
            return true
        }
        guard proceed else {
            session.invalidateAndCancel()
            return
        }
        timer.setEventHandler { [weak self] in self?.checkDeadline() }
        timer.schedule(deadline: .now() + firstByteTimeout)
        timer.resume()
        dataTask.resume()
    }

    /// Fires when the deadline may have passed; moves on if data arrived since it was set.
    private func checkDeadline() {
        let now = MonotonicClock.seconds()
        let (expired, remaining, afterFirstByte): (Bool, Double, Bool) = lock.withLock {
            guard !state.finished else { return (false, 0, false) }
            return (now >= state.deadline, state.deadline - now, state.receivedBody)
        }
        if expired {
            finish(throwing: Failure.timeout(seconds: afterFirstByte ? idleTimeout : firstByteTimeout,
                                             afterFirstByte: afterFirstByte))
        } else if remaining > 0 {
            lock.withLock { state.timer }?.schedule(deadline: .now() + remaining)
        }
    }

    /// Ends the stream once (with `error`, or normally when nil) and tears the request down.
    private func finish(throwing error: (any Error)?) {
        let torn: State? = lock.withLock {
            guard !state.finished else { return nil }
            state.finished = true
            let old = state
            state.session = nil
            state.dataTask = nil
            state.timer = nil
            return old
        }
        guard let torn else { return }
        torn.timer?.cancel()
        torn.dataTask?.cancel()
        torn.session?.invalidateAndCancel()
        if let error { continuation.finish(throwing: error) } else { continuation.finish() }
    }

    /// Stops the request (the stream ends with `CancellationError` unless it already ended).
    func cancel() { finish(throwing: CancellationError()) }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            headers[String(describing: key).lowercased()] = String(describing: value)
        }
        let live = lock.withLock { !state.finished }
        if live { continuation.yield(.head(status: http?.statusCode ?? 0, headers: headers)) }
        completionHandler(live ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let (live, earlierTimer): (Bool, DispatchSourceTimer?) = lock.withLock {
            guard !state.finished else { return (false, nil) }
            let first = !state.receivedBody
            state.receivedBody = true
            state.deadline = MonotonicClock.seconds() + idleTimeout
            // The timer was set for the first-byte limit; when the idle limit is shorter it must fire sooner.
            return (true, first && idleTimeout < firstByteTimeout ? state.timer : nil)
        }
        earlierTimer?.schedule(deadline: .now() + idleTimeout)
        if live { continuation.yield(.body(data)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let error else { return finish(throwing: nil) }
        finish(throwing: Self.failure(for: error, url: task.originalRequest?.url))
    }

    /// A one-line description of a URLSession error.
    static func failure(for error: any Error, url: URL?) -> Failure {
        let place = url.map { u in u.host.map { h in u.port.map { "\(h):\($0)" } ?? h } ?? "the server" } ?? "the server"
        guard let e = error as? URLError else { return .transport("network error: \(error.localizedDescription)") }
        switch e.code {
        case .timedOut: return .timeout(seconds: 0, afterFirstByte: false)
        case .cannotConnectToHost: return .transport("could not connect to \(place) (connection refused or host down)")
        case .cannotFindHost, .dnsLookupFailed: return .transport("unknown host \(url?.host ?? "")")
        case .networkConnectionLost: return .transport("the connection to \(place) was lost")
        case .notConnectedToInternet: return .transport("no network connection")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .transport("TLS connection to \(place) failed (URLError \(e.code.rawValue))")
        case .badServerResponse, .cannotParseResponse: return .transport("\(place) sent an invalid HTTP response")
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return .transport("too many or bad redirects")
        case .unsupportedURL: return .transport("unsupported URL")
        default: return .transport("network error talking to \(place) (URLError \(e.code.rawValue))")
        }
    }
}
