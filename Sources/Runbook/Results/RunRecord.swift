public import Foundation

/// The record of one run, written for every outcome as
/// `output/{org}-{env}-{script}-results_<UTC>_<short run id>.json` and printed under `--json`.
/// The console summary, the file and the JSON line are the same value. Identifiers, reasons and
/// the error have passed the run's redactor.
///
/// ```json
/// {"runId": "0194a3b2-5c1e-7a3f-9d2b-4c8e1f0a7b6d", "script": "customer-sync", "org": "acme", "env": "prod",
///  "dryRun": false, "outcome": "interrupted", "exitCode": 130,
///  "summary": "⚠️ Interrupted after 1332 operations: 1300 created, 32 updated",
///  "error": {"problem": "The run was interrupted", …}, "startedAt": "…", "finishedAt": "…",
///  "durationSeconds": 41.2, "counts": {…}, "items": {"created": […], …}}
/// ```
public struct RunRecord: Sendable, Codable, Equatable {
    /// How a run ended: one word per exit code.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// Exit 0: everything worked.
        case succeeded
        /// Exit 2: the run finished, but results recorded failures.
        case completedWithFailures
        /// Exit 1: the script threw (or a file could not be written).
        case failed
        /// Exit 130: the run was cancelled (Ctrl-C).
        case interrupted
        /// Exit 78: the configuration is missing or invalid.
        case configurationError
        /// Exit 64: the script's options were wrong.
        case usageError

        /// The outcome an exit code stands for.
        public init(_ exitCode: ExitCode) {
            switch exitCode {
            case .success: self = .succeeded
            case .completedWithFailures: self = .completedWithFailures
            case .scriptFailed: self = .failed
            case .interrupted: self = .interrupted
            case .configuration: self = .configurationError
            case .usage: self = .usageError
            }
        }
    }

    /// The error that ended a run, as the user saw it (secrets removed).
    public struct Failure: Sendable, Codable, Equatable {
        /// What went wrong.
        public var problem: String
        /// How to fix it.
        public var solution: String
        /// An example of the fix.
        public var example: String?
        /// Where the problem is.
        public var location: ErrorLocation?
        /// Further lines.
        public var details: [String]
        /// The exit code the error carries.
        public var exitCode: Int32

        /// The record of a `HelpfulError` (pass it already redacted).
        public init(_ error: HelpfulError) {
            problem = error.problem
            solution = error.solution
            example = error.example
            location = error.location
            details = error.details
            exitCode = error.exitCode.rawValue
        }
    }

    /// The recorded items, per kind, in recording order.
    public struct Items: Sendable, Codable, Equatable {
        /// Created items.
        public var created: [ProcessingResults.Entry] = []
        /// Updated items.
        public var updated: [ProcessingResults.Entry] = []
        /// Skipped items.
        public var skipped: [ProcessingResults.Entry] = []
        /// Failed items with reasons.
        public var failed: [ProcessingResults.Entry] = []
        /// Expected, handled errors.
        public var expected: [ProcessingResults.Entry] = []

        /// Creates items.
        public init(created: [ProcessingResults.Entry] = [], updated: [ProcessingResults.Entry] = [],
                    skipped: [ProcessingResults.Entry] = [], failed: [ProcessingResults.Entry] = [],
                    expected: [ProcessingResults.Entry] = []) {
            self.created = created
            self.updated = updated
            self.skipped = skipped
            self.failed = failed
            self.expected = expected
        }
    }

    /// The run's unique id (also in the name of every file it wrote).
    public var runId: RunID
    /// The script's name.
    public var script: String
    /// The organisation.
    public var org: String
    /// The environment.
    public var env: String
    /// `--dry-run`.
    public var dryRun: Bool
    /// How the run ended.
    public var outcome: Outcome
    /// The process exit code (0, 1, 2, 64, 78 or 130).
    public var exitCode: Int32
    /// The one-line summary the console showed (see `ResultsSummary`).
    public var summary: String
    /// The error that ended the run, if any.
    public var error: Failure?
    /// When the run started (UTC).
    public var startedAt: Date
    /// When the run ended (UTC).
    public var finishedAt: Date
    /// How long the run took, measured on the run's monotonic clock.
    public var durationSeconds: Double
    /// Counts per kind of item.
    public var counts: ProcessingResults.Counts
    /// The items themselves.
    public var items: Items

    /// Creates a record.
    public init(
        runId: RunID, script: String, org: String, env: String, dryRun: Bool, outcome: Outcome, exitCode: Int32,
        summary: String, error: Failure?, startedAt: Date, finishedAt: Date, durationSeconds: Double,
        counts: ProcessingResults.Counts, items: Items
    ) {
        self.runId = runId
        self.script = script
        self.org = org
        self.env = env
        self.dryRun = dryRun
        self.outcome = outcome
        self.exitCode = exitCode
        self.summary = summary
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationSeconds = durationSeconds
        self.counts = counts
        self.items = items
    }

    /// The record's file name in `output/`: `{org}-{env}-{script}-results_<UTC>_<short run id>.json`,
    /// the UTC time being `startedAt`. An org, env or script name that is not a safe identifier
    /// (the run then ended with 78 or 64) appears as `invalid`.
    public var fileName: String {
        func safe(_ part: String) -> String { ConfigIdentifier.isValid(part) ? part : "invalid" }
        return "\(safe(org))-\(safe(env))-\(safe(script))-results_\(UTCTimestamp.fileName(startedAt))_\(runId.short).json"
    }

    /// The record as one compact JSON line (for `--json` on standard output).
    public func jsonLine() throws -> String {
        String(decoding: try OutputStore.encodeJSON(self, options: JSONOutputOptions(pretty: false), name: "results"),
               as: UTF8.self)
    }
}

/// The former name of `RunRecord`.
public typealias ResultsReport = RunRecord
