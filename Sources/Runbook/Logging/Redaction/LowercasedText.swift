/// A text's UTF-8 bytes with ASCII letters lowercased, for fast trigger checks before any
/// regular expression runs.
struct LowercasedText {
    let bytes: [UInt8]
    /// How many ASCII digits the text has.
    let digitCount: Int
    /// The longest run of ASCII letters and digits.
    let longestRun: Int

    init(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var digits = 0
        var run = 0
        var longest = 0
        for byte in text.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            bytes.append(lower)
            let isDigit = lower >= 48 && lower <= 57
            if isDigit { digits += 1 }
            if isDigit || (lower >= 97 && lower <= 122) {
                run += 1
                if run > longest { longest = run }
            } else {
                run = 0
            }
        }
        self.bytes = bytes
        digitCount = digits
        longestRun = longest
    }

    /// Whether `needle` (lowercase ASCII) occurs.
    func contains(_ needle: String) -> Bool {
        ByteSearch.contains(bytes, Array(needle.utf8))
    }
}

/// Substring search over bytes (no bridging, no allocation).
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let first = pin[0]
                let last = hay.count - pin.count
                var index = 0
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < pin.count, hay[index + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
