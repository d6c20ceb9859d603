/// How a run ended.
public struct RunOutcome: Sendable {
    /// The process exit code.
    public var exitCode: ExitCode
    /// The error that stopped the run, if any (already a `HelpfulError`).
    public var error: HelpfulError?
    /// The one-line results summary, when the script recorded results.
    public var summary: String?
    /// The results report (secrets redacted), when the script recorded results.
    public var report: ResultsReport?

    /// Creates an outcome.
    public init(exitCode: ExitCode, error: HelpfulError? = nil, summary: String? = nil, report: ResultsReport? = nil) {
        self.exitCode = exitCode
        self.error = error
        self.summary = summary
        self.report = report
    }
}
