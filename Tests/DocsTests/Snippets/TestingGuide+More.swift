import CustomerSync
import Foundation
import HelloWorld
import Runbook
import RunbookTesting
import Testing

@Suite struct TestingGuideTests {
    @Test func unroutedRequestsMayAnswer404() async throws {
        // docs: docs/testing-a-script.md#2
        var harness = ScriptHarness(CustomerSync.self)
        harness.http.unroutedRequests = .answer404   // every unrouted request: a plain 404, the result unaffected
        harness.files["data/customers.csv"] = Data("number,displayName\nC001,Adatum\n".utf8)
        harness.http.route(.post, "/customers", response: .json(201, "{}"))
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.unmatchedRequests.map(\.path) == ["/customers(C001)"])
        // docs: end
    }

    @Test func todayInATest() async throws {
        // docs: docs/testing-a-script.md#3
        let clock = ManualClock(start: try Date("2025-03-31T08:00:00Z", strategy: .iso8601))
        var harness = ScriptHarness(HelloWorld.self, clock: clock)
        harness.files["data/people.csv"] = Data("name,email,country,active\nAda,ada@example.com,GB,true\n".utf8)
        let result = await harness.run()
        #expect(result.text(ofFile: "output/hello-world-report_2025-03-31T080000Z_") != nil)
        // docs: end
    }

    @Test func resilienceWithoutWaiting() async throws {
        var harness = ScriptHarness(CustomerSync.self)
        harness.files["data/customers.csv"] = Data("number,displayName\nC001,Adatum\nC002,Trey\n".utf8)
        // docs: docs/testing-a-script.md#4
        harness.config = """
            global:
              api-base-url: http://erp.test/api/
            script-behavior:
              retry-strategy: {max-retries: 1}
              circuit-breaker: {enabled: true, failure-threshold: 2}
            """
        harness.http.route(.get, "/api/{customer}", response: .status(503))
        let result = await harness.run()
        #expect(result.exitCode == .temporaryFailure)   // 75: the circuit opened, retry later
        #expect(result.error?.problem.hasPrefix("Stopped at customer C002") == true)
        #expect(result.sleeps.count == 1)      // one backoff before the retry, in no real time
        // docs: end
    }
}
