/// A JSON number as an exact decimal: sign, significant digits and a power of ten.
/// `value = ±0.d₁d₂…dₙ × 10^exponent`, digits without leading or trailing zeros (zero has none).
struct ExactDecimal: Sendable, Comparable {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    init(_ value: JSONValue) {
        switch value {
        case .integer(let integer): self.init(literal: String(integer))
        case .number(let number): self.init(literal: number.literal)
        default: self.init(literal: "0")
        }
    }

    /// Parses a JSON number literal (assumed valid).
    init(literal: String) {
        var negative = false
        var digits: [UInt8] = []
        var pointIndex: Int?
        var exponentPart = 0
        var bytes = Array(literal.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                pointIndex = digits.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponentPart = Self.exponent(bytes[(index + 1)...])
                break
            } else {
                digits.append(byte - UInt8(ascii: "0"))
            }
            index += 1
        }
        var exponent = (pointIndex ?? digits.count) + exponentPart
        let leading = digits.prefix { $0 == 0 }.count
        digits.removeFirst(leading)
        exponent -= leading
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { negative = false; exponent = 0 }
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    var isZero: Bool { digits.isEmpty }

    /// Whether the value has no fractional part.
    var isIntegral: Bool { digits.count <= exponent || isZero }

    static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.negative == rhs.negative && lhs.exponent == rhs.exponent && lhs.digits == rhs.digits
    }

    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let magnitudeLess = lhs.magnitudeLess(than: rhs)
        if lhs.negative { return rhs.magnitudeLess(than: lhs) }
        return magnitudeLess
    }

    private func magnitudeLess(than other: ExactDecimal) -> Bool {
        if isZero || other.isZero { return isZero && !other.isZero }
        if exponent != other.exponent { return exponent < other.exponent }
        return digits.lexicographicallyPrecedes(other.digits)
    }

    /// The exponent part of a literal (`+12`, `-400`), saturating far beyond any exponent a digit
    /// string could balance, so that `1e99999999999999999999` stays huge instead of wrapping.
    private static func exponent(_ bytes: ArraySlice<UInt8>) -> Int {
        var negative = false
        var magnitude = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): continue
            default: if magnitude < Self.exponentLimit { magnitude = Swift.min(magnitude * 10 + Int(byte &- UInt8(ascii: "0")), Self.exponentLimit) }
            }
        }
        return negative ? -magnitude : magnitude
    }

    /// Exponents are clamped to ±2^58 (the arithmetic below stays far from overflow).
    static let exponentLimit = 1 << 58

    /// Whether `self` is an integer multiple of `divisor` (exact), or nil when the divisor has too
    /// many significant digits for exact arithmetic here.
    ///
    /// With `self = A × 10^p` and `divisor = B × 10^q` (A, B integers without trailing zeros):
    /// for p < q the quotient would need A to end in a zero, so it is not a multiple; otherwise it is
    /// one exactly when B divides A × 10^(p−q), decided by modular arithmetic (10^(p−q) by squaring),
    /// so `1e999999999` against `0.0001` costs a few dozen multiplications.
    func isMultiple(of divisor: ExactDecimal) -> Bool? {
        if isZero { return true }
        if divisor.isZero { return nil }
        let p = exponent - digits.count
        let q = divisor.exponent - divisor.digits.count
        guard divisor.digits.count <= 18 else { return nil }
        if p < q { return false }
        var modulus: UInt64 = 0
        for digit in divisor.digits { modulus = modulus * 10 + UInt64(digit) }
        if modulus == 1 { return true }
        var remainder: UInt64 = 0
        for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % modulus }
        return Self.multiply(remainder, Self.power(10, p - q, modulus), modulus) == 0
    }

    /// `a × b mod m` without overflow.
    private static func multiply(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((product.high, product.low)).remainder
    }

    /// `base^exponent mod m`, by squaring.
    private static func power(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var square = base % m
        var rest = exponent
        while rest > 0 {
            if rest & 1 == 1 { result = multiply(result, square, m) }
            square = multiply(square, square, m)
            rest >>= 1
        }
        return result
    }
}

/// Comparison of two JSON numbers, exact where `Double` would lose precision.
enum NumberComparison {
    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs` (both numbers).
    static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Int {
        if case .integer(let a) = lhs, case .integer(let b) = rhs { return a < b ? -1 : (a == b ? 0 : 1) }
        let a = lhs.doubleValue ?? .nan
        let b = rhs.doubleValue ?? .nan
        if a.isFinite && b.isFinite && a != b { return a < b ? -1 : 1 }
        let x = ExactDecimal(lhs)
        let y = ExactDecimal(rhs)
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}
