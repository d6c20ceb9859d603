import Dispatch
import Foundation
import Logging
import Runbook

/// Console options of one `runbook run`.
struct ConsoleLogOptions: Sendable {
    /// `--log-level`, when given.
    var level: Logger.Level?
    /// `--json`.
    var json: Bool
}

/// Runs a request the way the CLI does: builds the logger, lets Ctrl-C cancel the script (exit 130
/// after flushing), prints the error once and the summary, and returns the outcome.
struct RunExecution {
    let environment: CLIEnvironment
    let console: ConsoleLogOptions

    func execute(_ request: RunRequest) async -> RunOutcome {
        let runner = ScriptRunner(
            clock: environment.clock,
            makeLogger: { setup in
                Logger(label: setup.label) { label in
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = console.level ?? .info
                    return handler
                }
            })
        let task = Task { await runner.run(request) }
        let interrupt = environment.handlesInterrupts ? Self.cancelOnInterrupt(task) : nil
        let outcome = await task.value
        interrupt?.cancel()
        if let error = outcome.error {
            environment.writeError(environment.errorRenderer(json: console.json).render(error))
        }
        if let summary = outcome.summary {
            environment.writeOut(summary + "\n")
        }
        return outcome
    }

    /// Ignores the default SIGINT action and cancels `task` instead.
    private static func cancelOnInterrupt(_ task: Task<RunOutcome, Never>) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        return source
    }
}
