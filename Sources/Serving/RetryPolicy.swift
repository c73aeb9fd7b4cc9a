import Foundation

/// Which failures are worth repeating and how long to wait first: exponential backoff with jitter, or the
/// server's `Retry-After`, both capped.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// The first backoff, in seconds, before jitter.
    public var base: Double
    /// The longest wait, in seconds.
    public var cap: Double

    /// A policy with `maxRetries` retries, backoff starting at `base` seconds and never above `cap`.
    public init(maxRetries: Int, base: Double, cap: Double) {
        self.maxRetries = maxRetries
        self.base = base
        self.cap = cap
    }

    /// Statuses that say "try again": 408 Request Timeout, 409 Conflict, 425 Too Early, 429 Too Many Requests and
    /// every 5xx. Never 400, 401, 403, 404 or other 4xx.
    public static func isRetryable(status: Int) -> Bool {
        [408, 409, 425, 429].contains(status) || (500...599).contains(status)
    }

    /// The wait before retry number `retry` (0 for the first): `base · 2^retry` scaled by a random factor in
    /// [0.5, 1], or `retryAfter` when the server sent one; never above `cap`.
    public func delay(beforeRetry retry: Int, retryAfter: Double? = nil) -> Double {
        if let retryAfter { return min(max(0, retryAfter), cap) }
        let exponential = base * pow(2, Double(min(retry, 30)))
        return min(exponential * Double.random(in: 0.5...1), cap)
    }

    /// Seconds from a `Retry-After` header: a number of seconds, or an HTTP date (seconds from `now`).
    public static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
