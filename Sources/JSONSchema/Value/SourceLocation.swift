/// Where a value came from: a source (file, environment variable, schema default…) and a 1-based
/// line and column inside it.
///
/// The `source` is an opaque number that the caller assigns when it parses a text
/// (`JSONParser(source:)`, the YAML reader, …) and maps back to a file name or another origin.
/// `0` means "unknown". Lines and columns count from 1; `0` means "not known".
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The caller-assigned number of the text this value was read from (0 when unknown).
    public var source: UInt32
    /// 1-based line, 0 when unknown.
    public var line: UInt32
    /// 1-based column (counted in Unicode scalars), 0 when unknown.
    public var column: UInt32

    /// Creates a location.
    public init(source: UInt32 = 0, line: UInt32, column: UInt32) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// A location that says nothing (source, line and column all 0).
    public static let unknown = SourceLocation(source: 0, line: 0, column: 0)

    /// Whether line information is present.
    public var isKnown: Bool { line != 0 }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.source, lhs.line, lhs.column) < (rhs.source, rhs.line, rhs.column)
    }
}
