/// A JSON number that is not a plain `Int64`: a fraction, an exponent, or an integer too large for
/// 64 bits. The literal text is kept so that nothing is lost (exact decimal comparisons,
/// `multipleOf: 0.01`, integers beyond 2^53) and `double` is there for fast, approximate work.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written in the source, normalised only by the parser's grammar (e.g. `1.5e3`).
    public let literal: String
    /// The nearest `Double`.
    public let double: Double

    /// Creates a number from its literal text. The literal must be a valid JSON number, or one of
    /// the YAML special floats `.inf`, `-.inf` and `.nan` (which JSON cannot hold; their `double` is
    /// `.infinity`, `-.infinity` and `.nan`).
    public init(literal: String) {
        self.literal = literal
        self.double = Double(literal) ?? (literal == ".inf" ? .infinity : literal == "-.inf" ? -.infinity : .nan)
    }

    /// Creates a number from a `Double` (its shortest round-tripping text becomes the literal).
    public init(_ double: Double) {
        self.double = double
        self.literal = "\(double)"
    }

    /// Whether the number has no fractional part (`1.0`, `1e3`, `12345678901234567890`).
    public var isIntegral: Bool {
        double.isFinite && double.rounded(.towardZero) == double
    }

    public var description: String { literal }
}
