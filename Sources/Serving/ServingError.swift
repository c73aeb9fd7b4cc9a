/// A remote generation that failed, as one line naming the endpoint.
public enum ServingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The endpoint URL cannot be used.
    case badEndpoint(String)
    /// The server answered with an HTTP error status (after retries, for retryable ones).
    case http(endpoint: String, status: Int, message: String)
    /// No answer within the timeout (after retries).
    case timeout(endpoint: String, seconds: Double)
    /// The connection failed (refused, reset, DNS) after retries.
    case transport(endpoint: String, message: String)
    /// The response could not be decoded (malformed JSON or server-sent events), or the stream ended early.
    case malformedResponse(endpoint: String, message: String)
    /// The server reported an error inside a successful (HTTP 2xx) response, e.g. an `error` event mid-stream.
    case server(endpoint: String, message: String)

    /// One line: the endpoint, then what went wrong.
    public var description: String {
        switch self {
        case .badEndpoint(let s): return "bad endpoint: \(s)"
        case .http(let e, let status, let message): return "\(e): HTTP \(status)\(message.isEmpty ? "" : ": \(message)")"
        case .timeout(let e, let s): return "\(e): no response within \(Self.seconds(s)) s"
        case .transport(let e, let message): return "\(e): \(message)"
        case .malformedResponse(let e, let message): return "\(e): malformed response: \(message)"
        case .server(let e, let message): return "\(e): server error: \(message)"
        }
    }

    /// `2`, `0.5`: whole seconds without a fraction.
    private static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : String(s)
    }
}
