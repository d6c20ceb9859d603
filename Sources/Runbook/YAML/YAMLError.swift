public import JSONSchema

/// Why a YAML text could not be read, and where.
///
/// `message` never contains a file name (the caller knows which file it read and wraps the error,
/// e.g. into a `HelpfulError`); `location` carries the 1-based line and column of the problem and
/// the `source` number given to `YAMLReader.read(_:source:)`.
///
/// ```swift
/// do { _ = try YAMLReader().read("a: 1\na: 2") }
/// catch { print(error) } // line 2, column 1: duplicate key 'a' (first defined at line 1, column 1)
/// ```
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. `duplicate key 'a' (first defined at line 2, column 1)`.
    public var message: String
    /// Where the problem is (1-based line and column).
    public var location: SourceLocation

    /// Creates an error.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `line L, column C: message`.
    public var description: String {
        "line \(location.line), column \(location.column): \(message)"
    }
}

extension SourceLocation {
    /// `line L, column C`, the way YAML messages mention a second place.
    var lineAndColumn: String { "line \(line), column \(column)" }
}
