public import Foundation
public import Logging

/// One run of a script, as the runner builds it once and hands it whole to the parts that need
/// it (the lock, logging setup, the script's context, the run record): who runs (script, org,
/// env), where (project root), as what (run id, dry run, when it started), with what (clock,
/// secret registry, redactor, logger, console).
///
/// The runner makes it when the run starts; `redactor` and `logger` are replaced once the
/// configuration has loaded the secrets and the run's logging exists (`withLogging`).
package struct Run: Sendable {
    /// The script type.
    package let script: any Script.Type
    /// The organisation.
    package let org: String
    /// The environment.
    package let env: String
    /// The project root.
    package let projectRoot: URL
    /// The run's id.
    package let id: RunID
    /// `--dry-run`.
    package let isDryRun: Bool
    /// The run's clock.
    package let clock: any RunbookClock
    /// When the run started (wall clock), read once.
    package let startedAt: Date
    /// When the run started (monotonic clock), read once: its duration is measured from here.
    package let startedMonotonic: Duration
    /// Every secret value of the run, registered as it is loaded or obtained.
    package let secrets: SecretRegistry
    /// The run's redactor: its secrets (and, once prepared, the project's patterns).
    package private(set) var redactor: Redactor
    /// The run's logger: discards everything until the run's logging exists.
    package private(set) var logger: Logger
    /// The run's console (log lines, progress bars).
    package let console: any ConsoleOutput

    /// A run of `request` starting now on `clock`.
    package init(_ request: RunRequest, clock: any RunbookClock, console: any ConsoleOutput) {
        let now = clock.now()
        script = request.script
        org = request.org
        env = request.env
        projectRoot = request.projectRoot
        id = request.runID ?? RunID.generate(at: now)
        isDryRun = request.isDryRun
        self.clock = clock
        startedAt = now
        startedMonotonic = clock.monotonicNow()
        secrets = SecretRegistry()
        redactor = Redactor(secrets: secrets)
        logger = Logger(label: "runbook.\(request.script.name)") { _ in SwiftLogNoOpLogHandler() }
        self.console = console
    }

    /// The logger label of the run, `runbook.<script>`.
    package var label: String { "runbook.\(script.name)" }

    /// This run once its logging exists: `redactor` for its lines and errors, `logger` for its messages.
    package func withLogging(redactor: Redactor, logger: Logger) -> Run {
        var copy = self
        copy.redactor = redactor
        copy.logger = logger
        return copy
    }
}
