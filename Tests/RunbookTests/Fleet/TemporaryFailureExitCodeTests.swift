import Foundation
import Runbook
import RunbookTesting
import Testing

/// Exit code 75: a run that stopped on a rate limit, an open circuit breaker, or retries used up on
/// 5xx / timeouts / transport errors ends with 75 and outcome `temporaryFailure` (fake HTTP routes,
/// a manual clock); other HTTP failures stay 1.
@Suite struct TemporaryFailureExitCodeTests {
    /// Calls one endpoint `calls` times (the breaker opens on the way when it is enabled).
    struct Caller: Script {
        static let name = "caller"
        static let summary = "calls GET /items"
        @Option var calls = 1
        @Flag var swallowHTTPErrors = false
        init() {}
        func run(_ context: ScriptContext) async throws {
            let client = try context.restClient()
            for _ in 0..<calls {
                do {
                    _ = try await client.get("items")
                } catch let error as HTTPRequestError where swallowHTTPErrors {
                    context.results.failed("items", reason: error.helpfulError.problem)
                }
            }
        }
    }

    static let config = """
        global:
          api-base-url: http://api.test/
        script-behavior:
          retry-strategy: { max-retries: 2, backoff-factor: 1.0 }
          circuit-breaker: { enabled: false }

        """

    static let failures: [(name: String, response: HTTPTransportResponse?, error: HTTPTransportError?, exitCode: ExitCode)] = [
        ("429 after the retries", .json(429, "{}"), nil, .temporaryFailure),
        ("503 after the retries", .json(503, "{}"), nil, .temporaryFailure),
        ("502 after the retries", .json(502, "{}"), nil, .temporaryFailure),
        ("timeouts", nil, HTTPTransportError(.timedOut, "no answer"), .temporaryFailure),
        ("connection refused", nil, HTTPTransportError(.connectionFailed, "connection refused"), .temporaryFailure),
        ("a refused certificate", nil, HTTPTransportError(.tlsFailed, "certificate expired"), .scriptFailed),
        ("404", .json(404, "{}"), nil, .scriptFailed),
        ("400", .json(400, "{}"), nil, .scriptFailed),
    ]

    @Test(arguments: failures)
    func exitCodeOf(_ failure: (name: String, response: HTTPTransportResponse?, error: HTTPTransportError?, exitCode: ExitCode)) async throws {
        var harness = ScriptHarness(Caller.self)
        harness.config = Self.config
        if let response = failure.response {
            harness.http.route(.get, "/items", response: response)
        } else if let error = failure.error {
            harness.http.route(.get, "/items") { _ in throw error }
        }
        let result = await harness.run()
        #expect(result.exitCode == failure.exitCode, "\(failure.name): \(result.renderedError ?? "")")
        let record = try #require(result.results)
        #expect(record.exitCode == failure.exitCode.rawValue)
        #expect(record.outcome == RunRecord.Outcome(failure.exitCode))
        if failure.exitCode == .temporaryFailure {
            #expect(record.outcome == .temporaryFailure)
            #expect(record.summary.hasPrefix("⏳ Temporary failure"))
        }
    }

    @Test func anOpenCircuitBreakerIsTemporary() async throws {
        var harness = ScriptHarness(Caller.self)
        harness.config = """
            global:
              api-base-url: http://api.test/
            script-behavior:
              retry-strategy: { max-retries: 0, backoff-factor: 1.0 }
              circuit-breaker: { enabled: true, failure-threshold: 1, timeout-seconds: 60 }

            """
        // The first call fails with a 500 the script records and goes on: the breaker opens, the
        // second call fails fast (CircuitOpenError, not caught). Only the first call reaches the API.
        harness.http.route(.get, "/items", response: .json(500, "{}"))
        harness.arguments = ["--calls", "3", "--swallow-http-errors"]
        let result = await harness.run()
        #expect(result.exitCode == .temporaryFailure, "\(result.renderedError ?? "")")
        #expect(harness.http.requests(.get, "/items").count == 1)
        #expect(result.error?.problem.hasPrefix("Circuit breaker for api.test is open") == true)
    }
}
