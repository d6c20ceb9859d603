/// The meta-schemas every `SchemaRegistry` knows without being told (draft-07 and draft 2020-12),
/// embedded as string literals and parsed on first use.
enum BundledMetaSchemas {
    /// Every bundled document, parsed, by URI (without fragment).
    static let documents: [String: JSONNode] = {
        var result: [String: JSONNode] = [:]
        for (uri, text) in draft7 + draft2020_12 {
            // The literals are checked by the test suite; a parse failure cannot happen at run time.
            if let node = try? JSONParser.parse(text) { result[uri] = node }
        }
        return result
    }()
}
