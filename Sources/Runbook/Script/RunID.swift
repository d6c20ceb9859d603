public import Foundation

/// The unique, time-ordered identifier of one run: a UUID version 7 (RFC 9562), e.g.
/// `0194a3b2-5c1e-7a3f-9d2b-4c8e1f0a7b6d`.
///
/// The first 48 bits are the run's start in Unix milliseconds, the next 12 (after the version)
/// the fraction of that millisecond (RFC 9562 §6.2, method 3), so ids sort by time as bytes and as
/// text; the last 62 bits come from the system's random number generator, so runs that start in
/// the same millisecond, in one process or many, still get different ids.
///
/// Every file a run writes carries `short` (the id's last 12 hex digits, all random) after its
/// UTC timestamp: `output/report_2025-01-25T143045Z_4c8e1f0a7b6d.json`.
///
/// ```swift
/// let id = RunID.generate(at: clock.now())
/// print(id)         // 0194a3b2-5c1e-7a3f-9d2b-4c8e1f0a7b6d
/// print(id.short)   // 4c8e1f0a7b6d
/// ```
public struct RunID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The first 64 bits: milliseconds, version, sub-millisecond fraction.
    public let high: UInt64
    /// The last 64 bits: variant and random bits.
    public let low: UInt64

    /// An id from its two halves, as they are (no version or variant is set).
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A version 7 id for `date` whose random bits come from `generator`.
    public init(date: Date, using generator: inout some RandomNumberGenerator) {
        let milliseconds = max(0, date.timeIntervalSince1970 * 1000)
        let whole = min(UInt64(milliseconds.rounded(.down)), Self.maximumMilliseconds)
        let fraction = whole == Self.maximumMilliseconds
            ? 0 : min(UInt64(((milliseconds - Double(whole)) * 4096).rounded(.down)), 0xFFF)
        high = whole << 16 | 0x7000 | fraction
        low = generator.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
    }

    /// A version 7 id for `date`, with random bits from the system's generator.
    public static func generate(at date: Date) -> RunID {
        var generator = SystemRandomNumberGenerator()
        return RunID(date: date, using: &generator)
    }

    /// Parses the canonical text form (`8-4-4-4-12` hex digits, either case).
    public init?(_ text: String) {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.utf8.count) == [8, 4, 4, 4, 12],
              let high = UInt64(groups[0...2].joined(), radix: 16),
              let low = UInt64(groups[3...4].joined(), radix: 16),
              groups.joined().utf8.allSatisfy({ Self.isHexDigit($0) })
        else { return nil }
        self.init(high: high, low: low)
    }

    /// The UUID version (7 for every generated id).
    public var version: Int { Int(high >> 12 & 0xF) }

    /// The two variant bits (`0b10` for RFC 9562 ids).
    public var variant: Int { Int(low >> 62) }

    /// The start time the id carries, to the millisecond.
    public var date: Date { Date(timeIntervalSince1970: Double(high >> 16) / 1000) }

    /// The canonical lower-case form, `0194a3b2-5c1e-7a3f-9d2b-4c8e1f0a7b6d`.
    public var description: String {
        let hex = Self.hex(high, digits: 16) + Self.hex(low, digits: 16)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// The last 12 hex digits (48 random bits), used in file names.
    public var short: String { Self.hex(low & 0xFFFF_FFFF_FFFF, digits: 12) }

    public static func < (lhs: RunID, rhs: RunID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RunID(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a run id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The largest 48-bit millisecond count (the year 10889).
    private static let maximumMilliseconds: UInt64 = 0xFFFF_FFFF_FFFF

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
}
