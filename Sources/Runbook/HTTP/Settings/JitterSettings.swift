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
}
