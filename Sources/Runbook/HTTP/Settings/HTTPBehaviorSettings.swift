/// The `script-behavior` section as the HTTP clients read it. Unknown keys (for example
/// `soap-timeout-seconds`, `update-batch-size`) are ignored.
///
/// | key | type | default |
/// |---|---|---|
/// | `api-timeouts` | ``APITimeoutSettings`` | 60 s per attempt, async 300 s / 5 s |
/// | `retry-strategy` | ``RetrySettings`` | 5 retries, factor 3.0 |
/// | `jitter` | ``JitterSettings`` | 0.8 – 1.2 |
/// | `rate-limiting` | ``RateLimitSettings`` | off, 10/s, burst 1 |
/// | `circuit-breaker` | ``CircuitBreakerSettings`` | off, 5 failures, 60 s |
/// | `batch-handling` | ``BatchHandlingSettings`` | read 20 |
/// | `http` | ``HTTPResponseSettings`` | compression on, 100 MiB raw, 256 MiB decoded |
///
/// The defaults are the schema's (`schemas/org-env-config.schema.json`, docs/configuration.md):
/// decoding reads the schema-filled tree, where every key with a default is present, so a missing
/// key is a decoding error, never a silent fallback. `init()` builds the same values in code
/// (`HTTPSettingsDefaultsTests` keeps the two equal).
///
/// ```swift
/// let behavior = try config.decode(HTTPBehaviorSettings.self, "script-behavior")
/// ```
public struct HTTPBehaviorSettings: Decodable, Sendable, Equatable {
    /// `api-timeouts`.
    public var apiTimeouts: APITimeoutSettings
    /// `retry-strategy`.
    public var retryStrategy: RetrySettings
    /// `jitter`.
    public var jitter: JitterSettings
    /// `rate-limiting`.
    public var rateLimiting: RateLimitSettings
    /// `circuit-breaker`.
    public var circuitBreaker: CircuitBreakerSettings
    /// `batch-handling`.
    public var batchHandling: BatchHandlingSettings
    /// `http`.
    public var http: HTTPResponseSettings

    /// Creates settings; every section defaults to the schema's defaults.
    public init(
        apiTimeouts: APITimeoutSettings = .init(),
        retryStrategy: RetrySettings = .init(),
        jitter: JitterSettings = .init(),
        rateLimiting: RateLimitSettings = .init(),
        circuitBreaker: CircuitBreakerSettings = .init(),
        batchHandling: BatchHandlingSettings = .init(),
        http: HTTPResponseSettings = .init()
    ) {
        self.apiTimeouts = apiTimeouts
        self.retryStrategy = retryStrategy
        self.jitter = jitter
        self.rateLimiting = rateLimiting
        self.circuitBreaker = circuitBreaker
        self.batchHandling = batchHandling
        self.http = http
    }

    enum CodingKeys: String, CodingKey {
        case apiTimeouts = "api-timeouts"
        case retryStrategy = "retry-strategy"
        case jitter
        case rateLimiting = "rate-limiting"
        case circuitBreaker = "circuit-breaker"
        case batchHandling = "batch-handling"
        case http
    }
}
