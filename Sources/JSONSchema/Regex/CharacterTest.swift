/// The one-scalar test of a step, with the ASCII answer inline so the common case needs no lookup.
struct CharacterTest: Sendable {
    /// ASCII membership, scalars 0-63.
    let asciiLow: UInt64
    /// ASCII membership, scalars 64-127.
    let asciiHigh: UInt64
    /// Index of the full ``ScalarSet`` in ``RegexProgram/sets`` (consulted for non-ASCII scalars).
    let set: Int32
    /// Whether any non-ASCII scalar can match (false: skip the lookup).
    let allowsNonASCII: Bool
}

extension CharacterTest {
    /// Whether the ASCII byte passes.
    @inline(__always)
    func matchesASCII(_ byte: UInt8) -> Bool {
        byte < 64 ? (asciiLow &>> UInt64(byte)) & 1 != 0 : (asciiHigh &>> UInt64(byte &- 64)) & 1 != 0
    }
}
