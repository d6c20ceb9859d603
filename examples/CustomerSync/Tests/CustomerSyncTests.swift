import CustomerSync
import Foundation
import Runbook
import RunbookTesting
import Testing

@Suite struct CustomerSyncTests {
    static let customers = Data("""
        number,displayName,email,city
        C001,Adatum Corporation,billing@adatum.example,Oslo
        C002,Trey Research,new@trey.example,Stockholm
        C003,Litware Inc.,ap@litware.example,
        
        """.utf8)

    static func customer(_ number: String, _ name: String, _ email: String, _ city: String, etag: Int) -> HTTPTransportResponse {
        .json(200, #"{"@odata.etag":"W/\"\#(etag)\"","number":"\#(number)","displayName":"\#(name)","email":"\#(email)","city":"\#(city)","balance":12.5}"#,
              headers: ["ETag": "W/\"\(etag)\""])
    }

    /// C001 is unchanged, C002 has a new e-mail, C003 does not exist yet.
    func harness() -> ScriptHarness<CustomerSync> {
        var harness = ScriptHarness(CustomerSync.self)
        harness.files["data/customers.csv"] = Self.customers
        harness.http.route(.get, "/customers(C001)", response: Self.customer("C001", "Adatum Corporation", "billing@adatum.example", "Oslo", etag: 1))
        harness.http.route(.get, "/customers(C002)", response: Self.customer("C002", "Trey Research", "old@trey.example", "Stockholm", etag: 4))
        harness.http.route(.get, "/customers(C003)", response: .json(404, #"{"error":{"message":"Customer C003 does not exist"}}"#))
        harness.http.route(.patch, "/customers(C002)", response: .json(200, "{}"))
        harness.http.route(.post, "/customers", response: .json(201, "{}"))
        return harness
    }

    @Test func createsUpdatesAndSkipsUnchangedCustomers() async throws {
        let result = await harness().run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.summary == "✅ All 2 operations successful: 1 created, 1 updated, 1 skipped")
        #expect(result.requests.map { "\($0.method.rawValue) \($0.path)" } == [
            "GET /customers(C001)", "GET /customers(C002)", "PATCH /customers(C002)", "GET /customers(C003)", "POST /customers",
        ])
        let patch = try #require(result.http(.patch, "/customers(C002)").first)
        #expect(patch.header("If-Match") == "W/\"4\"")
        #expect(patch.bodyText == #"{"email":"new@trey.example"}"#)
        #expect(result.http(.post, "/customers").first?.bodyText
            == #"{"number":"C003","displayName":"Litware Inc.","email":"ap@litware.example"}"#)
        let run = try #require(result.results?.runId.short)
        #expect(result.text(ofFile: "output/customer-sync-report_2025-01-25T143045Z_\(run).csv") == """
            line,number,action,detail\r
            2,C001,unchanged,unchanged\r
            3,C002,updated,changed email\r
            4,C003,created,created\r

            """)
        #expect(result.results?.items.skipped == [.init(identifier: "customers/C001", reason: "unchanged")])
    }

    @Test func dryRunReadsButNeverWrites() async throws {
        var harness = harness()
        harness.isDryRun = true
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.summary == "✅ No changes: 0 created, 0 updated, 3 skipped")
        #expect(result.requests.allSatisfy { $0.method == .get })
        #expect(result.text(ofFile: "output/customer-sync-report_")?.contains("3,C002,would-update,dry run: would change email\r\n") == true)
        #expect(result.text(ofFile: "output/customer-sync-report_")?.contains("4,C003,would-create,dry run: would create\r\n") == true)
    }

    @Test func rejectedRowsAreFailedResultsAndTheRunGoesOn() async throws {
        var harness = harness()
        harness.files["data/customers.csv"] = Data("""
            number,displayName,email,city
            C002,Trey Research,new@trey.example,Stockholm
            ,Nameless,x@example.com,Oslo
            C003,Litware Inc.,ap@litware.example,
            C003,Litware Inc.,again@litware.example,

