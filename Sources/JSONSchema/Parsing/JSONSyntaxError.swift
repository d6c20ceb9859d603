/// A JSON text that cannot be parsed: what is wrong and where.
///
/// ```swift
/// do { _ = try JSONParser.parse("{\"a\": 01}") }
/// catch { print(error) }   // 1:7: invalid number: leading zeros are not allowed
/// ```
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `duplicate key 'a' (first defined at line 2, column 3)`.
    public var message: String
    /// Where the problem is (1-based line and column in Unicode scalars).
    public var location: SourceLocation

    /// Creates an error.
    public init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `line:column: message`.
    public var description: String { "\(location.line):\(location.column): \(message)" }
}
