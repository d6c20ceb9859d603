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
}
