public import Foundation
public import Runbook

extension TestWorkspace {
    /// Writes a configuration layer's YAML (or JSON) file: `config/defaults.yaml`,
    /// `config/{org}-config.yaml` or `config/{org}-{env}-config.yaml`.
    ///
    /// ```swift
    /// try workspace.writeConfig("script-behavior: {}\n", layer: .defaults)
    /// try workspace.writeConfig("global:\n  api-base-url: http://api.test/\n", layer: .orgEnv, org: "demo", env: "test")
    /// ```
    /// - Parameter fileExtension: `yaml`, `yml` or `json`.
    /// - Throws: ``TestWorkspaceError`` for a layer that is not a file (`environment`, `schemaDefault`).
    public func writeConfig(
        _ text: String, layer: ConfigLayer, org: String = "demo", env: String = "test", fileExtension: String = "yaml"
    ) throws {
        switch layer {
        case .defaults: try write("config/defaults.\(fileExtension)", text)
        case .org: try write("config/\(org)-config.\(fileExtension)", text)
        case .orgEnv: try write("config/\(org)-\(env)-config.\(fileExtension)", text)
        case .environment, .schemaDefault: throw TestWorkspaceError("the \(layer.name) layer is not a file")
        }
    }

    /// Writes the secrets file `config/{org}-{env}-config-secrets.yaml` (names to values).
    public func writeSecrets(_ secrets: [String: String], org: String = "demo", env: String = "test") throws {
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let lines = secrets.sorted { $0.key < $1.key }.map { "\($0.key): \(quoted($0.value))\n" }
        try write("config/\(org)-\(env)-config-secrets.yaml", lines.joined())
    }

    /// Writes one secret as `folder/{org}-{env}/<name>` (what `--secrets-dir folder` reads) and
    /// returns the folder's URL.
    @discardableResult
    public func writeSecretFile(
        _ value: String, named name: String, org: String = "demo", env: String = "test", in folder: String = "secrets"
    ) throws -> URL {
        try write("\(folder)/\(org)-\(env)/\(name)", value)
        return url(folder)
    }

    /// The run records in `output/`, newest first (see `RunRecordArchive`).
    public var runRecords: [RunRecordArchive.Entry] {
        RunRecordArchive.read(projectRoot: root).records
    }
}
