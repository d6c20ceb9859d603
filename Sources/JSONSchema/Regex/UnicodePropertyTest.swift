/// A Unicode property that a scalar has or lacks, answered by `Unicode.Scalar.Properties`.
enum UnicodePropertyTest: Sendable, Hashable {
    /// The scalar's General_Category is one of the categories in `mask` (bit = ``GeneralCategoryMask`` index).
    case generalCategory(mask: UInt32, negated: Bool)
    /// The scalar has the binary property.
    case binary(BinaryUnicodeProperty, negated: Bool)

    /// Whether `scalar` passes the test.
    func matches(_ scalar: UInt32) -> Bool {
        guard let value = Unicode.Scalar(scalar) else {
            // Surrogate code points never occur in a Swift string; treat them as category Cs.
            switch self {
            case .generalCategory(let mask, let negated):
                return (mask & GeneralCategoryMask.bit(.surrogate) != 0) != negated
            case .binary(_, let negated): return negated
            }
        }
        switch self {
        case .generalCategory(let mask, let negated):
            return (mask & GeneralCategoryMask.bit(value.properties.generalCategory) != 0) != negated
        case .binary(let property, let negated):
            return property.holds(for: value.properties) != negated
        }
    }

    /// The same test with the opposite answer (`\P{..}`).
    var negatedTest: UnicodePropertyTest {
        switch self {
        case .generalCategory(let mask, let negated): .generalCategory(mask: mask, negated: !negated)
        case .binary(let property, let negated): .binary(property, negated: !negated)
        }
    }
}
