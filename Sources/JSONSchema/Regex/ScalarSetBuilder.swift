/// Collects ranges and property tests (a character class, a class escape) and produces a ``ScalarSet``.
struct ScalarSetBuilder: Sendable {
    /// The largest Unicode scalar value.
    static let maxScalar: UInt32 = 0x10FFFF

    private var pairs: [(low: UInt32, high: UInt32)] = []
    private var properties: [UnicodePropertyTest] = []

    /// An empty builder.
    init() {}

    /// Adds one scalar.
    mutating func add(_ scalar: UInt32) { pairs.append((scalar, scalar)) }

    /// Adds the closed range `low...high`.
    mutating func add(_ low: UInt32, _ high: UInt32) { pairs.append((low, high)) }

    /// Adds flat range pairs `[low0, high0, ...]`, complemented over all scalars when `complement` is true.
    mutating func add(ranges flat: [UInt32], complement: Bool = false) {
        let list = stride(from: 0, to: flat.count - 1, by: 2).map { (low: flat[$0], high: flat[$0 + 1]) }
        if complement {
            pairs += Self.complement(of: Self.normalized(list))
        } else {
            pairs += list
        }
    }

    /// Adds a property test.
    mutating func add(_ test: UnicodePropertyTest) { properties.append(test) }

    /// Adds everything another builder holds.
    mutating func merge(_ other: ScalarSetBuilder) {
        pairs += other.pairs
        properties += other.properties
    }

    /// The set, complemented when `negated` is true.
    func build(negated: Bool = false) -> ScalarSet {
        let merged = Self.normalized(pairs)
        var flat: [UInt32] = []
        flat.reserveCapacity(merged.count * 2)
        for range in merged {
            flat.append(range.low)
            flat.append(range.high)
        }
        var set = ScalarSet(asciiLow: 0, asciiHigh: 0, ranges: flat, properties: properties, negated: negated)
        var low: UInt64 = 0
        var high: UInt64 = 0
        func insert(_ scalar: UInt32) {
            if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
        }
        for range in merged where range.low < 128 {
            for scalar in range.low...min(range.high, 127) { insert(scalar) }
        }
        if !properties.isEmpty {
            for scalar in UInt32(0)..<128 where properties.contains(where: { $0.matches(scalar) }) { insert(scalar) }
        }
        if negated {
            low = ~low
            high = ~high
        }
        set.asciiLow = low
        set.asciiHigh = high
        return set
    }

    /// Sorted, merged ranges.
    static func normalized(_ list: [(low: UInt32, high: UInt32)]) -> [(low: UInt32, high: UInt32)] {
        let sorted = list.sorted { $0.low < $1.low }
        var result: [(low: UInt32, high: UInt32)] = []
        for range in sorted {
            if let last = result.last, range.low <= last.high &+ 1 {
                result[result.count - 1].high = max(last.high, range.high)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The complement of sorted, merged ranges over `0...maxScalar`.
    static func complement(of list: [(low: UInt32, high: UInt32)]) -> [(low: UInt32, high: UInt32)] {
        var result: [(low: UInt32, high: UInt32)] = []
        var next: UInt32 = 0
        for range in list {
            if range.low > next { result.append((next, range.low - 1)) }
            next = range.high &+ 1
        }
        if next <= maxScalar, !(list.last.map { $0.high == maxScalar } ?? false) {
            result.append((next, maxScalar))
        }
        return result
    }
}
