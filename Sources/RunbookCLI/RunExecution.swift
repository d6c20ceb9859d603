import Dispatch
import Foundation
import Logging
import Runbook
import Synchronization

/// Console options of one `runbook run`.
struct ConsoleLogOptions: Sendable {
    /// `--log-level`, when given.
    var level: Logger.Level?
    /// `--log-format`, when given.
    var format: LogLineFormat?
    /// `--json`.
    var json: Bool
}

/// Runs a request the way the CLI does: console + file logging (and, in a real process, every
/// other logger routed through the same redactor), Ctrl-C cancels the script (exit 130 after the
/// logs and the run record are written), the error printed once (one JSON line under `--json` or
/// JSON log lines, so such a console is JSON throughout), the run record as one JSON line under `--json`.
struct RunExecution {
    let environment: CLIEnvironment
    let console: ConsoleLogOptions

    func execute(_ request: RunRequest) async -> RunOutcome {
        let environment = environment
        let console = console
        // The format the run's logs use (option, else config): JSON lines make the error JSON too.
        let chosenFormat = Mutex(console.format ?? .text)
        let runner = ScriptRunner(clock: environment.clock, makeLogging: { setup in
            let level = console.level ?? (setup.configWantsDebug ? .debug : .info)
            let format = chosenFormat.withLock { $0 = console.format ?? setup.configLogFormat; return $0 }
            let logging = try RunLogging.standard(
                root: setup.projectRoot, org: setup.org, env: setup.env, script: setup.scriptName, runID: setup.runID,
                redactor: setup.redactor, clock: environment.clock, environment: environment.variables,
                consoleLevel: level, format: format, console: CLIConsole(environment: environment))
            if environment.handlesInterrupts {
                // The real process: every logger, including libraries', goes through this run's redactor.
                LoggingSystem.bootstrap { label in logging.makeHandler(label: label) }
            }
            return logging
        })
        let task = Task { await runner.run(request) }
        let interrupts = environment.handlesInterrupts ? [SIGINT, SIGTERM].map { Self.cancel(task, on: $0) } : []
        // Ctrl-C (or SIGTERM: a fleet's timeout, a coordinator that died) cancels the run's task; so
        // does cancelling the caller (an embedding program, a test).
        let outcome = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        for interrupt in interrupts { interrupt.cancel() }
        if let error = outcome.error {
            let json = console.json || chosenFormat.withLock { $0 } == .jsonLines
            environment.writeError(environment.errorRenderer(json: json).render(error))
        }
        // The record the runner saved, not a second one made now.
        if console.json, let line = try? outcome.record?.jsonLine() {
            environment.writeOut(line + "\n")
        }
        return outcome
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
