public import Foundation

/// How a run ended.
public struct RunOutcome: Sendable {
    /// The process exit code.
    public var exitCode: ExitCode
    /// The error that stopped the run, if any (already a `HelpfulError`, secrets removed).
    public var error: HelpfulError?
    /// The run record (the runner makes one for every outcome; the console summary, the record
    /// file and the `--json` line are this value).
    public var record: RunRecord?
    /// Where the record was saved, when it could be.
    public var recordFile: URL?
    /// The format the run's log lines used (`--log-format`, else `script-behavior.log-format`);
    /// nil when the run stopped before its configuration was read. JSON lines make the error JSON too.
    package var logFormat: LogLineFormat?

    /// Creates an outcome.
    public init(exitCode: ExitCode, error: HelpfulError? = nil, record: RunRecord? = nil, recordFile: URL? = nil) {
        self.exitCode = exitCode
        self.error = error
        self.record = record
        self.recordFile = recordFile
    }

    /// The run's id, when a record was made.
    public var runID: RunID? { record?.runId }

    /// The one-line summary of the record (see `ResultsSummary`).
    public var summary: String? { record?.summary }

    /// The record (its former name).
    public var report: RunRecord? { record }
}
