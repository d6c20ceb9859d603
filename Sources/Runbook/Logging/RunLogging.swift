public import Foundation
public import Logging

/// A run's logging: one redactor, one clock, a set of sinks (console, file, capture), from which
/// every `Logger` of the run is made. The library never bootstraps swift-log itself.
///
/// ```swift
/// // In the CLI executable, once per process:
/// let logging = try RunLogging.standard(root: root, org: "acme", env: "prod", script: "customer-sync",
///                                       runID: runID, redactor: redactor, clock: SystemClock(), environment: env)
/// LoggingSystem.bootstrap { label in logging.makeHandler(label: label) }
///
/// // In-process (tests, embedding): no bootstrap needed.
/// let captured = CapturedLogLines()
/// let logger = RunLogging(redactor: redactor, clock: clock, sinks: [captured]).makeLogger(label: "runbook")
/// ```
public struct RunLogging: Sendable {
    /// Metadata key marking a message as rendered `HelpfulError` text: only known secret values are
    /// removed from it, never pattern matches (`logger.error("\(text)", metadata: RunLogging.verbatim)`).
    public static let verbatimMetadataKey = "runbook.verbatim"
    /// Metadata carrying `verbatimMetadataKey`.
    public static let verbatim: Logger.Metadata = [verbatimMetadataKey: "true"]

    let pipeline: LogPipeline
    /// The sinks records go to.
    public var sinks: [any LogSink] { pipeline.sinks }
    /// The redactor applied to every record.
    public var redactor: Redactor { pipeline.redactor }
    private let metadataProvider: Logger.MetadataProvider?

    /// Creates a run's logging from a redactor, a clock and sinks.
    public init(redactor: Redactor, clock: any RunbookClock, sinks: [any LogSink],
                metadataProvider: Logger.MetadataProvider? = nil) {
        self.pipeline = LogPipeline(redactor: redactor, clock: clock, sinks: sinks)
        self.metadataProvider = metadataProvider
    }

    /// The lowest level any sink writes: loggers are set to it, so nothing is formatted in vain.
    public var lowestLevel: Logger.Level {
        sinks.map(\.minimumLevel).min() ?? .critical
    }

    /// A handler for `LoggingSystem.bootstrap`.
    public func makeHandler(label: String) -> RedactingLogHandler {
        RedactingLogHandler(label: label, logLevel: lowestLevel, pipeline: pipeline, metadataProvider: metadataProvider)
    }

    /// A redacting logger, without touching the process-wide logging system.
    public func makeLogger(label: String) -> Logger {
        Logger(label: label) { label in makeHandler(label: label) }
    }

    /// Flushes every sink.
    public func flush() {
        for sink in sinks { sink.flush() }
    }

    /// The console level from the run's flags: an explicit `--log-level` wins; otherwise
    /// `script-behavior.debug-mode` or `verbose-logging` (booleans, default false) mean `.debug`;
    /// otherwise `.info`.
    public static func consoleLevel(flag: Logger.Level?, debugMode: Bool = false, verboseLogging: Bool = false) -> Logger.Level {
        if let flag { return flag }
        return debugMode || verboseLogging ? .debug : .info
    }

    /// `{org}-{env}-{script}_YYYY-MM-DDTHHMMSSZ_<short run id>.log`: one file per run, never shared.
    public static func logFileName(org: String, env: String, script: String, date: Date, runID: RunID) -> String {
        "\(org)-\(env)-\(script)_\(UTCTimestamp.fileName(date))_\(runID.short).log"
    }

    /// The standard setup of `run` (see below), on the run's console, with the run's redactor
    /// and clock, at `level` in `format`; `options` give the colour variables.
    package static func standard(
        _ run: Run, level: Logger.Level, format: LogLineFormat, options: RunLogOptions
    ) throws -> RunLogging {
        try standard(
            root: run.projectRoot, org: run.org, env: run.env, script: run.script.name, runID: run.id,
            redactor: run.redactor, clock: run.clock, environment: options.environment,
            consoleLevel: level, format: format, console: run.console)
    }

    /// The standard setup: console (INFO by default, coloured only on a terminal without
    /// `NO_COLOR`) plus a DEBUG file `logs/{org}-{env}-{script}_<UTC>_<short run id>.log` under `root`,
    /// both in `format`, both stamping every line with the run's id (and, in JSON, org, env, script).
    ///
    /// - Parameters:
    ///   - consoleLevel: `--log-level`; `script-behavior.debug-mode` / `verbose-logging` map to `.debug`.
    ///   - format: `.text` or `.jsonLines` (`--log-format`, `script-behavior.log-format`), console and file alike.
    public static func standard(
        root: URL, org: String, env: String, script: String, runID: RunID, redactor: Redactor, clock: any RunbookClock,
        environment: [String: String], consoleLevel: Logger.Level = .info, format: LogLineFormat = .text,
        console: any ConsoleOutput = FileDescriptorConsole.standardError
    ) throws -> RunLogging {
        let run = RunLogFields(runID: runID, org: org, env: env, script: script)
        let name = logFileName(org: org, env: env, script: script, date: clock.now(), runID: runID)
        let file = try FileLogSink(
            url: root.appendingPathComponent(OutputFolder.logs.rawValue).appendingPathComponent(name),
            minimumLevel: min(.debug, consoleLevel), format: format, run: run)
        let colour = ConsoleColourPolicy.useColour(environment: environment, isTerminal: console.isTerminal)
        let consoleSink = ConsoleLogSink(minimumLevel: consoleLevel, output: console, colour: colour, format: format, run: run)
        return RunLogging(redactor: redactor, clock: clock, sinks: [consoleSink, file])
    }
}
