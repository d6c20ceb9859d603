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

    /// Decodes the section; a missing key takes its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            enabled: try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? false,
            callsPerSecond: try c.decodeIfPresent(Double.self, forKey: .callsPerSecond) ?? 10,
            burstSize: try c.decodeIfPresent(Int.self, forKey: .burstSize) ?? 1)
    }
}
