/// A schema that cannot be compiled: invalid keyword values, unresolvable references, bad patterns.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `'minimum' must be a number, found "x"`.
    public var message: String
    /// Where in the schema's source the problem is.
    public var location: SourceLocation
    /// The JSON pointer of the offending keyword inside its schema document.
    public var schemaPointer: JSONPointer

    /// Creates an error.
    public init(message: String, location: SourceLocation, schemaPointer: JSONPointer) {
        self.message = message
        self.location = location
        self.schemaPointer = schemaPointer
    }

    /// `line:column: message (at pointer)`.
    public var description: String {
        let place = location.isKnown ? "\(location.line):\(location.column): " : ""
        return "\(place)\(message) (at schema \(schemaPointer.description.isEmpty ? "root" : schemaPointer.description))"
    }
}
