import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting
import Synchronization
import Testing

/// The run's own figures, measured on a manual clock: the fake transport's handlers advance the
/// clock by a set latency, so every figure is exact.
@Suite("Metrics: the run's collector")
struct RunMetricsCollectorTests {
    /// A client over `transport` recording into `instrumentation` (no-op swift-metrics, no-op tracer).
    func client(
        _ transport: FakeHTTPTransport, clock: ManualClock, instrumentation: HTTPInstrumentation,
        behavior: HTTPBehaviorSettings = HTTPBehaviorSettings(), base: String = "https://api.example.com/v2/"
    ) -> RestClient {
        RestClient(
            baseURL: URL(string: base), transport: transport, behavior: behavior, clock: clock,
            logger: Logger(label: "test"), random: SequenceRandomSource([0.5]), instrumentation: instrumentation)
    }

    @Test("calls, retries by reason, 429s, bytes and latency percentiles are exact")
    func exactFigures() async throws {
        let clock = ManualClock()
        let transport = FakeHTTPTransport()
        let latencies = Mutex2(Array((1...100).map { Duration.milliseconds($0) }))
        transport.route(.get, "/v2/customers") { _ in
            clock.advance(by: latencies.next())
            return .json(200, #"{"value":[]}"#)  // 12 bytes
        }
        transport.route(.post, "/v2/orders", responses: [
            .json(429, "{}", headers: ["Retry-After": "2"]), .json(429, "{}", headers: ["Retry-After": "2"]), .json(201, "{}"),
        ])
        let instrumentation = HTTPInstrumentation()
        let api = client(transport, clock: clock, instrumentation: instrumentation)
        for _ in 1...100 { _ = try await api.get("customers", query: ["$filter": "name eq 'secret'"]) }
        _ = try await api.post("orders", json: ["id": 1], idempotencyKey: "order-1")

        let host = try #require(instrumentation.collector.snapshot().host("api.example.com"))
        #expect(host.calls == 101)
        #expect(host.failedCalls == 0)
        #expect(host.attempts == 103)
        #expect(host.attemptsByStatusClass == ["2xx": 101, "4xx": 2])
        #expect(host.retries == 2)
        #expect(host.retriesByReason == ["429": 2])
        #expect(host.throttled == 2)
        #expect(host.bytesReceived == 100 * 12 + 3 * 2)
        #expect(host.bytesSent == 3 * 8)  // {"id":1} sent three times
        #expect(host.attemptLatency.count == 103)
        // GETs took 1…100 ms; the POST call took 4 s (two Retry-After waits of 2 s, attempts took no time).
        #expect(host.callLatency == LatencySummary(
            count: 101, p50Seconds: 0.051, p95Seconds: 0.096, p99Seconds: 0.1, maxSeconds: 4))
        #expect(host.consoleLine() == "api.example.com: 101 calls, 2 retried (2 × 429), p50 51 ms, p95 96 ms, max 4.0 s")
    }

    @Test("rate-limit waits are summed per host and shown")
    func rateLimitWait() async throws {
        let clock = ManualClock()
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/items", response: .json(200, "{}"))
        let instrumentation = HTTPInstrumentation()
        let behavior = HTTPBehaviorSettings(rateLimiting: RateLimitSettings(enabled: true, callsPerSecond: 2, burstSize: 1))
        let api = client(transport, clock: clock, instrumentation: instrumentation, behavior: behavior)
        for _ in 1...5 { _ = try await api.get("items") }
        let host = try #require(instrumentation.collector.snapshot().host("api.example.com"))
        #expect(host.rateLimitWaitSeconds == 2.0)  // 4 waits of 0.5 s
        #expect(host.consoleLine() == "api.example.com: 5 calls, p50 500 ms, p95 500 ms, max 500 ms, waited 2.0 s for the rate limit")
    }

    @Test("timeouts, transport errors, circuit openings and refused calls are counted")
    func failures() async throws {
        let clock = ManualClock()
        let transport = FakeHTTPTransport()
        let failures = Mutex2([HTTPTransportError(.timedOut, "timed out"), HTTPTransportError(.connectionFailed, "refused")])
        transport.route(.get, "/v2/down") { _ in throw failures.next() }
        let instrumentation = HTTPInstrumentation()
        let behavior = HTTPBehaviorSettings(
            retryStrategy: RetrySettings(maxRetries: 1, backoffFactor: 1),
            circuitBreaker: CircuitBreakerSettings(enabled: true, failureThreshold: 2, timeoutSeconds: 60))
        let api = client(transport, clock: clock, instrumentation: instrumentation, behavior: behavior)
        await #expect(throws: HTTPRequestError.self) { _ = try await api.get("down") }
        await #expect(throws: CircuitOpenError.self) { _ = try await api.get("down") }
        let host = try #require(instrumentation.collector.snapshot().host("api.example.com"))
        #expect(host.calls == 2)
        #expect(host.failedCalls == 2)
        #expect(host.attempts == 2)
        #expect(host.timeouts == 1)
        #expect(host.transportErrors == 1)
        #expect(host.retriesByReason == ["timeout": 1])
        #expect(host.circuitOpenings == 1)
        #expect(host.circuitRejections == 1)
        #expect(host.attemptsByStatusClass == ["none": 2])
        #expect(host.consoleLine() == "api.example.com: 2 calls, 1 retried (1 × timeout), 2 failed, circuit opened 1 time, "
            + "1 refused by the open circuit, p50 0.0 ms, p95 1.0 s, max 1.0 s")
    }

    @Test("hosts are kept apart (host:port), sorted, and a token fetch counts under its API's host")
    func hostsApart() async throws {
        let clock = ManualClock()
        let transport = FakeHTTPTransport()
        transport.route(.get, "/a", response: .json(200, "{}"))
        let instrumentation = HTTPInstrumentation()
        _ = try await client(transport, clock: clock, instrumentation: instrumentation, base: "https://b.example.com/").get("a")
        _ = try await client(transport, clock: clock, instrumentation: instrumentation, base: "http://A.example.com:8080/").get("a")
        instrumentation.recordTokenFetch(host: "b.example.com")
        let metrics = instrumentation.collector.snapshot()
        #expect(metrics.hosts.map(\.host) == ["a.example.com:8080", "b.example.com"])
        #expect(metrics.consoleLines() == [
            "a.example.com:8080: 1 call, p50 0.0 ms, p95 0.0 ms, max 0.0 ms",
            "b.example.com: 1 call, p50 0.0 ms, p95 0.0 ms, max 0.0 ms, 1 token fetch",
        ])
    }

    @Test("the console line formats counts and durations", arguments: [
        (0, "0"), (999, "999"), (2010, "2,010"), (1_234_567, "1,234,567"),
    ])
    func grouping(value: Int, text: String) {
        var host = HostMetrics(host: "h")
        host.calls = value
        #expect(host.consoleLine() == "h: \(text) call\(value == 1 ? "" : "s")")
    }

    @Test("durations: tenths below 1 ms, whole ms below 1 s, tenths of seconds above", arguments: [
        (0.0004, "0.4 ms"), (0.004, "4 ms"), (0.0114, "11 ms"), (0.9994, "999 ms"), (0.9996, "1.0 s"), (2.44, "2.4 s"), (75.0, "75.0 s"),
    ])
    func durations(seconds: Double, text: String) {
        var host = HostMetrics(host: "api.example.com")
        host.calls = 2010
        host.retries = 17
        host.retriesByReason = ["429": 17]
        host.callLatency = LatencySummary(count: 2010, p50Seconds: 0.004, p95Seconds: 0.011, p99Seconds: 0.5, maxSeconds: seconds)
        host.rateLimitWaitSeconds = 3.1
        #expect(host.consoleLine()
            == "api.example.com: 2,010 calls, 17 retried (17 × 429), p50 4 ms, p95 11 ms, max \(text), waited 3.1 s for the rate limit")
    }

    @Test("RunMetrics round-trips through JSON")
    func codable() throws {
        var host = HostMetrics(host: "api.example.com")
        host.calls = 3
        host.retriesByReason = ["503": 1]
        host.callLatency = LatencySummary(count: 3, p50Seconds: 0.01, p95Seconds: 0.02, p99Seconds: 0.02, maxSeconds: 0.03)
        let metrics = RunMetrics(hosts: [host])
        let data = try JSONEncoder().encode(metrics)
        #expect(try JSONDecoder().decode(RunMetrics.self, from: data) == metrics)
    }
}

/// Hands out the values of a list in order (the last one repeats), safely from any task.
final class Mutex2<Value: Sendable>: Sendable {
    private let values: Synchronization.Mutex<[Value]>

    init(_ values: [Value]) {
        self.values = Synchronization.Mutex(values)
    }

    func next() -> Value {
        values.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
    }
}
