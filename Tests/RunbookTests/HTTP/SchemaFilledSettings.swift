import Foundation
import JSONSchema
import Runbook

/// Settings decoded the way a run decodes them: from a configuration that the project's schema
/// (`schemas/org-env-config.schema.json`) has filled with its defaults. The settings types have no
/// defaults of their own when decoding, so a partial document in a test goes through here.
enum SchemaFilledSettings {
    /// The project's main schema, compiled.
    static func schema() throws -> CompiledSchema {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(ConfigSchemaSet.mainSchemaPath)
        return try CompiledSchema(try JSONParser.parse(Array(try Data(contentsOf: url))))
    }

    /// `section` (JSON text) placed at `path` in a configuration, filled with the schema's
    /// defaults, and decoded as `type` with `JSONNodeDecoder` (errors stay `DecodingError`s, their
    /// coding paths relative to `path`).
    static func decode<T: Decodable>(_ type: T.Type, _ section: String, at path: String...) throws -> T {
        let document = path.reversed().reduce(section) { inner, key in #"{"\#(key)": \#(inner)}"# }
        let filled = try schema().applyingDefaults(to: try JSONParser.parse(document), location: .unknown).0
        guard let node = filled.node(at: path) else {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "nothing at \(path)"))
        }
        return try JSONNodeDecoder().decode(type, from: node)
    }
}
