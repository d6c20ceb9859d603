/// `RB-RUN-…` (the run itself), `RB-SCR-…` (a script's own errors) and `RB-TST-…` (the test harness).
/// Next free: RB-RUN-009, RB-SCR-002, RB-TST-003.
extension ErrorCode {
    /// RB-RUN-001: The run was interrupted (Ctrl-C, SIGTERM or cancellation).
    public static let runInterrupted = ErrorCode(
        .run, 1, meaning: "The run was interrupted (Ctrl-C, SIGTERM or cancellation)",
        fix: "Run it again when ready; the results recorded so far were saved")
    /// RB-RUN-002: The script failed with an error that is not a HelpfulError.
    public static let runUnexpectedError = ErrorCode(
        .run, 2, meaning: "The script failed with an error that is not a HelpfulError",
        fix: "Run again with `--log-level debug` and read the log; turn the cause into a HelpfulError in the script")
    /// RB-RUN-003: The run's log file cannot be created or written.
    public static let runLoggingUnavailable = ErrorCode(
        .run, 3, meaning: "The run's log file cannot be created or written",
        fix: "Check that the project's `logs/` folder can be created and written")
    /// RB-RUN-004: Services of the run's container resolve each other in a cycle.
    public static let runServiceCycle = ErrorCode(
        .run, 4, meaning: "Services of the run's container resolve each other in a cycle",
        fix: "Break the cycle: pass the shared value in as a parameter instead of resolving it")
    /// RB-RUN-005: No service is registered for a type the run resolves.
    public static let runServiceMissing = ErrorCode(
        .run, 5, meaning: "No service is registered for a type the run resolves",
        fix: "Register it before the script runs (or in the test's overrides)")
    /// RB-RUN-006: Another run of the script for the org/env is still going.
    public static let runLocked = ErrorCode(
        .run, 6, meaning: "Another run of the script for the same org/env is still going",
        fix: "Wait for it to finish and try again (exit 75: retry later), or stop it")
    /// RB-RUN-007: The run lock cannot be taken.
    public static let runLockUnavailable = ErrorCode(
        .run, 7, meaning: "The run lock file cannot be created or locked",
        fix: "Check that the project's `tmp/locks/` folder can be created and written")
    /// RB-RUN-008: The shared rate-limit state cannot be used.
    public static let runSharedRateLimitUnavailable = ErrorCode(
        .run, 8, meaning: "The rate-limit state shared by a fleet's runs cannot be used",
        fix: "Check that `tmp/rate-limits/` can be written by every run, or set `script-behavior.rate-limiting.scope` to run")

    /// RB-SCR-001: the code of every `HelpfulError` a script raises without a code of its own.
    public static let scriptRaised = ErrorCode(
        .script, 1, meaning: "The script reported an error of its own",
        fix: "Follow the error's solution; the script's author chose its text")

    /// RB-TST-001: The test harness cannot find the project (its configuration schema).
    public static let harnessWithoutProject = ErrorCode(
        .testing, 1, meaning: "The test harness cannot find the project (its configuration schema)",
        fix: "Run the tests from the project (`swift test` does), or set `harness.projectRoot`")
    /// RB-TST-002: A test's script sent requests that matched no fake route.
    public static let harnessUnroutedRequests = ErrorCode(
        .testing, 2, meaning: "A test's script sent requests that matched no fake route",
        fix: "Route every request the script sends, or set `harness.http.unroutedRequests = .answer404`")
}
