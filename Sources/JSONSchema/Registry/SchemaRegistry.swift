import Foundation

/// Where `$ref`s to other documents are found: the bundled draft-07 and draft 2020-12 meta-schemas,
/// schemas the caller adds, and directories served under a URI prefix. Nothing is fetched from the network.
///
/// ```swift
/// var registry = SchemaRegistry()
/// try registry.add(commonSchema, uri: "https://schemas.example.com/common.json")
/// registry.addDirectory(prefix: "https://schemas.example.com/", directory: "schemas")
/// let schema = try CompiledSchema(root, registry: registry)
/// ```
public struct SchemaRegistry: Sendable {
    private var documents: [String: JSONNode] = [:]
    private var directories: [(prefix: String, directory: String)] = []

    /// A registry that knows the bundled meta-schemas.
    public init() {}

    /// Registers a schema document under an absolute URI (a fragment, if any, is ignored).
    /// - Throws: `SchemaError` when the URI is not absolute.
    public mutating func add(_ schema: JSONNode, uri: String) throws {
        let reference = URIReference(uri)
        guard reference.scheme != nil else {
            throw SchemaError(message: "registry URI '\(uri)' must be absolute (e.g. https://example.com/schema.json)",
                              location: schema.location, schemaPointer: JSONPointer())
        }
        documents[reference.withoutFragment] = schema
    }

    /// Serves `<directory>/<rest>` for every URI `<prefix><rest>`, read and parsed (as JSON) when first referenced.
    public mutating func addDirectory(prefix: String, directory: String) {
        directories.append((prefix, directory))
    }

    /// The document for an absolute URI without fragment, or nil.
    func document(for uri: String) throws(SchemaError) -> JSONNode? {
        if let document = documents[uri] { return document }
        if let bundled = BundledMetaSchemas.documents[uri] { return bundled }
        if uri.hasSuffix("#"), let bundled = BundledMetaSchemas.documents[String(uri.dropLast())] { return bundled }
        for (prefix, directory) in directories where uri.hasPrefix(prefix) {
            let rest = uri.dropFirst(prefix.count)
            guard !rest.split(separator: "/").contains("..") else { continue }
            let path = (directory as NSString).appendingPathComponent(String(rest))
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                return try JSONParser.parse([UInt8](data))
            } catch {
                throw SchemaError(message: "cannot parse schema '\(uri)' (\(path)): \(error)", location: error.location,
                                  schemaPointer: JSONPointer())
            }
        }
        return nil
    }
}
