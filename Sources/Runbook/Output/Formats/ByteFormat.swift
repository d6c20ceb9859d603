import Foundation

/// Fast appends of numbers as ASCII bytes (the XLSX writer's hot path).
enum ByteFormat {
    static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        var digits = (UInt64(0), UInt64(0), UInt64(0))  // 24 bytes: room for 20 digits and a sign
        withUnsafeMutableBytes(of: &digits) { raw in
            let end = RawByteFormat.integer(value, at: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            buffer.append(contentsOf: UnsafeRawBufferPointer(start: raw.baseAddress, count: end - raw.baseAddress!.assumingMemoryBound(to: UInt8.self)))
        }
    }

    static func appendDouble(_ value: Double, to buffer: inout [UInt8]) {
        var digits = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))  // 40 bytes
        withUnsafeMutableBytes(of: &digits) { raw in
            let start = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if let end = RawByteFormat.shortDecimal(value, at: start) {
                buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
            } else {
                var text = value.description
                text.withUTF8 { buffer.append(contentsOf: $0) }
            }
        }
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

    /// Writes a finite double that is an integer, or has at most 4 decimals and a magnitude below
    /// 1e9, as its shortest round-tripping decimal (the same digits `description` gives, without a
    /// trailing `.0`); returns nil for anything else (the caller falls back to `description`).
    static func shortDecimal(_ value: Double, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return integer(Int64(value), at: start) }
        guard abs(value) < 1e9 else { return nil }
        let scaled = (value * 10_000).rounded()
        guard scaled / 10_000 == value else { return nil }
        var units = Int64(scaled)
        var cursor = start
        if units < 0 {
            cursor.pointee = UInt8(ascii: "-")
            cursor += 1
            units = -units
        }
        cursor = integer(units / 10_000, at: cursor)
        var fraction = Int(units % 10_000)
        var width = 4
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        cursor.pointee = UInt8(ascii: ".")
        var position = cursor + width
        for _ in 0..<width {
            position.pointee = UInt8(fraction % 10) + 48
            position -= 1
            fraction /= 10
        }
        return cursor + width + 1
    }

    static func copy(_ text: String, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var text = text
        return text.withUTF8 { bytes in
            cursor.update(from: bytes.baseAddress!, count: bytes.count)
            return cursor + bytes.count
        }
    }

    /// `true` or `false`.
    static func bool(_ value: Bool, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if value {
            cursor[0] = 116; cursor[1] = 114; cursor[2] = 117; cursor[3] = 101
            return cursor + 4
        }
        cursor[0] = 102; cursor[1] = 97; cursor[2] = 108; cursor[3] = 115; cursor[4] = 101
        return cursor + 5
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
