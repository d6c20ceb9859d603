import Glibc

/// A small direct-mapped cache of recently made strings, keyed by their UTF-8 fingerprint.
///
/// Configuration files repeat the same keys (and many values) thousands of times; handing out the
/// cached `String` avoids decoding (and, past 15 bytes, allocating) it again. A hit is confirmed
/// byte for byte, so a fingerprint collision can never change a string.
struct YAMLStringCache {
    private static let slotCount = 1024
    private var prints: [UInt64]
    private var strings: [String]

    init() {
        prints = Array(repeating: 0, count: Self.slotCount)
        strings = Array(repeating: "", count: Self.slotCount)
    }

    /// The string for `bytes`, whose fingerprint is `print` (from `YAMLKeyPrint.of`).
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, print: UInt64) -> String {
        let slot = Int(truncatingIfNeeded: print) & (Self.slotCount - 1)
        if prints[slot] == print {
            var cached = strings[slot]
            let same = cached.withUTF8 { stored in
                stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
            }
            if same { return cached }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        prints[slot] = print
        strings[slot] = string
        return string
    }
}
