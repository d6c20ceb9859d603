/// A string's UTF-8 bytes as a buffer: native strings in place, others (small, bridged) through a copy.
enum StringBytes {
    @inline(__always)
    static func with<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// The two machine words a `String` is made of. For a small string (up to 15 UTF-8 bytes, stored
    /// inline) they are the bytes and the count, so equal words mean equal strings, byte for byte.
    /// For other strings they hold a pointer, and unequal words prove nothing.
    @inline(__always)
    static func words(_ text: String) -> StringWords {
        unsafeBitCast(text, to: StringWords.self)
    }
}

/// The raw representation of a `String` (see `StringBytes.words(_:)`).
struct StringWords: Equatable, Sendable {
    var first: UInt64
    var second: UInt64
}
