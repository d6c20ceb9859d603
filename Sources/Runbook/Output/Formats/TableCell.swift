public import Foundation

/// One cell of a table written as CSV, TSV or an XLSX sheet.
///
/// Numbers stay numbers: `.integer(-5)` is written as `-5` in CSV and as a number in XLSX.
/// Only `.text` cells are neutralised against spreadsheet formula injection (see `CSVWriter`).
///
/// ```swift
/// let row: [TableCell] = [.integer(42), "Müller, Anna", .double(12.5), .date(now), nil]
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
    /// A point in time (`2025-01-25T14:30:45Z` in CSV, a date-formatted cell in XLSX).
    case date(Date)
    /// An empty cell.
    case empty
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

/// Fast appends of numbers and dates as ASCII bytes.
enum ByteFormat {
    static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            buffer.append(UInt8(truncatingIfNeeded: magnitude) + 48)
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { raw -> Int in
            var index = 32
            while magnitude > 0 {
                index -= 1
                raw[index] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
                magnitude /= 10
            }
            buffer.append(contentsOf: raw[index..<32])
            return 32 - index
        }
        _ = count
    }

    static func appendDouble(_ value: Double, to buffer: inout [UInt8]) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value), to: &buffer)
            return
        }
        var text = value.description
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    static func appendTwoDigits(_ value: Int, to buffer: inout [UInt8]) {
        buffer.append(UInt8(value / 10) + 48)
        buffer.append(UInt8(value % 10) + 48)
    }

    /// `2025-01-25T14:30:45Z`.
    static func appendISO8601(_ date: Date, to buffer: inout [UInt8]) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        appendTwoDigits(year / 100, to: &buffer)
        appendTwoDigits(year % 100, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        appendTwoDigits(month, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        appendTwoDigits(day, to: &buffer)
        buffer.append(UInt8(ascii: "T"))
        appendTwoDigits(secondOfDay / 3600, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay / 60 % 60, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay % 60, to: &buffer)
        buffer.append(UInt8(ascii: "Z"))
    }
}

/// Number and date formatting straight into raw memory (the CSV writer's hot path). Each
/// function returns the position after the bytes it wrote.
enum RawByteFormat {
    static func integer(_ value: Int64, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var cursor = start
        if value < 0 {
            cursor.pointee = UInt8(ascii: "-")
            cursor += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = cursor + digits - 1
        repeat {
            position.pointee = UInt8(truncatingIfNeeded: magnitude % 10) + 48
            position -= 1
            magnitude /= 10
        } while magnitude > 0
        return cursor + digits
    }

    static func copy(_ text: String, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var text = text
        return text.withUTF8 { bytes in
            cursor.update(from: bytes.baseAddress!, count: bytes.count)
            return cursor + bytes.count
        }
    }

    static func twoDigits(_ value: Int, at cursor: UnsafeMutablePointer<UInt8>) {
        cursor.pointee = UInt8(value / 10) + 48
        (cursor + 1).pointee = UInt8(value % 10) + 48
    }

    /// `2025-01-25T14:30:45Z` (20 bytes).
    static func iso8601(_ date: Date, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        twoDigits(year / 100 % 100, at: cursor)
        twoDigits(year % 100, at: cursor + 2)
        cursor[4] = UInt8(ascii: "-")
        twoDigits(month, at: cursor + 5)
        cursor[7] = UInt8(ascii: "-")
        twoDigits(day, at: cursor + 8)
        cursor[10] = UInt8(ascii: "T")
        twoDigits(secondOfDay / 3600, at: cursor + 11)
        cursor[13] = UInt8(ascii: ":")
        twoDigits(secondOfDay / 60 % 60, at: cursor + 14)
        cursor[16] = UInt8(ascii: ":")
        twoDigits(secondOfDay % 60, at: cursor + 17)
        cursor[19] = UInt8(ascii: "Z")
        return cursor + 20
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
enum CivilDate {
    static func from(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
