import ArgumentParser
import Dispatch
import Foundation
import Logging
import Runbook

/// Console options of one `runbook run`.
struct ConsoleLogOptions: Sendable {
    /// `--log-level`, when given.
    var level: Logger.Level?
    /// `--log-format`, when given.
    var format: LogLineFormat?
    /// `--json`.
    var json: Bool
}

/// Runs a request the way the CLI does: console + file logging built by the runner from the flags
/// (and, in a real process, every other logger routed through the same redactor), Ctrl-C cancels
/// the script (exit 130 after the logs and the run record are written), the run record as one
/// JSON line under `--json`. The error is not shown here: the caller throws it (`RunFailure`) and
/// `RunbookMain` shows it once.
struct RunExecution {
    let environment: CLIEnvironment
    let console: ConsoleLogOptions

    func execute(_ request: RunRequest) async -> RunOutcome {
        let environment = environment
        let options = RunLogOptions(
            level: console.level, format: console.format, console: CLIConsole(environment: environment),
            environment: environment.variables)
        let runner = ScriptRunner(clock: environment.clock, logOptions: options, loggingStarted: { logging in
            if environment.handlesInterrupts {
                // The real process: every logger, including libraries', goes through this run's redactor.
                LoggingSystem.bootstrap { label in logging.makeHandler(label: label) }
            }
        })
        let task = Task { await runner.run(request) }
        let interrupts = environment.handlesInterrupts ? [SIGINT, SIGTERM].map { Self.cancel(task, on: $0) } : []
        // Ctrl-C (or SIGTERM: a fleet's timeout, a coordinator that died) cancels the run's task; so
        // does cancelling the caller (an embedding program, a test).
        let outcome = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        for interrupt in interrupts { interrupt.cancel() }
        // The record the runner saved, not a second one made now.
        if console.json, let line = try? outcome.record?.jsonLine() {
            environment.writeOut(line + "\n")
        }
        return outcome
    }

    /// Throws how `outcome` ended unless it succeeded: its error as a `RunFailure` (JSON under
    /// `--json` or when the run's log lines were JSON, so such a console is JSON throughout), else
    /// its exit code.
    static func check(_ outcome: RunOutcome, console: ConsoleLogOptions) throws {
        if let error = outcome.error {
            let format = outcome.logFormat ?? console.format ?? .text
            throw RunFailure(error: error, asJSON: console.json || format == .jsonLines)
        }
        guard outcome.exitCode == .success else { throw ArgumentParser.ExitCode(outcome.exitCode.rawValue) }
    }

    /// Ignores the default action of `number` (SIGINT, SIGTERM) and cancels `task` instead.
    private static func cancel(_ task: Task<RunOutcome, Never>, on number: Int32) -> any DispatchSourceSignal {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        return source
    }
}

/// The console log output of the CLI: standard error of the CLI environment.
struct CLIConsole: ConsoleOutput {
    let environment: CLIEnvironment

    var isTerminal: Bool { environment.stderrIsTerminal }

    func write(_ text: String) {
        environment.writeError(text)
    }
}
