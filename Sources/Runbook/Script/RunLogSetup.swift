public import Foundation

/// What a run tells its logging factory once the configuration is loaded: who runs, where, the
/// redactor built from the run's secrets and patterns, the run id (for the log file's name), and
/// the configuration (for `script-behavior.debug-mode` / `verbose-logging` / `log-format`).
public struct RunLogSetup: Sendable {
    /// The run's id.
    public let runID: RunID
    /// The logger label, `runbook.<script>`.
    public let label: String
    /// The organisation.
    public let org: String
    /// The environment.
    public let env: String
    /// The script's name.
    public let scriptName: String
    /// The project root (logs go to `logs/` below it).
    public let projectRoot: URL
    /// The run's redactor.
    public let redactor: Redactor
    /// The validated configuration.
    public let config: ConfigProxy

    /// Creates a setup.
    public init(
        runID: RunID, label: String, org: String, env: String, scriptName: String, projectRoot: URL,
        redactor: Redactor, config: ConfigProxy
    ) {
        self.runID = runID
        self.label = label
        self.org = org
        self.env = env
        self.scriptName = scriptName
        self.projectRoot = projectRoot
        self.redactor = redactor
        self.config = config
    }

    /// The setup of `run` (after its secrets are loaded: its redactor) with its configuration.
    package init(_ run: Run, config: ConfigProxy) {
        self.init(
            runID: run.id, label: run.label, org: run.org, env: run.env, scriptName: run.script.name,
            projectRoot: run.projectRoot, redactor: run.redactor, config: config)
    }

    /// True when the configuration asks for debug output on the console
    /// (`script-behavior.debug-mode` or `verbose-logging`). A value that is not a boolean throws
    /// the configuration's wrong-type error rather than counting as false.
    public var configWantsDebug: Bool {
        get throws(HelpfulError) { try RunConsoleSettings(config: config).wantsDebug }
    }

    /// The log line format the configuration asks for (`script-behavior.log-format`, `text` or
    /// `json`; the schema checked it), `.text` when unset. `--log-format` wins over it. A value of
    /// the wrong type throws.
    public var configLogFormat: LogLineFormat {
        get throws(HelpfulError) { try RunConsoleSettings(config: config).logFormat }
    }
}
