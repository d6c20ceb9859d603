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

    /// True when the configuration asks for debug output on the console
    /// (`script-behavior.debug-mode` or `verbose-logging`).
    public var configWantsDebug: Bool {
        ((try? config.optional(Bool.self, "script-behavior", "debug-mode")) ?? nil) == true
            || ((try? config.optional(Bool.self, "script-behavior", "verbose-logging")) ?? nil) == true
    }

    /// The log line format the configuration asks for (`script-behavior.log-format`, `text` or
    /// `json`; the schema checked it), `.text` when unset. `--log-format` wins over it.
    public var configLogFormat: LogLineFormat {
        ((try? config.optional(String.self, "script-behavior", "log-format")) ?? nil)
            .flatMap(LogLineFormat.init(rawValue:)) ?? .text
    }
}
