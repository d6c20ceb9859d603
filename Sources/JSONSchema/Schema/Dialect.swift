/// The JSON Schema drafts this module implements. A schema's `$schema` chooses one; otherwise
/// `ValidationOptions.defaultDialect` applies.
public enum Dialect: Sendable, Hashable {
    /// Draft 2020-12 (`https://json-schema.org/draft/2020-12/schema`).
    case draft2020_12
    /// Draft-07 (`http://json-schema.org/draft-07/schema#`).
    case draft7

    /// The dialect a well-known `$schema` URI names, or nil for other URIs.
    static func named(by uri: String) -> Dialect? {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        switch text {
        case "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft-07/schema": return .draft7
        case "https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft/2020-12/schema": return .draft2020_12
        case "https://json-schema.org/draft/2019-09/schema": return .draft2020_12
        default: return nil
        }
    }
}

/// How a schema is compiled and validated.
public struct ValidationOptions: Sendable {
    /// The dialect of schemas without a `$schema` keyword (default draft 2020-12).
    public var defaultDialect: Dialect
    /// Whether `format` is an assertion (true) or an annotation (false, the default).
    public var assertFormats: Bool

    /// Creates options.
    public init(defaultDialect: Dialect = .draft2020_12, assertFormats: Bool = false) {
        self.defaultDialect = defaultDialect
        self.assertFormats = assertFormats
    }
}
