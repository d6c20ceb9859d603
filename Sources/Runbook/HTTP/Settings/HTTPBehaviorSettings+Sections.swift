/// `script-behavior.api-timeouts`.
///
/// | key | type | default |
/// |---|---|---|
/// | `rest-timeout-seconds` | integer ≥ 1 | 60 (per attempt) |
/// | `async-max-wait` | integer ≥ 1 | 300 (202 polling budget) |
/// | `async-poll-interval` | integer ≥ 1 | 5 (when no `Retry-After`) |
public struct APITimeoutSettings: Decodable, Sendable, Equatable {
    /// Seconds one attempt may take (connect + response).
    public var restTimeoutSeconds: Int
    /// Seconds a `202 Accepted` operation may be polled.
    public var asyncMaxWait: Int
    /// Seconds between polls when the service sends no `Retry-After`.
    public var asyncPollInterval: Int

    /// Creates the section.
    public init(restTimeoutSeconds: Int = 60, asyncMaxWait: Int = 300, asyncPollInterval: Int = 5) {
        self.restTimeoutSeconds = restTimeoutSeconds
        self.asyncMaxWait = asyncMaxWait
        self.asyncPollInterval = asyncPollInterval
    }

    enum CodingKeys: String, CodingKey {
        case restTimeoutSeconds = "rest-timeout-seconds"
        case asyncMaxWait = "async-max-wait"
        case asyncPollInterval = "async-poll-interval"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            restTimeoutSeconds: try c.decodeIfPresent(Int.self, forKey: .restTimeoutSeconds) ?? 60,
            asyncMaxWait: try c.decodeIfPresent(Int.self, forKey: .asyncMaxWait) ?? 300,
            asyncPollInterval: try c.decodeIfPresent(Int.self, forKey: .asyncPollInterval) ?? 5)
    }
}

/// `script-behavior.retry-strategy`.
///
/// | key | type | default |
/// |---|---|---|
/// | `max-retries` | integer 0–10 | 5 (0 = one attempt, no retry) |
/// | `backoff-factor` | number 1–10 | 3.0 (retry n waits factor^(n-1) s) |
public struct RetrySettings: Decodable, Sendable, Equatable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// Base of the exponential backoff.
    public var backoffFactor: Double

    /// Creates the section.
    public init(maxRetries: Int = 5, backoffFactor: Double = 3.0) {
        self.maxRetries = maxRetries
        self.backoffFactor = backoffFactor
    }

    enum CodingKeys: String, CodingKey {
        case maxRetries = "max-retries"
        case backoffFactor = "backoff-factor"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            maxRetries: try c.decodeIfPresent(Int.self, forKey: .maxRetries) ?? 5,
            backoffFactor: try c.decodeIfPresent(Double.self, forKey: .backoffFactor) ?? 3.0)
    }
}

/// `script-behavior.jitter`: every backoff delay is multiplied by uniform(min, max).
///
/// | key | type | default |
/// |---|---|---|
/// | `min-factor` | number | 0.8 |
/// | `max-factor` | number | 1.2 |
public struct JitterSettings: Decodable, Sendable, Equatable {
    /// Lowest multiplier.
    public var minFactor: Double
    /// Highest multiplier.
    public var maxFactor: Double

    /// Creates the section.
    public init(minFactor: Double = 0.8, maxFactor: Double = 1.2) {
        self.minFactor = minFactor
        self.maxFactor = maxFactor
    }

    enum CodingKeys: String, CodingKey {
        case minFactor = "min-factor"
        case maxFactor = "max-factor"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            minFactor: try c.decodeIfPresent(Double.self, forKey: .minFactor) ?? 0.8,
            maxFactor: try c.decodeIfPresent(Double.self, forKey: .maxFactor) ?? 1.2)
    }
}

/// `script-behavior.rate-limiting`: one token bucket per host per run.
///
/// | key | type | default |
/// |---|---|---|
/// | `enabled` | boolean | false |
/// | `calls-per-second` | number 0.1–1000 | 10 |
/// | `burst-size` | integer 1–100 | 1 |
public struct RateLimitSettings: Decodable, Sendable, Equatable {
    /// Whether requests are limited.
    public var enabled: Bool
    /// Sustained rate.
    public var callsPerSecond: Double
    /// Requests that may go at once after a quiet period.
    public var burstSize: Int

    /// Creates the section.
    public init(enabled: Bool = false, callsPerSecond: Double = 10, burstSize: Int = 1) {
        self.enabled = enabled
        self.callsPerSecond = callsPerSecond
        self.burstSize = burstSize
    }

    enum CodingKeys: String, CodingKey {
        case enabled
        case callsPerSecond = "calls-per-second"
        case burstSize = "burst-size"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            enabled: try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? false,
            callsPerSecond: try c.decodeIfPresent(Double.self, forKey: .callsPerSecond) ?? 10,
            burstSize: try c.decodeIfPresent(Int.self, forKey: .burstSize) ?? 1)
    }
}

/// `script-behavior.circuit-breaker`: one breaker per host per run.
///
/// | key | type | default |
/// |---|---|---|
/// | `enabled` | boolean | false |
/// | `failure-threshold` | integer 1–100 | 5 consecutive failures open it |
/// | `timeout-seconds` | integer 1–600 | 60 s open before one probe |
public struct CircuitBreakerSettings: Decodable, Sendable, Equatable {
    /// Whether the breaker is used.
    public var enabled: Bool
    /// Consecutive failures (transport errors, timeouts, 5xx) that open it.
    public var failureThreshold: Int
    /// Seconds it stays open before letting one probe through.
    public var timeoutSeconds: Int

    /// Creates the section.
    public init(enabled: Bool = false, failureThreshold: Int = 5, timeoutSeconds: Int = 60) {
        self.enabled = enabled
        self.failureThreshold = failureThreshold
        self.timeoutSeconds = timeoutSeconds
    }

    enum CodingKeys: String, CodingKey {
        case enabled
        case failureThreshold = "failure-threshold"
        case timeoutSeconds = "timeout-seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            enabled: try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? false,
            failureThreshold: try c.decodeIfPresent(Int.self, forKey: .failureThreshold) ?? 5,
            timeoutSeconds: try c.decodeIfPresent(Int.self, forKey: .timeoutSeconds) ?? 60)
    }
}

/// `script-behavior.batch-handling` (the part the HTTP clients read).
///
/// | key | type | default |
/// |---|---|---|
/// | `read-batch-size` | integer 1–1000 | 20 (`$top` page size, capped at 1000) |
public struct BatchHandlingSettings: Decodable, Sendable, Equatable {
    /// Page size for `$top/$skip` paging.
    public var readBatchSize: Int

    /// Creates the section.
    public init(readBatchSize: Int = 20) {
        self.readBatchSize = readBatchSize
    }

    enum CodingKeys: String, CodingKey {
        case readBatchSize = "read-batch-size"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(readBatchSize: try c.decodeIfPresent(Int.self, forKey: .readBatchSize) ?? 20)
    }
}
