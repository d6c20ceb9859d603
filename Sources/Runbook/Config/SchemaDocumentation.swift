public import Foundation
public import JSONSchema

/// Reads the documentation the configuration schema carries for a key: type, range, default,
/// format, allowed values, description. Used by `runbook config --explain` and the generated
/// configuration reference, so the docs cannot drift from the schema.
public struct SchemaDocumentation: Sendable {
    /// What the schema says about one key.
    public struct Entry: Sendable {
        /// The key path tokens.
        public var path: [String]
        /// The declared type(s), e.g. `integer`.
        public var type: String?
        /// The description.
        public var description: String?
        /// The default value.
        public var defaultValue: JSONValue?
        /// `minimum`, when declared.
        public var minimum: String?
        /// `maximum`, when declared.
        public var maximum: String?
        /// `format`, when declared.
        public var format: String?
        /// `enum` values, when declared.
        public var allowed: [String]
        /// The sub-keys declared under `properties`, in schema order.
        public var children: [String]
    }

    private let schema: JSONNode?
    /// Script name → the script's schema fragment (documents `scripts.<name>`).
    private let fragments: [String: JSONNode]

    /// Reads `schemas/org-env-config.schema.json` under the project root (absent: no documentation),
    /// and the fragments of `scripts` for their `scripts.<name>` sections.
    public init(projectRoot: URL, scripts: [any Script.Type] = []) {
        let url = projectRoot.appendingPathComponent(ConfigSchemaSet.mainSchemaPath)
        schema = try? ConfigDocumentReader().read(url, displayPath: ConfigSchemaSet.mainSchemaPath, source: 0)
        var fragments: [String: JSONNode] = [:]
        for script in scripts {
            guard let text = script.configSchema else { continue }
            fragments[script.name] = try? ConfigDocumentReader().parse(Array(text.utf8), displayPath: "\(script.name).json", source: 0)
        }
        self.fragments = fragments
    }

    /// Documentation over an already parsed schema (and script fragments by script name).
    public init(schema: JSONNode, fragments: [String: JSONNode] = [:]) {
        self.schema = schema
        self.fragments = fragments
    }

    /// The entry for a key path, or nil when the schema (or, under `scripts.<name>`, the script's
    /// fragment) does not declare it.
    public func entry(_ path: [String]) -> Entry? {
        if path.count >= 2, path[0] == "scripts", let fragment = fragments[path[1]] {
            return entry(in: fragment, at: Array(path.dropFirst(2)), path: path)
        }
        guard let schema else { return nil }
        return entry(in: schema, at: path, path: path)
    }

    private func entry(in schema: JSONNode, at relative: [String], path: [String]) -> Entry? {
        let schemas = SchemaWalker(root: schema).schemas(at: relative)
        guard !schemas.isEmpty else { return nil }
        var members: [JSONObject.Member] = []
        for part in schemas {
            for member in part.value.objectValue?.members ?? [] where !members.contains(where: { $0.key == member.key }) {
                members.append(member)
            }
        }
        return entry(for: JSONNode(.object(JSONObject(members))), path: path)
    }

    private func entry(for node: JSONNode, path: [String]) -> Entry {
        let object = node.value.objectValue ?? JSONObject()
        func text(_ key: String) -> String? {
            switch object[key]?.value {
            case .string(let value)?: value
            case .integer(let value)?: String(value)
            case .number(let value)?: value.literal
            case .array(let values)?: values.compactMap { $0.value.stringValue }.joined(separator: " or ")
            default: nil
            }
        }
        return Entry(
            path: path, type: text("type"), description: text("description"), defaultValue: object["default"]?.value,
            minimum: text("minimum") ?? text("exclusiveMinimum").map { "> \($0)" },
            maximum: text("maximum") ?? text("exclusiveMaximum").map { "< \($0)" },
            format: text("format"),
            allowed: object["enum"]?.value.arrayValue?.map { EffectiveValueText.inline($0.value) } ?? [],
            children: object["properties"]?.value.objectValue?.keys ?? [])
    }
}
