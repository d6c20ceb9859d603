import Foundation
import RunbookTesting
import Runbook

/// A fleet of six targets for the report tests: two succeeded (one with two API hosts in its run
/// record), one completed with failures, one failed with `<script>` in its problem text, one
/// configuration error, one temporary failure (429s, its host in its run record).
enum FleetReportFixture {
    static let start = Date(timeIntervalSince1970: 1_796_223_600)  // 2026-12-02T15:00:00Z
    static let hostileProblem = #"The API said <script>alert("x")</script> & refused customer "C-1""#

    static func id(_ n: UInt64) -> RunID { RunID(high: 0x0192_F0C1_7B3A_7000 | n, low: 0x8E5F_0123_4567_89AB) }

    /// Writes `output/fleet_….json` and the run records it names; returns the fleet record's path
    /// relative to the project root.
    @discardableResult
    static func write(in project: TestWorkspace) throws -> String {
        func failure(_ code: String, _ problem: String, _ solution: String, _ exit: ExitCode, location: ErrorLocation? = nil, example: String? = nil) -> RunRecord.Failure {
            var error = HelpfulError(code: ErrorCode.named(code) ?? .scriptRaised, problem: problem, solution: solution,
                                     example: example, location: location, exitCode: exit)
            error.details = []
            return RunRecord.Failure(error)
        }
        var api = HostMetrics(host: "api.acme.example")
        api.calls = 120; api.retries = 2; api.retriesByReason = ["503": 2]; api.rateLimitWaitSeconds = 3.5
        api.callLatency = LatencySummary(count: 120, p50Seconds: 0.042, p95Seconds: 0.180, p99Seconds: 0.3, maxSeconds: 1.25)
        var login = HostMetrics(host: "login.example:8443")
        login.calls = 1; login.tokenFetches = 1
        login.callLatency = LatencySummary(count: 1, p50Seconds: 0.2, p95Seconds: 0.2, p99Seconds: 0.2, maxSeconds: 0.2)
        var throttled = HostMetrics(host: "api.stark.example")
        throttled.calls = 14; throttled.failedCalls = 1; throttled.retries = 5; throttled.throttled = 6; throttled.rateLimitWaitSeconds = 12
        throttled.callLatency = LatencySummary(count: 14, p50Seconds: 0.09, p95Seconds: 2.5, p99Seconds: 4, maxSeconds: 4)

        let counts = ProcessingResults.Counts(created: 40, updated: 80, skipped: 3, failed: 0, expected: 0)
        var entries: [FleetRecord.Entry] = [
            .init(index: 0, org: "acme", env: "prod", arguments: ["--limit", "10"], status: .finished, runId: id(1), outcome: .succeeded,
                  exitCode: 0, durationSeconds: 12.4, attempts: 1, counts: counts, recordPath: "output/acme-prod/run-1.json"),
            .init(index: 1, org: "globex", env: "test", status: .finished, runId: id(2), outcome: .succeeded, exitCode: 0,
                  durationSeconds: 3.1, attempts: 1, counts: counts, recordPath: "output/globex-test/missing.json"),
            .init(index: 2, org: "initech", env: "prod", status: .finished, runId: id(3), outcome: .completedWithFailures, exitCode: 2,
                  durationSeconds: 8.0, attempts: 1,
                  counts: ProcessingResults.Counts(created: 10, updated: 5, skipped: 0, failed: 2, expected: 0)),
            .init(index: 3, org: "umbrella", env: "prod", status: .finished, runId: id(4), outcome: .failed, exitCode: 1,
                  durationSeconds: 1.9, attempts: 1,
                  error: failure("RB-HTTP-004", hostileProblem, "Check the customer's data in the ERP", .scriptFailed,
                                 example: "runbook show 0192f0c1")),
            .init(index: 4, org: "hooli", env: "prod", status: .finished, runId: id(5), outcome: .configurationError, exitCode: 78,
                  durationSeconds: 0.2, attempts: 1,
                  error: failure("RB-CFG-003", "script-behavior.retry-strategy.max-retries must be at most 10 (found 50)",
                                 "Use a value from 0 to 10", .configuration,
                                 location: .file("config/hooli-prod-config.yaml", line: 14, column: 18))),
            .init(index: 5, org: "stark", env: "test", status: .finished, runId: id(6), outcome: .temporaryFailure, exitCode: 75,
                  durationSeconds: 64.0, attempts: 3, recordPath: "output/stark-test/run-6.json",
                  error: failure("RB-HTTP-007", "GET https://api.stark.example/v2/customers gave up: 429 Too Many Requests after 5 retries",
                                 "Try again later, or lower script-behavior.rate-limiting.calls-per-second", .temporaryFailure)),
        ]
        entries[1].counts = counts
        let record = FleetRecord(
            fleetId: id(0), script: "customer-sync", host: "batch-01", user: "ops", coordinatorPid: 4242, startedAt: start,
            finishedAt: start.addingTimeInterval(71.25), state: .finished, exitCode: 1, maxParallel: 3, targets: entries)
        try project.write("output/acme-prod/run-1.json", runRecord(entries[0], hosts: [api, login]))
        try project.write("output/stark-test/run-6.json", runRecord(entries[5], hosts: [throttled]))
        let path = "output/\(record.fileName)"
        try project.write(path, try record.jsonData())
        return path
    }

    static func runRecord(_ entry: FleetRecord.Entry, hosts: [HostMetrics]) throws -> String {
        let outcome = entry.outcome ?? .succeeded
        let record = RunRecord(
            runId: entry.runId ?? id(99), script: "customer-sync", org: entry.org, env: entry.env, dryRun: false, outcome: outcome,
            exitCode: entry.exitCode ?? 0, summary: "summary", error: entry.error, startedAt: start,
            finishedAt: start.addingTimeInterval(entry.durationSeconds ?? 0), durationSeconds: entry.durationSeconds ?? 0,
            counts: entry.counts ?? ProcessingResults.Counts(), items: RunRecord.Items(), metrics: RunMetrics(hosts: hosts))
        return try record.jsonLine()
    }
}
