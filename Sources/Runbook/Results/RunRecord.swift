public import Foundation

/// The record of one run, written for every outcome as
/// `output/{org}-{env}-{script}-results_<UTC>_<short run id>.json` and printed under `--json`.
/// The console summary, the file and the JSON line are the same value. Identifiers, reasons and
/// the error have passed the run's redactor.
///
/// The schema is `schemas/run-record.schema.json`; docs/cli.md ("Run records") lists every field.
///
/// ```json
/// {"runId": "0194a3b2-5c1e-7a3f-9d2b-4c8e1f0a7b6d", "script": "customer-sync", "scriptVersion": "1.2.0",
///  "runbookVersion": "0.1.0", "org": "acme", "env": "prod", "arguments": ["--limit", "10"], "dryRun": false,
///  "host": "batch-01", "user": "ops", "outcome": "interrupted", "exitCode": 130,
///  "summary": "⚠️ Interrupted after 1332 operations: 1300 created, 32 updated",
///  "error": {"problem": "The run was interrupted", …}, "startedAt": "2025-01-25T14:30:45.123Z", "finishedAt": "…",
///  "durationSeconds": 41.2, "counts": {…}, "items": {"created": […], …},
///  "files": [{"path": "output/…csv", "bytes": 5120, "sha256": "…"}], "transactions": [], "logFile": "logs/…log"}
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
        /// Exit 75: a temporary failure (rate limited, circuit open, retries used up): retry later.
        case temporaryFailure

        /// The outcome an exit code stands for.
        public init(_ exitCode: ExitCode) {
            switch exitCode {
            case .success: self = .succeeded
            case .completedWithFailures: self = .completedWithFailures
            case .scriptFailed: self = .failed
            case .interrupted: self = .interrupted
            case .configuration: self = .configurationError
            case .usage: self = .usageError
            case .temporaryFailure: self = .temporaryFailure
            }
        }
    }

    /// The run's unique id (also in the name of every file it wrote).
    public var runId: RunID
    /// The script's name.
    public var script: String
    /// The script's version (`Script.version`, `unversioned` by default).
    public var scriptVersion: String
    /// The version of Runbook that ran it (`RunbookVersion.current`).
    public var runbookVersion: String
    /// The organisation.
    public var org: String
    /// The environment.
    public var env: String
    /// The script's own command-line arguments, each passed through the run's redactor.
    public var arguments: [String]
    /// `--dry-run`.
    public var dryRun: Bool
    /// The host name of the machine (or pod) that ran it.
    public var host: String
    /// The user that ran it.
    public var user: String
    /// How the run ended.
    public var outcome: Outcome
    /// The process exit code (0, 1, 2, 64, 75, 78 or 130).
    public var exitCode: Int32
    /// The one-line summary the console showed (see `ResultsSummary`).
    public var summary: String
    /// The error that ended the run, if any.
    public var error: Failure?
    /// When the run started (UTC; written as ISO 8601 with milliseconds).
    public var startedAt: Date
    /// When the run ended (UTC; written as ISO 8601 with milliseconds).
    public var finishedAt: Date
    /// How long the run took, measured on the run's monotonic clock.
    public var durationSeconds: Double
    /// Counts per kind of item.
    public var counts: ProcessingResults.Counts
    /// The items themselves.
    public var items: Items
    /// The API hosts' measurements (calls, retries, latency percentiles), when the run made a client.
    public var metrics: RunMetrics?
    /// The files the run wrote through its output store, in the order they were put in place
    /// (the record itself and the log file are not among them).
    public var files: [WrittenFile]
    /// The run's output transactions, in the order they ended.
    public var transactions: [Transaction]
    /// The run's log file, relative to the project root (none when the run ended before logging was set up).
    public var logFile: String?

    /// Creates a record.
    public init(
        runId: RunID, script: String, scriptVersion: String = "unversioned", runbookVersion: String = RunbookVersion.current,
        org: String, env: String, arguments: [String] = [], dryRun: Bool, origin: Origin = Origin(host: "", user: ""),
        outcome: Outcome, exitCode: Int32, summary: String, error: Failure?, startedAt: Date, finishedAt: Date,
        durationSeconds: Double, counts: ProcessingResults.Counts, items: Items, metrics: RunMetrics? = nil,
        files: [WrittenFile] = [], transactions: [Transaction] = [], logFile: String? = nil
    ) {
        self.runId = runId
        self.script = script
        self.scriptVersion = scriptVersion
        self.runbookVersion = runbookVersion
        self.org = org
        self.env = env
        self.arguments = arguments
        self.dryRun = dryRun
        self.host = origin.host
        self.user = origin.user
        self.outcome = outcome
        self.exitCode = exitCode
        self.summary = summary
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationSeconds = durationSeconds
        self.counts = counts
        self.items = items
        self.metrics = metrics
        self.files = files
        self.transactions = transactions
        self.logFile = logFile
    }

    /// The record's file name in `output/`: `{org}-{env}-{script}-results_<UTC>_<short run id>.json`,
    /// the UTC time being `startedAt`. An org, env or script name that is not a safe identifier
    /// (the run then ended with 78 or 64) appears as `invalid`.
    public var fileName: String {
        func safe(_ part: String) -> String { ConfigIdentifier.isValid(part) ? part : "invalid" }
        return "\(safe(org))-\(safe(env))-\(safe(script))-results_\(UTCTimestamp.fileName(startedAt))_\(runId.short).json"
    }

    /// Decodes a record; the members added after the first version (versions, arguments, host,
    /// user, files, transactions, log file) may be missing from an older record.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runId = try container.decode(RunID.self, forKey: .runId)
        script = try container.decode(String.self, forKey: .script)
        scriptVersion = try container.decodeIfPresent(String.self, forKey: .scriptVersion) ?? "unversioned"
        runbookVersion = try container.decodeIfPresent(String.self, forKey: .runbookVersion) ?? ""
        org = try container.decode(String.self, forKey: .org)
        env = try container.decode(String.self, forKey: .env)
        arguments = try container.decodeIfPresent([String].self, forKey: .arguments) ?? []
        dryRun = try container.decode(Bool.self, forKey: .dryRun)
        host = try container.decodeIfPresent(String.self, forKey: .host) ?? ""
        user = try container.decodeIfPresent(String.self, forKey: .user) ?? ""
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        exitCode = try container.decode(Int32.self, forKey: .exitCode)
        summary = try container.decode(String.self, forKey: .summary)
        error = try container.decodeIfPresent(Failure.self, forKey: .error)
        startedAt = try Self.decodeDate(container, .startedAt)
        finishedAt = try Self.decodeDate(container, .finishedAt)
        durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
        counts = try container.decode(ProcessingResults.Counts.self, forKey: .counts)
        items = try container.decode(Items.self, forKey: .items)
        metrics = try container.decodeIfPresent(RunMetrics.self, forKey: .metrics)
        files = try container.decodeIfPresent([WrittenFile].self, forKey: .files) ?? []
        transactions = try container.decodeIfPresent([Transaction].self, forKey: .transactions) ?? []
        logFile = try container.decodeIfPresent(String.self, forKey: .logFile)
    }

    /// Encodes the record; the times as `2025-01-25T14:30:45.123Z`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runId, forKey: .runId)
        try container.encode(script, forKey: .script)
        try container.encode(scriptVersion, forKey: .scriptVersion)
        try container.encode(runbookVersion, forKey: .runbookVersion)
        try container.encode(org, forKey: .org)
        try container.encode(env, forKey: .env)
        try container.encode(arguments, forKey: .arguments)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(host, forKey: .host)
        try container.encode(user, forKey: .user)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encode(RecordTimestamp.format(startedAt), forKey: .startedAt)
        try container.encode(RecordTimestamp.format(finishedAt), forKey: .finishedAt)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(counts, forKey: .counts)
        try container.encode(items, forKey: .items)
        try container.encodeIfPresent(metrics, forKey: .metrics)
        try container.encode(files, forKey: .files)
        try container.encode(transactions, forKey: .transactions)
        try container.encodeIfPresent(logFile, forKey: .logFile)
    }

    private enum CodingKeys: String, CodingKey {
        case runId, script, scriptVersion, runbookVersion, org, env, arguments, dryRun, host, user, outcome, exitCode
        case summary, error, startedAt, finishedAt, durationSeconds, counts, items, metrics, files, transactions, logFile
    }

    /// `2025-01-25T14:30:45.123Z` or `2025-01-25T14:30:45Z`.
    private static func decodeDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = RecordTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "'\(text)' is not an ISO 8601 UTC time")
        }
        return date
    }

    /// The record as one compact JSON line (for `--json` on standard output).
    public func jsonLine() throws -> String {
        String(decoding: try OutputStore.encodeJSON(self, options: JSONOutputOptions(pretty: false), name: "results"),
               as: UTF8.self)
    }
}

/// The former name of `RunRecord`.
public typealias ResultsReport = RunRecord
