import Foundation
import JSONSchema
import Runbook
import Testing

/// The schema is the single source of defaults; the settings types repeat them only so they can be
/// built in code. This keeps the two from drifting apart.
@Test func httpSettingsDefaultsEqualTheSchemaDefaults() throws {
    let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let schemaNode = try JSONParser.parse(Array(try Data(
        contentsOf: repositoryRoot.appendingPathComponent("schemas/org-env-config.schema.json"))))
    let schema = try CompiledSchema(schemaNode)
    let (filled, _) = schema.applyingDefaults(to: try JSONParser.parse(#"{"global": {}, "script-behavior": {}}"#), location: .unknown)
    let config = ConfigProxy(root: filled, file: "defaults")
    #expect(try config.decode(HTTPBehaviorSettings.self, "script-behavior") == HTTPBehaviorSettings())
}
