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
                exponentPart = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self).replacingOccurrences(of: "+", with: "")) ?? 0
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

    /// Whether `self` is an integer multiple of `divisor` (exact), or nil when the numbers are too
    /// far apart for exact arithmetic.
    func isMultiple(of divisor: ExactDecimal) -> Bool? {
        if isZero { return true }
        if divisor.isZero { return nil }
        // self = a × 10^p, divisor = b × 10^q with integer a, b.
        let p = exponent - digits.count
        let q = divisor.exponent - divisor.digits.count
        let e = Swift.min(p, q)
        let zerosForA = p - e
        let zerosForB = q - e
        guard divisor.digits.count + zerosForB <= 18, zerosForA <= 100_000 else { return nil }
        var modulus: UInt64 = 0
        for digit in divisor.digits { modulus = modulus * 10 + UInt64(digit) }
        for _ in 0..<zerosForB { modulus *= 10 }
        var remainder: UInt64 = 0
        for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % modulus }
        for _ in 0..<zerosForA {
            remainder = (remainder * 10) % modulus
            if remainder == 0 { return true }
        }
        return remainder == 0
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
