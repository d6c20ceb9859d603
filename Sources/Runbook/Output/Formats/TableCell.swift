public import Foundation

/// One cell of a table written as CSV, TSV or an XLSX sheet.
///
/// Numbers stay numbers: `.integer(-5)` is written as `-5` in CSV and as a number in XLSX.
/// Only `.text` cells are neutralised against spreadsheet formula injection (see `CSVWriter`).
/// Money goes in `.decimal` cells: their exact text in CSV, a number cell with that exact text in
/// XLSX (a `.double` would show `12967.2` as `12967.199999999999` once summed in binary).
///
/// ```swift
/// let row: [TableCell] = [.integer(42), "Müller, Anna", .double(12.5), .date(now), nil,
///                         .decimal(try DecimalNumber(validating: "12967.20"))]
/// ```
public enum TableCell: Sendable, Hashable {
    /// A string.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A floating-point number (non-finite values are written as text).
    case double(Double)
    /// A boolean (`true`/`false` in CSV, a boolean cell in XLSX).
    case bool(Bool)
    /// An exact decimal number (`12967.20`): its text in CSV, a number cell with that text in XLSX.
    case decimal(DecimalNumber)
    /// A point in time (`2025-01-25T14:30:45Z` in CSV, a date-formatted cell in XLSX).
    case date(Date)
    /// An empty cell.
    case empty
}

extension TableCell {
    /// A decimal cell holding the digits of `value`.
    public init(decimal value: Decimal) {
        self = .decimal(DecimalNumber(value))
    }
}

extension TableCell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    /// A text cell from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer cell from a literal.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A double cell from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean cell from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An empty cell from `nil`.
    public init(nilLiteral: ()) { self = .empty }
}
