/// A `JSONValue` together with the place it was read from.
public struct JSONNode: Sendable {
    /// The value.
    public var value: JSONValue
    /// Where the value starts in its source.
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: JSONValue, at location: SourceLocation = .unknown) {
        self.value = value
        self.location = location
    }

    /// The node at a JSON pointer's tokens below this one, or nil.
    public func node(at tokens: some Sequence<String>) -> JSONNode? {
        var current = self
        for token in tokens {
            switch current.value {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
