import Foundation
import Serving
import Testing

@Suite struct RetryPolicyTests {
    @Test func retryableStatuses() {
        for s in [408, 409, 425, 429, 500, 502, 503, 504, 599] { #expect(RetryPolicy.isRetryable(status: s), "\(s)") }
        for s in [200, 400, 401, 403, 404, 410, 422] { #expect(!RetryPolicy.isRetryable(status: s), "\(s)") }
    }

    @Test func backoffDoublesWithJitterAndIsCapped() {
        let policy = RetryPolicy(maxRetries: 5, base: 0.5, cap: 3)
        for _ in 0..<50 {
            let d0 = policy.delay(beforeRetry: 0), d2 = policy.delay(beforeRetry: 2)
            #expect(d0 >= 0.25 && d0 <= 0.5)
            #expect(d2 >= 1 && d2 <= 2)
            #expect(policy.delay(beforeRetry: 10) <= 3)
        }
        #expect(policy.delay(beforeRetry: 0, retryAfter: 2) == 2)
        #expect(policy.delay(beforeRetry: 0, retryAfter: 120) == 3)
    }

    @Test func retryAfterSecondsOrDate() {
        #expect(RetryPolicy.retryAfterSeconds("7") == 7)
        #expect(RetryPolicy.retryAfterSeconds(" 1.5 ") == 1.5)
        #expect(RetryPolicy.retryAfterSeconds(nil) == nil)
        #expect(RetryPolicy.retryAfterSeconds("soon") == nil)
        #expect(RetryPolicy.retryAfterSeconds("-3") == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)   // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryPolicy.retryAfterSeconds("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
    }
}
