import Foundation
import Runbook
import Testing

/// Run ids are UUIDv7: version and variant bits, time order, uniqueness, text form.
@Suite struct RunIDTests {
    /// A generator that returns the same bits every time (to pin the layout).
    struct FixedBits: RandomNumberGenerator {
        var bits: UInt64
        mutating func next() -> UInt64 { bits }
    }

    static let start = Date(timeIntervalSince1970: 1_737_815_445.5)

    @Test func layoutIsVersion7WithTheTimeInFront() {
        var ones = FixedBits(bits: .max)
        let id = RunID(date: Self.start, using: &ones)
        #expect(id.version == 7)
        #expect(id.variant == 0b10)
        #expect(id.description == "01949ddf-4ffc-7000-bfff-ffffffffffff")
        #expect(id.short == "ffffffffffff")
        #expect(id.date == Date(timeIntervalSince1970: 1_737_815_445.5))
        var zeros = FixedBits(bits: 0)
        #expect(RunID(date: Self.start, using: &zeros).description == "01949ddf-4ffc-7000-8000-000000000000")
    }

    @Test func generatedIdsHaveVersionAndVariantBits() {
        for _ in 0..<1000 {
            let id = RunID.generate(at: Date())
            #expect(id.version == 7 && id.variant == 0b10)
            #expect(Array(id.description)[14] == "7")
            #expect("89ab".contains(Array(id.description)[19]))
        }
    }

    @Test func tenThousandIdsAtTheSameInstantAreUnique() {
        let ids = (0..<10_000).map { _ in RunID.generate(at: Self.start) }
        #expect(Set(ids).count == 10_000)
        #expect(Set(ids.map(\.short)).count == 10_000)
        #expect(Set(ids.map(\.description)).count == 10_000)
    }

    @Test func idsSortByTimeAsValuesAndAsText() {
        // Steps from a millisecond down to a microsecond (the sub-millisecond bits have a quarter of one).
        let offsets: [TimeInterval] = [0, 0.000_001, 0.000_25, 0.001, 0.5, 1, 60, 86_400 * 365]
        let ids = offsets.map { RunID.generate(at: Self.start.addingTimeInterval($0)) }
        #expect(ids == ids.sorted())
        #expect(ids.map(\.description) == ids.map(\.description).sorted())
        #expect(Set(ids.map { $0.description.prefix(8) }).count > 1)
    }

    @Test func textRoundTripsAndBadTextIsRefused() throws {
        let id = RunID.generate(at: Self.start)
        #expect(RunID(id.description) == id)
        #expect(RunID(id.description.uppercased()) == id)
        for bad in ["", "01949eb1b3f47800bfffffffffffffff", "01949eb1-b3f4-7800-bfff-fffffffffffg",
                    "01949eb1-b3f4-7800-bfff-ffffffffffff-", "+1949eb1-b3f4-7800-bfff-ffffffffffff"] {
            #expect(RunID(bad) == nil, "\(bad)")
        }
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(id)\"]")
        #expect(try JSONDecoder().decode([RunID].self, from: json) == [id])
    }

    @Test func timesOutsideTheFieldAreClamped() {
        var zeros = FixedBits(bits: 0)
        #expect(RunID(date: Date(timeIntervalSince1970: -5), using: &zeros).description.hasPrefix("00000000-0000-7000-"))
        #expect(RunID(date: Date(timeIntervalSince1970: 1e15), using: &zeros).description.hasPrefix("ffffffff-ffff-7000-"))
    }
}
