/// A syntax error in an ECMA-262 pattern, thrown by ``ECMARegex/init(_:)``.
///
/// ```swift
/// do { _ = try ECMARegex("[a-z") } catch {
///     print(error.message)   // "unterminated character class at offset 0"
/// }
/// ```
public struct ECMARegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, ending with `at offset N` (for example `"unterminated character class at offset 3"`).
    public var message: String
    /// Where the problem is in the pattern, counted in Unicode scalars from 0.
    public var offset: Int

    /// Creates an error with a complete message.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// Creates an error from a bare reason; the offset is appended to the message.
    public init(_ reason: String, at offset: Int) {
        self.message = "\(reason) at offset \(offset)"
        self.offset = offset
    }

    /// The message.
    public var description: String { message }
}
