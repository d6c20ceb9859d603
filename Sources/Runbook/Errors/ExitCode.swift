/// The exit codes of a run. They are part of Runbook's contract: scripts, schedulers and CI
/// pipelines rely on them.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | the script failed |
/// | 2 | finished, but the results recorded failures |
/// | 64 | usage error (bad arguments, bad org/env) |
/// | 75 | temporary failure: rate limited, circuit open, or retries used up on 5xx/timeouts/transport errors (retry later) |
/// | 78 | configuration error (missing file, invalid document, schema violation, missing secret) |
/// | 130 | interrupted (logs and results flushed first) |
///
/// A fleet (`runbook fleet`) ends with one code for all its targets: 0 every target succeeded;
/// 2 some completed with failures and none failed; 1 some failed; 75 the only failures were
/// temporary (every failed target exited 75); 130 interrupted; 64/78 the fleet itself was refused
/// (bad targets file, unknown option, a target without a configuration) before anything ran.
public enum ExitCode: Int32, Sendable, CaseIterable, Codable {
    /// 0: everything worked.
    case success = 0
    /// 1: the script failed.
    case scriptFailed = 1
    /// 2: the run finished, but results recorded failures.
    case completedWithFailures = 2
    /// 64: the command line was wrong.
    case usage = 64
    /// 75: a temporary failure — rate limited (429 after the retries), circuit breaker open, or the
    /// retries used up on 5xx, timeouts or transport errors. Retrying later may well succeed.
    case temporaryFailure = 75
    /// 78: the configuration is missing or invalid.
    case configuration = 78
    /// 130: the run was interrupted.
    case interrupted = 130
}
