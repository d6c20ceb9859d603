extension ScalarSet {
    /// `[0-9]` as flat ranges (`\d`).
    static let digitRanges: [UInt32] = [0x30, 0x39]
    /// `[A-Za-z0-9_]` as flat ranges (`\w`).
    static let wordRanges: [UInt32] = [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A]
    /// ECMA-262 WhiteSpace and LineTerminator as flat ranges (`\s`): TAB VT FF SP NBSP ZWNBSP, category Zs,
    /// LF CR LS PS.
    static let spaceRanges: [UInt32] = [
        0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029,
        0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF,
    ]
    /// LF CR LS PS: the scalars `.` does not match.
    static let lineTerminatorRanges: [UInt32] = [0x0A, 0x0A, 0x0D, 0x0D, 0x2028, 0x2029]

    /// The set holding exactly `scalar`.
    static func single(_ scalar: UInt32) -> ScalarSet {
        let low: UInt64 = scalar < 64 ? 1 << UInt64(scalar) : 0
        let high: UInt64 = scalar >= 64 && scalar < 128 ? 1 << UInt64(scalar - 64) : 0
        return ScalarSet(asciiLow: low, asciiHigh: high, ranges: [scalar, scalar], properties: [], negated: false)
    }

    /// `.`: every scalar except line terminators.
    static var dot: ScalarSet {
        var builder = ScalarSetBuilder()
        builder.add(ranges: lineTerminatorRanges)
        return builder.build(negated: true)
    }
}
