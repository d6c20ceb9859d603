import JSONSchema

/// Octal and hexadecimal integers (`0o17`, `0x1F`) of any length.
enum YAMLRadixInteger {
    /// The integer spelled by `digits` in `radix` (8 or 16), or nil when a digit is invalid.
    /// Values beyond `Int64` become a `.number` whose literal is the decimal digits.
    static func value(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt64) -> JSONValue? {
        var magnitude: UInt64 = 0
        var fits = true
        for byte in digits {
            guard let digit = digitValue(byte, radix: radix) else { return nil }
            if fits {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: radix)
                let (sum, o2) = times.addingReportingOverflow(digit)
                magnitude = sum
                fits = !(o1 || o2) && sum <= UInt64(Int64.max)
            }
        }
        if fits { return .integer(Int64(magnitude)) }
        return .number(JSONNumber(literal: decimal(digits, radix: radix)))
    }

    /// The value of one digit, or nil.
    private static func digitValue(_ byte: UInt8, radix: UInt64) -> UInt64? {
        let value: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        return UInt64(value) < radix ? UInt64(value) : nil
    }

    /// The decimal text of a long number, by schoolbook multiply-add on base-10⁹ limbs.
    private static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt64) -> String {
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]  // least significant first
        for byte in digits {
            var carry = digitValue(byte, radix: radix) ?? 0
            for index in limbs.indices {
                let value = limbs[index] * radix + carry
                limbs[index] = value % base
                carry = value / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
