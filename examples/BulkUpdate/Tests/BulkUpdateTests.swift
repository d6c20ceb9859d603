@testable import BulkUpdate
import Foundation
import Runbook
import RunbookTesting
import Synchronization
import Testing

@Suite struct BulkUpdateTests {
    /// Counts requests in flight at once.
    final class Concurrency: Sendable {
        private let state = Mutex((current: 0, highest: 0))
        var highest: Int { state.withLock { $0.highest } }

        func enter() { state.withLock { $0.current += 1; $0.highest = max($0.highest, $0.current) } }
        func leave() { state.withLock { $0.current -= 1 } }
    }

    static let resilientConfig = """
        global:
          api-base-url: http://api.test/
        script-behavior:
          retry-strategy: {max-retries: 2, backoff-factor: 2.0}
          jitter: {min-factor: 1.0, max-factor: 1.0}

        """

    func harness(count: Int, concurrency: Int, config: String = Self.resilientConfig) -> ScriptHarness<BulkUpdate> {
        var harness = ScriptHarness(BulkUpdate.self)
        harness.config = config
        harness.arguments = ["--count", "\(count)", "--concurrency", "\(concurrency)"]
        for record in PriceUpdate.generate(count: count) {
            harness.http.route(.patch, "/items(\(record.number))", response: .json(200, "{}"))
        }
        return harness
    }

    @Test func updatesEveryRecordWithAtMostNRequestsInFlight() async throws {
        let harness = harness(count: 40, concurrency: 4)
        let inFlight = Concurrency()
        for record in PriceUpdate.generate(count: 40) {
            harness.http.route(.patch, "/items(\(record.number))") { _ in
                inFlight.enter()
                for _ in 0..<20 { await Task.yield() }
                inFlight.leave()
                return .json(200, "{}")
            }
        }
        let result = await harness.run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.summary == "✅ All 40 operations successful: 0 created, 40 updated")
        #expect(result.requests.count == 40)
        #expect((2...4).contains(inFlight.highest))
        let first = try #require(result.requests.first { $0.path == "/items(ITEM-0001)" })
        #expect(first.bodyText == #"{"unitPrice":5.53}"#)
        #expect(first.header("Idempotency-Key") == "bulk-update-ITEM-0001-5.53")
        let progress = result.logLines.compactMap { line in line.range(of: "Updating prices: ").map { String(line[$0.lowerBound...]) } }
        #expect(progress == (1...10).map { "Updating prices: \($0 * 10)% (\($0 * 4)/40)" })
    }

    @Test func survives429And503AndRecordsWhatStillFails() async throws {
        let harness = harness(count: 5, concurrency: 2)
        harness.http.route(.patch, "/items(ITEM-0002)", responses: [.json(429, "{}", headers: ["Retry-After": "7"]), .json(200, "{}")])
        harness.http.route(.patch, "/items(ITEM-0004)", response: .json(503, #"{"error":{"message":"busy"}}"#))
        let result = await harness.run()
        #expect(result.exitCode == .completedWithFailures)
        #expect(result.summary == "❌ Completed with 1 failure: 0 created, 4 updated, 1 failed")
        #expect(result.results?.items.failed == [
            .init(identifier: "items/ITEM-0004", reason: "PATCH http://api.test/items(ITEM-0004) failed with HTTP 503: busy"),
        ])
        #expect(result.requests.filter { $0.path == "/items(ITEM-0002)" }.count == 2)
        #expect(result.requests.filter { $0.path == "/items(ITEM-0004)" }.count == 3)
        #expect(result.sleeps.sorted() == [.seconds(1), .seconds(2), .seconds(7)])
    }

    @Test func theRateLimiterPacesTheRequests() async throws {
        let config = Self.resilientConfig + "  rate-limiting: {enabled: true, calls-per-second: 10, burst-size: 1}\n"
        let result = await harness(count: 20, concurrency: 1, config: config).run()
        #expect(result.exitCode == .success)
        #expect(result.sleeps == Array(repeating: .milliseconds(100), count: 19))
    }

    @Test func anOpenCircuitBreakerStopsTheRun() async throws {
        let config = Self.resilientConfig + "  circuit-breaker: {enabled: true, failure-threshold: 3, timeout-seconds: 60}\n"
        let harness = harness(count: 10, concurrency: 1, config: config)
        for record in PriceUpdate.generate(count: 10) {
            harness.http.route(.patch, "/items(\(record.number))", response: .json(503, "{}"))
        }
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.problem == "Stopped after 1 of 10 records: Circuit breaker for api.test is open for another 60 s "
            + "after repeated failures (transport errors, timeouts or 5xx)")
        #expect(result.requests.count == 3)
        #expect(result.summary == "❌ Failed after 0 operations: 0 created, 0 updated, 1 failed")
    }

    @Test func recordsComeFromACSVAndBadLinesFail() async throws {
        var harness = harness(count: 3, concurrency: 2)
        harness.arguments = ["--input", "prices.csv"]
        harness.files["data/prices.csv"] = Data("number,unitPrice\nITEM-0001,12.50\nITEM-0002,abc\n,3\nITEM-0003,0\n".utf8)
        let result = await harness.run()
        #expect(result.exitCode == .completedWithFailures)
        #expect(result.results?.counts.updated == 2)
        #expect((result.results?.items.failed ?? []).sorted { $0.identifier < $1.identifier } == [
            .init(identifier: "items/ITEM-0002", reason: "line 3: unitPrice 'abc' is not a number ≥ 0"),
            .init(identifier: "items/line-4", reason: "line 4 has no number"),
        ])
        #expect(result.requests.first { $0.path == "/items(ITEM-0001)" }?.bodyText == #"{"unitPrice":12.5}"#)
    }

    @Test func dryRunSendsNothing() async throws {
        var harness = harness(count: 3, concurrency: 2)
        harness.isDryRun = true
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.requests.isEmpty)
        #expect(result.summary == "✅ No changes: 0 created, 0 updated, 3 skipped")
    }

    @Test(arguments: [
        (["--concurrency", "0"], "Invalid options for bulk-update: --concurrency must be between 1 and 64, got 0"),
        (["--count", "0"], "Invalid options for bulk-update: --count must be between 1 and 100000, got 0"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], problem: String) async throws {
        var harness = harness(count: 1, concurrency: 1)
        harness.arguments = arguments
        let result = await harness.run()
        #expect(result.exitCode == .usage)
        #expect(result.error?.problem == problem)
    }

    @Test func aGenerateCountOutOfRangeIsAConfigurationError() async throws {
        var harness = harness(count: 1, concurrency: 1)
        harness.arguments = []
        harness.config = ScriptHarness<BulkUpdate>.defaultConfig + "scripts:\n  bulk-update:\n    generate-count: 0\n"
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
        #expect(result.error?.details == ["inline-config.yaml:6:21: scripts.bulk-update.generate-count: must be ≥ 1, found 0"])
    }
}
