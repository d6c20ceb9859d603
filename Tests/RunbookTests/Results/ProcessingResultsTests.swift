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

    @Test func savesRedactedReportUnderOutput() throws {
        let project = TemporaryProject()
        let registry = SecretRegistry()
        registry.register("k3y~~>>?")
        let results = ProcessingResults()
        results.created("customers/C-1")
        results.failed("customers/C-2", reason: "HTTP 401 with token k3y~~>>? at /x?api_key=abc")
        let url = try results.save(to: project.store, org: "acme", env: "prod", script: "sync",
                                   redactor: Redactor(secrets: registry))
        #expect(url.lastPathComponent == "acme-prod-sync-results_2025-01-25T143045Z.json")
        #expect(try project.text("output/acme-prod-sync-results_2025-01-25T143045Z.json") == """
            {
              "org": "acme",
              "env": "prod",
              "script": "sync",
              "finishedAt": "2025-01-25T14:30:45Z",
              "success": false,
              "exitCode": 2,
              "summary": "❌ Completed with 1 failure: 1 created, 0 updated, 1 failed",
              "counts": {
                "created": 1,
                "updated": 0,
                "skipped": 0,
                "failed": 1,
                "expected": 0
              },
              "created": [
                {
                  "identifier": "customers/C-1"
                }
              ],
              "updated": [],
              "skipped": [],
              "failed": [
                {
                  "identifier": "customers/C-2",
                  "reason": "HTTP 401 with token [REDACTED] at /x?api_key=[REDACTED]"
                }
              ],
              "expected": []
            }

            """)
        let decoded = try project.store.loadJSON(ResultsReport.self, from: .output, name: url.lastPathComponent)
        #expect(decoded.counts.failed == 1)
    }

    @Test func jsonLineForTheCommandLine() throws {
        let results = ProcessingResults()
        results.updated("x")
        let line = try results.report(org: "a", env: "b", script: "s", finishedAt: Date(timeIntervalSince1970: 0)).jsonLine()
        #expect(line == #"{"org":"a","env":"b","script":"s","finishedAt":"1970-01-01T00:00:00Z","success":true,"exitCode":0,"#
            + #""summary":"✅ 1 operation successful: 0 created, 1 updated","counts":{"created":0,"updated":1,"skipped":0,"#
            + #""failed":0,"expected":0},"created":[],"updated":[{"identifier":"x"}],"skipped":[],"failed":[],"expected":[]}"#)
    }
}
