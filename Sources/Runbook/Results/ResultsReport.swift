public import Foundation

/// The machine-readable results of a run: written as `output/{org}-{env}-{script}-results_<UTC>.json`
/// and printed under `--json`. Identifiers and reasons have passed the run's redactor.
public struct ResultsReport: Sendable, Codable, Equatable {
    /// The organisation.
    public var org: String
    /// The environment.
    public var env: String
    /// The script's name.
    public var script: String
    /// When the report was made (UTC).
    public var finishedAt: Date
    /// `true` when nothing failed.
    public var success: Bool
    /// The exit code the results call for (0 or 2).
    public var exitCode: Int32
    /// The one-line summary.
    public var summary: String
    /// Counts per outcome.
    public var counts: ProcessingResults.Counts
    /// Created items.
    public var created: [ProcessingResults.Entry]
    /// Updated items.
    public var updated: [ProcessingResults.Entry]
    /// Skipped items.
    public var skipped: [ProcessingResults.Entry]
    /// Failed items with reasons.
    public var failed: [ProcessingResults.Entry]
    /// Expected, handled errors.
    public var expected: [ProcessingResults.Entry]

    /// The report as one compact JSON line (for `--json` on standard output).
    public func jsonLine() throws -> String {
        String(decoding: try OutputStore.encodeJSON(self, options: JSONOutputOptions(pretty: false), name: "results"),
               as: UTF8.self)
    }
}

extension ProcessingResults {
    /// A report of everything recorded. `redactor` removes secrets from identifiers (known values
    /// only) and reasons (known values and patterns).
    public func report(org: String, env: String, script: String, finishedAt: Date,
                       redactor: Redactor? = nil) -> ResultsReport {
        func clean(_ outcome: Outcome) -> [Entry] {
            entries(outcome).map { entry in
                guard let redactor else { return entry }
                return Entry(identifier: redactor.redactSecrets(entry.identifier), reason: entry.reason.map(redactor.redact))
            }
        }
        let counts = counts
        return ResultsReport(
            org: org, env: env, script: script, finishedAt: finishedAt, success: counts.failed == 0,
            exitCode: (counts.failed > 0 ? ExitCode.completedWithFailures : .success).rawValue,
            summary: ResultsSummary.line(counts), counts: counts,
            created: clean(.created), updated: clean(.updated), skipped: clean(.skipped),
            failed: clean(.failed), expected: clean(.expected))
    }

    /// Writes the report as `output/{org}-{env}-{script}-results_<UTC>.json` (pretty JSON,
    /// atomically) and returns its URL. The time comes from the store's clock.
    @discardableResult
    public func save(to store: OutputStore, org: String, env: String, script: String,
                     redactor: Redactor? = nil) throws -> URL {
        let report = report(org: org, env: env, script: script, finishedAt: store.clock.now(), redactor: redactor)
        return try store.saveJSON(report, to: .output, name: "\(org)-\(env)-\(script)-results.json", timestamped: true)
    }
}