            """.utf8)
        harness.http.route(.patch, "/customers(C002)", response: .json(
            412, #"{"error":{"message":"The ETag W/\"4\" does not match the current version W/\"5\""}}"#))
        let result = await harness.run()
        #expect(result.exitCode == .completedWithFailures)
        #expect(result.summary == "❌ Completed with 3 failures: 1 created, 0 updated, 3 failed")
        #expect(result.results?.items.failed == [
            .init(identifier: "customers/C002", reason: #"PATCH http://api.test/customers(C002) failed with HTTP 412: The ETag W/"4" does not match the current version W/"5""#),
            .init(identifier: "customers/line-3", reason: "line 3 has no number"),
            .init(identifier: "customers/C003", reason: "line 5 repeats number C003 of line 4"),
        ])
        #expect(result.http(.post, "/customers").count == 1)
    }

    @Test func anInvalidScriptSectionIsAConfigurationError() async throws {
        var harness = harness()
        harness.config = ScriptHarness<CustomerSync>.defaultConfig + "scripts:\n  customer-sync:\n    key-field: 1st\n    batch: 5\n"
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
        #expect(result.error?.details == [
            "inline-config.yaml:6:16: scripts.customer-sync.key-field: must match pattern ^[A-Za-z][A-Za-z0-9_]*$",
            "inline-config.yaml:7:5: scripts.customer-sync.batch: unknown key 'batch'",
        ])
        #expect(result.requests.isEmpty)
        #expect(result.files.keys.allSatisfy { $0.hasPrefix("output/demo-test-customer-sync-results_") })
        #expect(result.results?.outcome == .configurationError)
    }

    @Test func anOpenCircuitBreakerStopsTheRunWithAHelpfulError() async throws {
        var harness = harness()
        harness.config = """
            global:
              api-base-url: http://api.test/
            script-behavior:
              retry-strategy: {max-retries: 2, backoff-factor: 2.0}
              jitter: {min-factor: 1.0, max-factor: 1.0}
              circuit-breaker: {enabled: true, failure-threshold: 3, timeout-seconds: 60}

            """
        for number in ["C001", "C002", "C003"] {
            harness.http.route(.get, "/customers(\(number))", response: .json(503, #"{"error":{"message":"maintenance"}}"#))
        }
        let result = await harness.run()
        #expect(result.exitCode == .temporaryFailure)
        #expect(result.error?.problem == "Stopped at customer C002 (line 3) after 1 of 3: Circuit breaker for api.test is open "
            + "for another 60 s after repeated failures (transport errors, timeouts or 5xx)")
        #expect(result.results?.items.failed == [
            .init(identifier: "customers/C001", reason: "GET http://api.test/customers(C001) failed with HTTP 503: maintenance"),
        ])
        #expect(result.http(.get, "/customers(C001)").count == 3)
        #expect(result.http(.get, "/customers(C002)").isEmpty)
        #expect(result.sleeps == [.seconds(1), .seconds(2)])
        #expect(result.text(ofFile: "output/customer-sync-report_") == """
            line,number,action,detail\r
            2,C001,failed,GET http://api.test/customers(C001) failed with HTTP 503: maintenance\r

            """)
    }

    @Test func aMissingKeyColumnIsAHelpfulError() async throws {
        var harness = harness()
        harness.files["data/customers.csv"] = Data("id,displayName\n1,Adatum\n".utf8)
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.problem == "data/customers.csv has no 'number' column (scripts.customer-sync.key-field)")
        #expect(result.error?.solution == "Name the key column 'number' in the header, or set scripts.customer-sync.key-field to one of: id, displayName")
        #expect(result.requests.isEmpty)
    }
}

extension ScriptTestResult {
    /// The recorded requests for `method path`.
    func http(_ method: HTTPRequest.Method, _ path: String) -> [FakeHTTPTransport.RecordedRequest] {
        requests.filter { $0.method == method && $0.path == path }
    }
}
