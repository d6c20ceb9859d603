/// A set of Unicode scalars that one step of a pattern can match: a literal, `.`, `\d`, `[a-z\p{L}]`, ...
///
/// ASCII membership is a 128-bit bitmap (the fast path); other scalars are looked up in sorted ranges and
/// then in Unicode property tests. Build one with ``ScalarSetBuilder``.
struct ScalarSet: Sendable, Hashable {
    /// Membership of scalars 0-63 (bit n = scalar n), negation already applied.
    var asciiLow: UInt64
    /// Membership of scalars 64-127 (bit n = scalar n + 64), negation already applied.
    var asciiHigh: UInt64
    /// Sorted, disjoint, non-adjacent closed ranges as flat pairs `[low0, high0, low1, high1, ...]`.
    var ranges: [UInt32]
    /// Property tests; a scalar outside `ranges` is a member when any test passes.
    var properties: [UnicodePropertyTest]
    /// Whether membership is the complement of `ranges ∪ properties`.
    var negated: Bool

    /// Whether `scalar` is in the set.
    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiLow & (1 &<< UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiHigh & (1 &<< UInt64(scalar &- 64)) != 0 }
        return containsSlowly(scalar)
    }

    /// Membership computed from ranges and properties (used for non-ASCII scalars and to fill the bitmap).
    func containsSlowly(_ scalar: UInt32) -> Bool {
        var member = rangesContain(scalar)
        if !member, !properties.isEmpty {
            member = properties.contains { $0.matches(scalar) }
        }
        return member != negated
    }

    /// Whether some scalar of 128 or above may be a member (conservative).
    var mayContainNonASCII: Bool {
        negated || !properties.isEmpty || (ranges.last.map { $0 >= 128 } ?? false)
    }

    /// Whether no scalar is in both sets, decided only when both sets are ASCII-only (else false).
    func isDisjoint(from other: ScalarSet) -> Bool {
        guard !mayContainNonASCII, !other.mayContainNonASCII else { return false }
        return asciiLow & other.asciiLow == 0 && asciiHigh & other.asciiHigh == 0
    }

    private func rangesContain(_ scalar: UInt32) -> Bool {
        var low = 0
        var high = ranges.count / 2
        while low < high {
            let middle = (low + high) / 2
            if scalar > ranges[2 * middle + 1] {
                low = middle + 1
            } else if scalar < ranges[2 * middle] {
                high = middle
            } else {
                return true
            }
        }
        return false
    }
}
