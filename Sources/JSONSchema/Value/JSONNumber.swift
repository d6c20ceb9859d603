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

    /// Whether the number has no fractional part (`1.0`, `1e3`, `12345678901234567890`), decided on
    /// the decimal text wherever the `Double` cannot say: `1.5e-400` (which underflows to 0) is not
    /// integral, `1e400` (which overflows) is. `.inf`, `-.inf` and `.nan` are not.
    public var isIntegral: Bool {
        if double.isNaN { return false }
        if double.isFinite {
            // Below 2^53 every integer is a double, so a fractional double means a fractional number.
            guard double.rounded(.towardZero) == double else { return false }
            if double != 0, !literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
                return true
            }
        } else if literal.hasSuffix("inf") {
            return false
        }
        return ExactDecimal(literal: literal).isIntegral
    }

    public var description: String { literal }
}
