import ArgumentParser

/// The runner's own options, declared once and shared by `run` and `fleet` (which hands them to
/// every target's `runbook run`): `--dry-run`, `--log-level`, `--log-format`. ArgumentParser parses
/// them; nothing reads them again by hand. `Help` words their help for the command that shows it.
struct RunnerOptions<Help: RunnerOptionsHelp>: ParsableArguments {
    @Flag(name: .long, help: Help.dryRun)
    var dryRun = false

    @Option(name: .long, help: Help.logLevel)
    var logLevel: LogLevelOption?

    @Option(name: .long, help: Help.logFormat)
    var logFormat: LogFormatOption?

    /// The console options of a run, with `--json` from the global options.
    func console(json: Bool) -> ConsoleLogOptions {
        ConsoleLogOptions(level: logLevel?.level, format: logFormat?.format, json: json)
    }

    /// The same options as `runbook run` arguments, for a fleet's targets.
    var arguments: [String] {
        var arguments: [String] = dryRun ? ["--dry-run"] : []
        if let logLevel { arguments += ["--log-level", logLevel.rawValue] }
        if let logFormat { arguments += ["--log-format", logFormat.rawValue] }
        return arguments
    }
}

/// How a command words the help of the runner's options.
protocol RunnerOptionsHelp {
    /// `--dry-run`.
    static var dryRun: ArgumentHelp { get }
    /// `--log-level`.
    static var logLevel: ArgumentHelp { get }
    /// `--log-format`.
    static var logFormat: ArgumentHelp { get }
}

/// `runbook run`: the options of this run.
enum RunOptionsHelp: RunnerOptionsHelp {
    static var dryRun: ArgumentHelp { "Let the script read and report without changing anything." }
    static var logLevel: ArgumentHelp { "Console log level (default: info; the log file always gets debug)." }
    static var logFormat: ArgumentHelp {
        "Console and log file lines as text or JSON (default: script-behavior.log-format, else text)."
    }
}

/// `runbook fleet`: the options every target runs with.
enum FleetOptionsHelp: RunnerOptionsHelp {
    static var dryRun: ArgumentHelp { "Every target runs with --dry-run." }
    static var logLevel: ArgumentHelp { "Every target's console log level." }
    static var logFormat: ArgumentHelp { "Every target's console and log file lines as text or JSON." }
}
