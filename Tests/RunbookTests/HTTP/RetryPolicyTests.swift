import Foundation
import HTTPTypes
import Runbook
import Testing

@Suite("HTTP retry policy")
struct HTTPRetryPolicyTests {
    @Test("backoff is factor^(n-1) seconds times the jitter", arguments: [
        (3.0, 1, 0.5, Duration.seconds(1)),
        (3.0, 2, 0.5, .seconds(3)),
        (3.0, 3, 0.5, .seconds(9)),
        (3.0, 5, 0.5, .seconds(81)),
        (2.0, 3, 0.0, .milliseconds(3200)),
        (2.0, 3, 1.0, .milliseconds(4800)),
        (1.0, 4, 0.25, .milliseconds(900)),
    ])
    func backoff(factor: Double, retry: Int, unit: Double, expected: Duration) {
        let policy = RetryPolicy(retry: RetrySettings(maxRetries: 5, backoffFactor: factor), jitter: JitterSettings(),
                                 random: SequenceRandomSource([unit]))
        #expect(policy.delay(forRetry: retry, retryAfter: nil) == expected)
    }

    @Test("Retry-After replaces the backoff exactly, without jitter")
    func retryAfterWins() {
        let policy = RetryPolicy(retry: RetrySettings(), jitter: JitterSettings(), random: SequenceRandomSource([1.0]))
        #expect(policy.delay(forRetry: 4, retryAfter: .seconds(2)) == .seconds(2))
    }

    @Test("Retry-After parses seconds and HTTP dates relative to now", arguments: [
        ("120", Duration?.some(.seconds(120))),
        ("1.5", .milliseconds(1500)),
        ("0", .zero),
        ("Sat, 25 Jan 2025 14:31:15 GMT", .seconds(30)),
        ("Saturday, 25-Jan-25 14:31:00 GMT", .seconds(15)),
        ("Sat, 25 Jan 2025 14:00:00 GMT", .zero),
        ("soon", nil),
        ("", nil),
    ])
    func retryAfter(value: String, expected: Duration?) {
        let now = Date(timeIntervalSince1970: 1_737_815_445)  // 2025-01-25T14:30:45Z
        #expect(RetryPolicy.retryAfter(value, now: now) == expected)
    }

    @Test("only 408, 429, 500, 502, 503 and 504 are retried")
    func retryableStatuses() {
        let policy = RetryPolicy(retry: RetrySettings(), jitter: JitterSettings())
        let retried = (100...599).filter { policy.isRetryable(status: $0) }
        #expect(retried == [408, 429, 500, 502, 503, 504])
    }

    @Test("POST and PATCH need an Idempotency-Key or an opt-in", arguments: [
        (HTTPRequest.Method.get, false, false, true),
        (.put, false, false, true),
        (.delete, false, false, true),
        (.post, false, false, false),
        (.patch, false, false, false),
        (.post, true, false, true),
        (.patch, false, true, true),
    ])
    func idempotency(method: HTTPRequest.Method, key: Bool, optIn: Bool, expected: Bool) {
        let policy = RetryPolicy(retry: RetrySettings(), jitter: JitterSettings())
        var fields = HTTPFields()
        if key { fields[RetryPolicy.idempotencyKey] = "abc-123" }
        #expect(policy.mayRetry(method: method, headerFields: fields, optIn: optIn) == expected)
    }
}
