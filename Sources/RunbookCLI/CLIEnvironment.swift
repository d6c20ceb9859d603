public import Foundation
public import Runbook

/// What the commands need from the process: the scripts, the environment variables, the working
/// directory, whether the streams are terminals, and where output goes. The real process uses
/// `CLIEnvironment.process(catalog:)`; tests pass their own and capture the output.
public struct CLIEnvironment: Sendable {
    /// The scripts this executable knows.
    public var catalog: ScriptCatalog
    /// The environment variables.
    public var variables: [String: String]
    /// The current directory (the default project root).
    public var currentDirectory: URL
    /// Whether standard output is a terminal.
    public var stdoutIsTerminal: Bool
    /// Whether standard error is a terminal.
    public var stderrIsTerminal: Bool
    /// Writes to standard output.
    public var writeOut: @Sendable (String) -> Void
    /// Writes to standard error.
    public var writeError: @Sendable (String) -> Void
    /// The run's clock.
    public var clock: any RunbookClock
    /// Whether Ctrl-C (SIGINT) cancels a running script (true for the real process only).
    public var handlesInterrupts: Bool

    /// Creates an environment.
    public init(
        catalog: ScriptCatalog, variables: [String: String], currentDirectory: URL,
        stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false,
        writeOut: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        clock: any RunbookClock = SystemClock(), handlesInterrupts: Bool = false
    ) {
        self.catalog = catalog
        self.variables = variables
        self.currentDirectory = currentDirectory
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.writeOut = writeOut
        self.writeError = writeError
        self.clock = clock
        self.handlesInterrupts = handlesInterrupts
    }

    /// The real process: its environment, working directory and standard streams.
    public static func process(catalog: ScriptCatalog) -> CLIEnvironment {
        CLIEnvironment(
            catalog: catalog,
            variables: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            handlesInterrupts: true
        )
    }

    /// The project root: `--project-root`, else `RUNBOOK_PROJECT_ROOT`, else the current directory.
    func projectRoot(_ option: String?) -> URL {
        if let path = option ?? variables["RUNBOOK_PROJECT_ROOT"] {
            return URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
        }
        return currentDirectory
    }

    /// The renderer for errors on standard error.
    func errorRenderer(json: Bool, registry: SecretRegistry? = nil) -> HelpfulErrorRenderer {
        let style = HelpfulErrorRenderer.style(json: json, isTerminal: stderrIsTerminal, environment: variables)
        guard let registry else { return HelpfulErrorRenderer(style: style) }
        return HelpfulErrorRenderer(style: style, redact: Redactor(secrets: registry).redactSecrets)
    }
}

/// The environment of the command being run (set by `RunbookMain` for the duration of a command).
enum CLIContext {
    @TaskLocal static var current: CLIEnvironment?

    static var environment: CLIEnvironment {
        current ?? .process(catalog: ScriptCatalog([]))
    }
}
