/// The exit codes of a run. They are part of Runbook's contract: scripts, schedulers and CI
/// pipelines rely on them.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | the script failed |
/// | 2 | finished, but the results recorded failures |
/// | 64 | usage error (bad arguments, bad org/env) |
/// | 78 | configuration error (missing file, invalid document, schema violation, missing secret) |
/// | 130 | interrupted (logs and results flushed first) |
public enum ExitCode: Int32, Sendable, CaseIterable, Codable {
    /// 0: everything worked.
    case success = 0
    /// 1: the script failed.
    case scriptFailed = 1
    /// 2: the run finished, but results recorded failures.
    case completedWithFailures = 2
    /// 64: the command line was wrong.
    case usage = 64
    /// 78: the configuration is missing or invalid.
    case configuration = 78
    /// 130: the run was interrupted.
    case interrupted = 130
}
