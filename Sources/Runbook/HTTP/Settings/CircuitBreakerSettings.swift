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
}
