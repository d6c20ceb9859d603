/// Failures the demo API injects into its resource routes (not into `/_admin/*` or the token
/// endpoint), to show retries, rate limiting and the circuit breaker at work. Set at start
/// (`demo-api --fail-rate 0.1 --slow-ms 200`) or at run time with `POST /_admin/faults` and a
/// JSON body using the keys below.
///
/// | key | type | default |
/// |---|---|---|
/// | `fail-rate` | number 0–1 | 0: share of requests answered with `fail-status` (deterministic sequence) |
/// | `fail-status` | integer | 429 (503 and others work too) |
/// | `retry-after` | integer seconds | 1: sent with every injected failure (0: no header) |
/// | `fail-next` | integer | 0: the next n requests fail, whatever the rate |
/// | `slow-ms` | integer | 0: delay before every answer |
///
/// ```sh
/// curl -X POST localhost:8080/_admin/faults -d '{"fail-next": 20, "fail-status": 503}'
/// ```
public struct DemoFaults: Sendable, Equatable, Codable {
    /// Share of requests that fail (0…1).
    public var failRate: Double
    /// The status of an injected failure.
    public var failStatus: Int
    /// The `Retry-After` seconds sent with an injected failure (0: none).
    public var retryAfter: Int
    /// The next n requests fail.
    public var failNext: Int
    /// Milliseconds to wait before every answer.
    public var slowMilliseconds: Int

    /// No faults.
    public init(failRate: Double = 0, failStatus: Int = 429, retryAfter: Int = 1, failNext: Int = 0, slowMilliseconds: Int = 0) {
        self.failRate = min(max(failRate, 0), 1)
        self.failStatus = failStatus
        self.retryAfter = max(0, retryAfter)
        self.failNext = max(0, failNext)
        self.slowMilliseconds = max(0, slowMilliseconds)
    }

    enum CodingKeys: String, CodingKey {
        case failRate = "fail-rate"
        case failStatus = "fail-status"
        case retryAfter = "retry-after"
        case failNext = "fail-next"
        case slowMilliseconds = "slow-ms"
    }

    /// Decodes the admin body; a missing key keeps its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            failRate: try c.decodeIfPresent(Double.self, forKey: .failRate) ?? 0,
            failStatus: try c.decodeIfPresent(Int.self, forKey: .failStatus) ?? 429,
            retryAfter: try c.decodeIfPresent(Int.self, forKey: .retryAfter) ?? 1,
            failNext: try c.decodeIfPresent(Int.self, forKey: .failNext) ?? 0,
            slowMilliseconds: try c.decodeIfPresent(Int.self, forKey: .slowMilliseconds) ?? 0)
    }
}
