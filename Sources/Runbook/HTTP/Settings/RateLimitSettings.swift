/// `script-behavior.rate-limiting`: one token bucket per host, per run unless `scope` shares it.
///
/// | key | type | default |
/// |---|---|---|
/// | `enabled` | boolean | false |
/// | `calls-per-second` | number 0.1–1000 | 10 |
/// | `burst-size` | integer 1–100 | 1 |
/// | `scope` | `run`, `fleet` or `host` (``RateLimitScope``) | `run` |
public struct RateLimitSettings: Decodable, Sendable, Equatable {
    /// Whether requests are limited.
    public var enabled: Bool
    /// Sustained rate.
    public var callsPerSecond: Double
    /// Requests that may go at once after a quiet period.
    public var burstSize: Int
    /// Who shares a host's bucket: the run, the fleet's targets, or every run on this machine.
    public var scope: RateLimitScope

    /// Creates the section.
    public init(enabled: Bool = false, callsPerSecond: Double = 10, burstSize: Int = 1, scope: RateLimitScope = .run) {
        self.enabled = enabled
        self.callsPerSecond = callsPerSecond
        self.burstSize = burstSize
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey {
        case enabled
        case callsPerSecond = "calls-per-second"
        case burstSize = "burst-size"
        case scope
    }
}
