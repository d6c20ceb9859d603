public import Logging

/// How a run sets up its standard logging (the console plus a DEBUG file in `logs/`), as the
/// runner's flags give it: the runner builds the logging itself from these values once the
/// configuration is known, so no caller has to.
///
/// ```swift
/// let options = RunLogOptions(level: .debug, format: .jsonLines, console: FileDescriptorConsole.standardError)
/// let runner = ScriptRunner(logOptions: options)
/// ```
public struct RunLogOptions: Sendable {
    /// `--log-level`: wins over `script-behavior.debug-mode` / `verbose-logging`; nil when not given.
    public var level: Logger.Level?
    /// `--log-format`: wins over `script-behavior.log-format`; nil when not given.
    public var format: LogLineFormat?
    /// The run's console: log lines and progress bars go here.
    public var console: any ConsoleOutput
    /// The variables that decide colour on the console (`NO_COLOR`, `TERM`).
    public var environment: [String: String]

    /// Creates options; by default the configuration decides level and format, on standard error, uncoloured by no variable.
    public init(
        level: Logger.Level? = nil, format: LogLineFormat? = nil,
        console: any ConsoleOutput = FileDescriptorConsole.standardError, environment: [String: String] = [:]
    ) {
        self.level = level
        self.format = format
        self.console = console
        self.environment = environment
    }
}
