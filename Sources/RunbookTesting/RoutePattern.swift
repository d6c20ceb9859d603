/// A path pattern for fake routes: literal segments, `*` or `{name}` for exactly one segment, and a
/// final `**` for any remaining segments. `/customers/{id}` matches `/customers/C001`;
/// `/files/**` matches `/files/a/b.txt`; a pattern without wildcards matches only itself.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let segments: [Substring]

    /// Creates a pattern.
    public init(_ text: String) {
        self.text = text
        self.segments = text.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// Whether `path` (without query) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        var index = 0
        for segment in segments {
            if segment == "**" { return true }
            guard index < parts.count else { return false }
            let isWildcard = segment == "*" || (segment.hasPrefix("{") && segment.hasSuffix("}"))
            if !isWildcard && segment != parts[index] { return false }
            if isWildcard && parts[index].isEmpty { return false }
            index += 1
        }
        return index == parts.count
    }

    /// Whether the pattern has no wildcard (such routes win over patterns).
    var isLiteral: Bool {
        !segments.contains { $0 == "*" || $0 == "**" || ($0.hasPrefix("{") && $0.hasSuffix("}")) }
    }

    public var description: String { text }
}
