import Runbook

/// The error that ended a run, thrown by `run` (and a pod's run) for `RunbookMain` to show once:
/// as JSON when `--json` was given or the run's log lines were JSON.
struct RunFailure: Error {
    /// The run's error (secrets already removed by the runner).
    let error: HelpfulError
    /// Whether to show it as JSON even without `--json` on the command line.
    let asJSON: Bool
}
