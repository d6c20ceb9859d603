extension Unicode.Scalar {
    /// The value of an ASCII decimal digit, else nil.
    var asciiDigitValue: Int? {
        value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil
    }

    /// The value of an ASCII hexadecimal digit, else nil.
    var asciiHexValue: UInt32? {
        switch value {
        case 0x30...0x39: value - 0x30
        case 0x41...0x46: value - 0x41 + 10
        case 0x61...0x66: value - 0x61 + 10
        default: nil
        }
    }

    /// Whether the scalar is an ASCII letter.
    var isASCIILetter: Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
}
