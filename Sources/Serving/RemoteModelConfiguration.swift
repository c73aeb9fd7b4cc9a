import Foundation

/// Where an OpenAI-compatible server is and how patiently to talk to it: a plain value that makes an
/// `OpenAICompatibleModel`.
///
/// ```swift
/// let configuration = try RemoteModelConfiguration(endpoint: "http://127.0.0.1:8000/v1", model: "medreason-8b",
///                                                  apiKey: ProcessInfo.processInfo.environment["DDX_API_KEY"])
/// let model = OpenAICompatibleModel(configuration: configuration)
/// ```
///
/// The endpoint may be a server root (`http://host:8000`, which gets `/v1`), an API base (`http://host:8000/v1`,
/// `https://host/api/v1`) or a full `…/chat/completions` or `…/completions` URL; chat requests go to
/// `base/chat/completions`, raw prompts to `base/completions`.
public struct RemoteModelConfiguration: Sendable, Equatable {
    /// The API base every request path is appended to, e.g. `http://127.0.0.1:8000/v1`.
    public let baseURL: URL
    /// The model name the server knows (`model` in every request).
    public var model: String
    /// Sent as `Authorization: Bearer <key>` when set; never printed.
    public var apiKey: String?
    /// Seconds allowed from sending a request to the first byte of the response body (connecting included).
    public var requestTimeout: Double
    /// Seconds allowed between two chunks of a streamed response.
    public var idleTimeout: Double
    /// How many times a failed request is repeated (0 = try once). Only failures before any text was emitted are
    /// retried: connection failures, timeouts and HTTP 408, 409, 425, 429 and 5xx.
    public var maxRetries: Int
    /// The first retry waits about this many seconds; each further one twice as long, with random jitter.
    public var backoffBase: Double
    /// The longest wait before a retry, whether from backoff or from the server's `Retry-After`.
    public var maxBackoff: Double
    /// Whether to send the sampling parameters OpenAI itself does not know (`top_k`, `min_p`,
    /// `repetition_penalty`/`repeat_penalty`) that vLLM, llama.cpp server and others accept.
    public var sendsSamplingExtensions: Bool
    /// Further headers sent with every request (e.g. an organisation or routing header).
    public var extraHeaders: [String: String]

    /// Checks and normalises `endpoint`; throws `ServingError.badEndpoint` with a one-line reason.
    public init(endpoint: String, model: String, apiKey: String? = nil, requestTimeout: Double = 120,
                idleTimeout: Double = 60, maxRetries: Int = 3, backoffBase: Double = 0.5, maxBackoff: Double = 30,
                sendsSamplingExtensions: Bool = true, extraHeaders: [String: String] = [:]) throws {
        self.baseURL = try Self.baseURL(for: endpoint)
        let trimmedModel = model.trimmingCharacters(in: .whitespaces)
        guard !trimmedModel.isEmpty else { throw ServingError.badEndpoint("no model name given for \(endpoint)") }
        guard requestTimeout > 0, requestTimeout.isFinite, idleTimeout > 0, idleTimeout.isFinite else {
            throw ServingError.badEndpoint("timeouts must be positive numbers of seconds")
        }
        guard maxRetries >= 0 else { throw ServingError.badEndpoint("retries must be ≥ 0 (got \(maxRetries))") }
        self.model = model
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxRetries = maxRetries
        self.backoffBase = max(0, backoffBase)
        self.maxBackoff = max(0, maxBackoff)
        self.sendsSamplingExtensions = sendsSamplingExtensions
        self.extraHeaders = extraHeaders
    }

    /// The retry rules these settings describe.
    public var retryPolicy: RetryPolicy { RetryPolicy(maxRetries: maxRetries, base: backoffBase, cap: maxBackoff) }

    /// `base/chat/completions`.
    public var chatCompletionsURL: URL { url(appending: "/chat/completions") }
    /// `base/completions` (raw prompts).
    public var completionsURL: URL { url(appending: "/completions") }

    /// The endpoint for display and in errors: scheme, host, port and path of the base (never credentials).
    public var endpointDescription: String { Self.display(baseURL) }

    private func url(appending suffix: String) -> URL {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        components.path += suffix
        return components.url!
    }

    /// A URL as shown in messages: without user and password.
    static func display(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? url.absoluteString
    }

    /// The API base for `endpoint`: http or https with a host; a trailing `/chat/completions` or `/completions` is
    /// removed, an empty path becomes `/v1`.
    static func baseURL(for endpoint: String) throws -> URL {
        let text = endpoint.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ServingError.badEndpoint("empty URL") }
        guard text.contains("://") else {
            throw ServingError.badEndpoint("\(text): the URL must start with http:// or https:// (e.g. http://127.0.0.1:8000/v1)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw ServingError.badEndpoint("\(text) is not a URL (expected e.g. http://127.0.0.1:8000/v1)")
        }
        guard scheme == "http" || scheme == "https" else {
            throw ServingError.badEndpoint("\(text): only http and https are supported")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ServingError.badEndpoint("\(text) has no host (expected e.g. http://127.0.0.1:8000/v1)")
        }
        guard components.fragment == nil else { throw ServingError.badEndpoint("\(text): a URL fragment (#…) is not allowed") }
        var normalized = components
        normalized.scheme = scheme
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        for suffix in ["/chat/completions", "/completions"] where path.hasSuffix(suffix) {
            path.removeLast(suffix.count)
            break
        }
        while path.hasSuffix("/") { path.removeLast() }
        normalized.path = path.isEmpty ? "/v1" : path
        guard let url = normalized.url else { throw ServingError.badEndpoint("\(text) is not a valid URL") }
        return url
    }
}
