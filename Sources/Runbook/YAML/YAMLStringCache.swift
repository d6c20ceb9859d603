/// A small direct-mapped cache of recently made strings, keyed by their UTF-8 fingerprint.
///
/// Configuration files repeat the same keys thousands of times; handing out the cached `String`
/// avoids decoding (and, past 15 bytes, allocating) it again. (Values are not cached: most long
/// values are unique, and hashing them costs more than it saves.) A hit is confirmed
/// byte for byte, so a fingerprint collision can never change a string.
struct YAMLStringCache {
    private static let slotCount = 1024
    private var prints: [UInt64]
    private var strings: [String]

    init() {
        prints = Array(repeating: 0, count: Self.slotCount)
        strings = Array(repeating: "", count: Self.slotCount)
    }

    /// The string for `bytes`, whose fingerprint is `print` (from `YAMLFingerprint.of`).
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, print: UInt64) -> String {
        let slot = Int(truncatingIfNeeded: print) & (Self.slotCount - 1)
        if prints[slot] == print {
            var cached = strings[slot]
            let same = cached.withUTF8 { stored in
                Self.equal(stored, bytes)
            }
            if same { return cached }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        prints[slot] = print
        strings[slot] = string
        return string
    }

    /// Whether two byte buffers hold the same bytes (compared a word at a time).
    @inline(__always)
    static func equal(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        guard let left = first.baseAddress, let right = second.baseAddress else { return true }
        let count = first.count
        var index = 0
        while index + 8 <= count {
            let a = UnsafeRawPointer(left).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let b = UnsafeRawPointer(right).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if a != b { return false }
            index += 8
        }
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }
}
