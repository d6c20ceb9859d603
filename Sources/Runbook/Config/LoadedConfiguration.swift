public import JSONSchema

/// The result of loading one org/env: the effective tree (file + overrides + defaults), the table
/// of where each value came from, and the secrets. Validated against the schema before it exists.
public struct LoadedConfiguration: Sendable {
    /// The organisation.
    public let org: String
    /// The environment.
    public let env: String
    /// The main configuration file, relative to the project root (e.g. `config/demo-test-config.yaml`).
    public let file: String
    /// The effective configuration tree.
    public let root: JSONNode
    /// Where each node came from.
    public let sources: ConfigSources
    /// The secrets (redacted everywhere once loaded).
    public let secrets: SecretStore
    /// The keys that were filled in from schema defaults.
    public let filledDefaults: [JSONPointer]
    /// The configuration files merged, lowest layer first (`config/defaults.yaml`,
    /// `config/acme-config.yaml`, `config/acme-prod-config.yaml`); the last one is `file`.
    public let layerFiles: [String]
    /// Warnings found while loading (a secrets file readable by group or others), one per file;
    /// a run logs them, `validate` and `config` print them.
    public let warnings: [String]

    /// Creates a loaded configuration (the loader and the test harness make these).
    public init(
        org: String, env: String, file: String, root: JSONNode, sources: ConfigSources,
        secrets: SecretStore, filledDefaults: [JSONPointer] = [], layerFiles: [String]? = nil, warnings: [String] = []
    ) {
        self.layerFiles = layerFiles ?? [file]
        self.warnings = warnings
        self.org = org
        self.env = env
        self.file = file
        self.root = root
        self.sources = sources
        self.secrets = secrets
        self.filledDefaults = filledDefaults
    }

    /// The hard-fail proxy scripts read this configuration through.
    public var proxy: ConfigProxy {
        ConfigProxy(root: root, sources: sources, file: file)
    }
}
