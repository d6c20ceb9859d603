public import Foundation
public import HTTPTypes

/// Decides whether and when an attempt is retried. There is exactly one retry layer in
/// Runbook: this policy, run by one loop, which ``RestClient`` applies per call and
/// ``withRetry(policy:clock:deadline:operation:logger:instrumentation:isolation:isRetryable:onRetry:_:)``
/// applies to non-HTTP work.
///
/// - Retried: statuses 408, 429, 500, 502, 503, 504 and transport errors / timeouts.
/// - `max-retries: 0` means one attempt; `n` means at most `n + 1` attempts.
/// - POST and PATCH are not retried unless the request carries `Idempotency-Key` or the caller
///   opts in (``RestRequest/retryNonIdempotent``), except after a 429: the server refused them
///   without acting on them.
/// - Delay before retry `n` (1-based) = `backoff-factor^(n-1)` seconds × uniform(min, max)
///   jitter: 1, 3, 9, 27, 81 s at the default factor 3.0 (times 0.8–1.2). A `Retry-After`
///   (seconds or HTTP date relative to the clock's now) replaces the computed delay exactly,
///   without jitter, because the service said when to come back.
///
/// ```swift
/// let policy = RetryPolicy(retry: behavior.retryStrategy, jitter: behavior.jitter)
/// let wait = policy.delay(forRetry: 2, retryAfter: nil)   // ≈ 3 s
/// ```
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// Base of the exponential backoff.
    public var backoffFactor: Double
    /// Jitter multipliers.
    public var jitter: JitterSettings
    /// The randomness behind the jitter.
    public var random: any RandomSource

    /// The statuses that are retried.
    public static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Creates a policy from the `retry-strategy` and `jitter` settings.
    public init(retry: RetrySettings, jitter: JitterSettings, random: any RandomSource = SystemRandomSource()) {
        maxRetries = min(max(retry.maxRetries, 0), 10)
        backoffFactor = max(retry.backoffFactor, 1)
        self.jitter = jitter
        self.random = random
    }

    /// Whether a status is worth retrying.
    public func isRetryable(status: Int) -> Bool {
        Self.retryableStatuses.contains(status)
    }

    /// Whether an answer with `status` is retried, for a request whose method and headers
    /// `mayRetry(method:headerFields:optIn:)` judged (`request`). A 429 is retried for every
    /// method: the server refused the request without acting on it, so sending it again cannot
    /// apply a `POST` or `PATCH` twice.
    public func mayRetry(status: Int, request mayRetryRequest: Bool) -> Bool {
        isRetryable(status: status) && (mayRetryRequest || status == 429)
    }

    /// Whether a request may be sent again at all.
    public func mayRetry(method: HTTPRequest.Method, headerFields: HTTPFields, optIn: Bool) -> Bool {
        if optIn { return true }
        switch method {
        case .post, .patch: return headerFields[Self.idempotencyKey] != nil
        default: return true
        }
    }

    /// The wait before retry `retry` (1-based): `Retry-After` when given, else jittered backoff.
    public func delay(forRetry retry: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return max(retryAfter, .zero) }
        let base = pow(backoffFactor, Double(max(retry, 1) - 1))
        let low = min(jitter.minFactor, jitter.maxFactor)
        let high = max(jitter.minFactor, jitter.maxFactor)
        let factor = low + (high - low) * random.unitValue()
        return .milliseconds(Int64((base * factor * 1000).rounded()))
    }

    /// The `Idempotency-Key` header name.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    /// Parses `Retry-After`: delta seconds (`120`, `1.5`) or an HTTP date, relative to `now`.
    /// A date in the past gives zero; garbage gives nil (the backoff applies).
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return .milliseconds(Int64((max(seconds, 0) * 1000).rounded()))
        }
        guard let date = HTTPDate.parse(text) else { return nil }
        let seconds = max(date.timeIntervalSince(now), 0)
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate, plus the obsolete RFC 850 and asctime forms).
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
