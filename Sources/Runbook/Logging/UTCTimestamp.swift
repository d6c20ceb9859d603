public import Foundation

/// UTC timestamps in the two shapes Runbook writes: `2025-01-25T14:30:45.123Z` on log lines
/// and `2025-01-25T143045Z` in file names (no colons, safe on every file system).
public enum UTCTimestamp {
    /// `2025-01-25T14:30:45.123Z`.
    public static func logLine(_ date: Date) -> String {
        let parts = components(date)
        return "\(parts.date)T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)).\(pad(parts.millisecond, 3))Z"
    }

    /// `2025-01-25T143045Z`.
    public static func fileName(_ date: Date) -> String {
        let parts = components(date)
        return "\(parts.date)T\(pad(parts.hour))\(pad(parts.minute))\(pad(parts.second))Z"
    }

    /// `2025-01-25T14:30:45Z` (ISO 8601, whole seconds).
    public static func iso8601(_ date: Date) -> String {
        let parts = components(date)
        return "\(parts.date)T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    private struct Parts {
        var date: String
        var hour: Int
        var minute: Int
        var second: Int
        var millisecond: Int
    }

    private static func components(_ date: Date) -> Parts {
        let interval = date.timeIntervalSince1970
        let totalMilliseconds = Int64((interval * 1000).rounded(.down))
        let seconds = totalMilliseconds.floorDivided(by: 1000)
        let millisecond = Int(totalMilliseconds - seconds * 1000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        let dateText = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        return Parts(date: dateText, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
                     second: secondOfDay % 60, millisecond: millisecond)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
