/// Fast ASCII character classes for the format checks (no Unicode property lookups).
enum ASCIIClass {
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool { (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }
    @inline(__always) static func isHex(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x66)
    }

    /// Whether an ASCII scalar is in `set` (a string of ASCII characters).
    @inline(__always) static func isOneOf(_ s: Unicode.Scalar, _ set: StaticString) -> Bool {
        guard s.value < 0x80 else { return false }
        let byte = UInt8(s.value)
        return UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(byte)
    }
}
