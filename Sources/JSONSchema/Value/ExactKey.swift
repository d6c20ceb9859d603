/// A string that hashes and compares by its Unicode code points (UTF-8 bytes), as JSON object keys
/// must: `"é"` (NFC) and `"e\u{301}"` (NFD) are different keys, although Swift's `String ==`, and so
/// `Set<String>` and `[String: V]`, treat them as one.
///
/// ```swift
/// var seen: Set<ExactKey> = [ExactKey("\u{E9}")]
/// seen.insert(ExactKey("e\u{301}")).inserted // true
/// ```
public struct ExactKey: Hashable, Sendable {
    /// The key.
    public let text: String

    /// Wraps a key.
    @inline(__always)
    public init(_ text: String) {
        self.text = text
    }

    @inline(__always)
    public static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        JSONValue.sameScalars(lhs.text, rhs.text)
    }

    @inline(__always)
    public func hash(into hasher: inout Hasher) {
        StringBytes.with(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
