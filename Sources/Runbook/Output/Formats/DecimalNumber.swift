public import Foundation

/// A decimal number kept as its exact text: money and quantities that must not pass through a
/// binary `Double` (`12967.20` stays `12967.20`, never `12967.199999999999`).
///
/// The text is an optional `-`, one or more digits, and optionally `.` and one or more digits
/// (no exponent, no `+`, no grouping separators), so every spreadsheet reads it as a number.
///
/// ```swift
/// let total = try DecimalNumber(validating: "12967.20")          // from an API's string
/// let row: [TableCell] = [.decimal(total), .decimal(DecimalNumber(Decimal(string: "0.10")!))]
/// ```
public struct DecimalNumber: Sendable, Hashable, CustomStringConvertible {
    /// The exact text, as written to CSV and into an XLSX number cell.
    public let text: String
    /// Whether `text` is a number (false only for `Decimal.nan`, which is written as the text `NaN`,
    /// like a non-finite `.double`).
    let isNumber: Bool

    /// The digits of `value`, e.g. `12967.2` (a `Decimal` does not keep trailing zeros; round it, or
    /// use `init(validating:)` with the text you were given, to keep `12967.20`).
    public init(_ value: Decimal) {
        // Decimal's description is plain digits with an optional '-' and '.', never an exponent;
        // NaN ("NaN") is the only exception.
        text = value.description
        isNumber = !value.isNaN
    }

    /// `value` rounded (half away from zero) to `scale` fraction digits and written with exactly that
    /// many: `DecimalNumber(Decimal(string: "12967.2")!, scale: 2)` is `12967.20`.
    public init(_ value: Decimal, scale: Int) {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, scale, .plain)
        var text = rounded.description
        if scale > 0, !rounded.isNaN {
            let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
            if fraction == nil { text += "." }
            text += String(repeating: "0", count: max(0, scale - (fraction ?? 0)))
        }
        self.text = text
        isNumber = !rounded.isNaN
    }

    /// The number `text` stands for; throws a `HelpfulError` unless it is a plain decimal number.
    public init(validating text: String) throws(HelpfulError) {
        guard Self.isDecimal(text) else {
            throw HelpfulError(
                code: .outputInvalidDecimal,
                problem: "'\(text)' is not a decimal number",
                solution: "Give digits with an optional leading '-' and an optional '.' followed by digits "
                    + "(no exponent, no '+', no thousands separators)",
                example: "try DecimalNumber(validating: \"-12967.20\")")
        }
        self.text = text
        isNumber = true
    }

    /// Whether `text` is `-?[0-9]+(\.[0-9]+)?`.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        guard !integer.isEmpty else { return false }
        var rest = bytes.dropFirst(integer.count)
        guard let point = rest.first else { return true }
        guard point == UInt8(ascii: "."), rest.count > 1 else { return false }
        rest = rest.dropFirst()
        return rest.allSatisfy(isDigit)
    }

    /// The exact text.
    public var description: String { text }
}
