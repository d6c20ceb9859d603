import Histogram

/// An HDR histogram of durations in microseconds (1 µs to 1 h, three significant digits; longer
/// values count as 1 h) with the exact maximum beside it.
struct LatencyHistogram: Sendable {
    private static let highest: UInt64 = 3_600_000_000
    private var histogram = Histogram<UInt32>(lowestDiscernibleValue: 1, highestTrackableValue: highest,
                                              numberOfSignificantValueDigits: .three)
    private var maxMicroseconds: UInt64 = 0

    mutating func record(_ duration: Duration) {
        let microseconds = Self.microseconds(duration)
        maxMicroseconds = max(maxMicroseconds, microseconds)
        _ = histogram.record(min(max(microseconds, 1), Self.highest))
    }

    var summary: LatencySummary {
        guard histogram.totalCount > 0 else { return LatencySummary() }
        // A percentile is known to three significant digits: its bucket's top, cut to them, never above the maximum.
        func seconds(_ percentile: Double) -> Double {
            Double(min(Self.threeSignificantDigits(histogram.valueAtPercentile(percentile)), maxMicroseconds)) / 1e6
        }
        return LatencySummary(
            count: Int(histogram.totalCount), p50Seconds: seconds(50), p95Seconds: seconds(95),
            p99Seconds: seconds(99), maxSeconds: Double(maxMicroseconds) / 1e6)
    }

    static func threeSignificantDigits(_ value: UInt64) -> UInt64 {
        var scale: UInt64 = 1
        while value / scale >= 1000 { scale *= 10 }
        return value / scale * scale
    }

    static func microseconds(_ duration: Duration) -> UInt64 {
        let parts = duration.components
        guard parts.seconds >= 0 else { return 0 }
        return UInt64(parts.seconds) * 1_000_000 + UInt64(parts.attoseconds / 1_000_000_000_000)
    }
}
