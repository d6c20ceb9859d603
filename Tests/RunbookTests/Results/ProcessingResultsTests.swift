import Foundation
import Runbook
import RunbookTesting
import Testing

struct ProcessingResultsTests {
    typealias Counts = ProcessingResults.Counts

    static let summaries: [(Counts, String)] = [
        (Counts(created: 5, updated: 7), "✅ All 12 operations successful: 5 created, 7 updated"),
        (Counts(created: 5, updated: 7, failed: 2), "❌ Completed with 2 failures: 5 created, 7 updated, 2 failed"),
        (Counts(failed: 1), "❌ Completed with 1 failure: 0 created, 0 updated, 1 failed"),
        (Counts(created: 1), "✅ 1 operation successful: 1 created, 0 updated"),
        (Counts(), "✅ No changes: 0 created, 0 updated"),
        (Counts(skipped: 4), "✅ No changes: 0 created, 0 updated, 4 skipped"),
        (Counts(created: 140, updated: 5, skipped: 5, expected: 1),
         "✅ All 145 operations successful: 140 created, 5 updated, 5 skipped, 1 expected error handled"),
        (Counts(created: 1, updated: 1, skipped: 1, failed: 3, expected: 2),
         "❌ Completed with 3 failures: 1 created, 1 updated, 3 failed, 1 skipped, 2 expected errors handled"),
    ]

    @Test(arguments: summaries)
    func summaryLine(counts: Counts, expected: String) {
        #expect(ResultsSummary.line(counts) == expected)
    }

    @Test func exitCodeIsTwoWhenAnythingFailed() {
        let results = ProcessingResults()
        results.created("a")
        results.expected("b", reason: "409 duplicate")
        #expect(results.exitCode == .success)
        results.failed("c", reason: "422")
        #expect(results.exitCode == .completedWithFailures)
        #expect(results.exitCode.rawValue == 2)
    }

    @Test func concurrentRecordingLosesNothing() async {
        let results = ProcessingResults()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<400 {
                group.addTask {
                    switch index % 4 {
                    case 0: results.created("c\(index)")
                    case 1: results.updated("u\(index)")
                    case 2: results.skipped("s\(index)")
                    default: results.failed("f\(index)", reason: "boom")
                    }
                }
            }
        }
        #expect(results.counts == Counts(created: 100, updated: 100, skipped: 100, failed: 100))
    }

    @Test func itemsAreRedacted() {
        let registry = SecretRegistry()
        registry.register("k3y~~>>?")
        let results = ProcessingResults()
        results.created("customers/C-1")
        results.failed("customers/k3y~~>>?", reason: "HTTP 401 with token k3y~~>>? at /x?api_key=abc")
        let items = results.items(redactor: Redactor(secrets: registry))
        #expect(items == RunRecord.Items(
            created: [.init(identifier: "customers/C-1")],
            failed: [.init(identifier: "customers/[REDACTED]", reason: "HTTP 401 with token [REDACTED] at /x?api_key=[REDACTED]")]))
    }

    static let outcomeSummaries: [(Counts, RunRecord.Outcome, Bool, String)] = [
        (Counts(created: 1300, updated: 32), .interrupted, true, "⚠️ Interrupted after 1332 operations: 1300 created, 32 updated"),
        (Counts(created: 1, failed: 2, expected: 1), .interrupted, true,
         "⚠️ Interrupted after 1 operation: 1 created, 0 updated, 2 failed, 1 expected error handled"),
        (Counts(), .interrupted, false, "⚠️ Interrupted: the script did not run"),
        (Counts(created: 2, updated: 1, skipped: 3), .failed, true, "❌ Failed after 3 operations: 2 created, 1 updated, 3 skipped"),
        (Counts(), .failed, true, "❌ Failed after 0 operations: 0 created, 0 updated"),
        (Counts(), .configurationError, false, "❌ Configuration error: the script did not run"),
        (Counts(updated: 2), .configurationError, true, "❌ Configuration error after 2 operations: 0 created, 2 updated"),
        (Counts(), .usageError, false, "❌ Usage error: the script did not run"),
        (Counts(created: 5, updated: 7), .succeeded, true, "✅ All 12 operations successful: 5 created, 7 updated"),
        (Counts(created: 5, failed: 1), .completedWithFailures, true, "❌ Completed with 1 failure: 5 created, 0 updated, 1 failed"),
        (Counts(created: 5), .completedWithFailures, true, "❌ Completed with failures after 5 operations: 5 created, 0 updated"),
    ]

    @Test(arguments: outcomeSummaries)
    func summaryLineSaysHowTheRunEnded(counts: Counts, outcome: RunRecord.Outcome, started: Bool, expected: String) {
        #expect(ResultsSummary.line(counts, outcome: outcome, started: started) == expected)
    }

    @Test func everyExitCodeHasItsOutcomeWord() {
        #expect(ExitCode.allCases.map { RunRecord.Outcome($0).rawValue }
            == ["succeeded", "failed", "completedWithFailures", "usageError", "temporaryFailure", "configurationError", "interrupted"])
    }
}
