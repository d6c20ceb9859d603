/// A cheap 64-bit fingerprint of a mapping key's UTF-8 bytes (FNV-1a), so that the duplicate-key
/// check compares integers and only compares strings when two fingerprints are equal.
enum YAMLFingerprint {
    /// The fingerprint of `bytes`.
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
