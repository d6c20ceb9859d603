public import Foundation

/// The configuration checks of `runbook run`, in one place, so that `runbook validate` and
/// `runbook config` report exactly what a run would, with the same messages:
///
/// 1. org/env, the layers (`config/defaults.*`, `config/{org}-config.*`, `config/{org}-{env}-config.*`)
///    merged, `RUNBOOK__…` overrides, schema defaults and validation against the main schema plus each
///    script's own fragment for `scripts.<name>` (`ConfigLoader`), then the secrets (file, secrets
///    folder, `_FILE` and plain variables);
/// 2. the HTTP settings' types (`HTTPConfiguration`), which every run decodes before the script starts;
/// 3. with `checkClients`, what the API clients check when a script first uses one: the base URL and
///    OAuth completeness (`client-id`, `oauth-scope`, `tenant-id` or `token-url`, and the
///    `client-secret` secret, unless an `az-token` secret is set).
///
/// A run uses its own script's fragment (`scripts: [MyScript.self]`); `runbook validate` uses every
/// script the executable knows.
///
/// ```swift
/// let check = RunConfigurationCheck(projectRoot: root, environment: ProcessInfo.processInfo.environment)
/// let loaded = try check.load(org: "acme", env: "prod", scripts: catalog.scripts, registry: SecretRegistry())
/// ```
public struct RunConfigurationCheck: Sendable {
    /// The project root (holds `config/` and `schemas/`).
    public let projectRoot: URL
    /// The process environment (overrides and secret variables).
    public let environment: [String: String]

    /// Creates a check.
    public init(projectRoot: URL, environment: [String: String]) {
        self.projectRoot = projectRoot
        self.environment = environment
    }

    /// Loads and validates `org`/`env` as a run of any of `scripts` would; with `checkClients`, also
    /// checks every API client's settings. Every failure is a `HelpfulError` with exit code 78.
    public func load(
        org: String, env: String, scripts: [any Script.Type], registry: SecretRegistry, checkClients: Bool = false
    ) throws(HelpfulError) -> LoadedConfiguration {
        let schemas = try ConfigSchemaSet(projectRoot: projectRoot, scripts: scripts)
        let loaded = try ConfigLoader(projectRoot: projectRoot, environment: environment)
            .load(org: org, env: env, schemas: schemas, registry: registry)
        let http = try HTTPConfiguration(loaded.proxy)
        if checkClients { try http.checkClients(secrets: loaded.secrets.byName, environment: environment) }
        return loaded
    }
}
