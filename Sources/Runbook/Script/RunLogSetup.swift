/// What a run tells its logger factory once the configuration is loaded: who runs, the secrets to
/// redact, and the configuration (for `script-behavior.debug-mode` and friends).
public struct RunLogSetup: Sendable {
    /// The logger label, `runbook.<script>`.
    public let label: String
    /// The organisation.
    public let org: String
    /// The environment.
    public let env: String
    /// The script's name.
    public let scriptName: String
    /// Every secret value of the run.
    public let secrets: SecretRegistry
    /// The validated configuration.
    public let config: ConfigProxy

    /// Creates a setup.
    public init(label: String, org: String, env: String, scriptName: String, secrets: SecretRegistry, config: ConfigProxy) {
        self.label = label
        self.org = org
        self.env = env
        self.scriptName = scriptName
        self.secrets = secrets
        self.config = config
    }
}
