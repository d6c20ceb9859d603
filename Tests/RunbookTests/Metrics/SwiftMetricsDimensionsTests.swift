import Foundation
import HTTPTypes
import Logging
import Metrics
import MetricsTestKit
import Runbook
import RunbookTesting
import Testing

/// What reaches a swift-metrics backend: the documented names, dimensions host/method/status
/// class/reason only, never a path, query or identifier.
@Suite("Metrics: swift-metrics names and dimensions")
struct SwiftMetricsDimensionsTests {
    @Test("requests, calls, retries, 429s and bytes reach the backend with host, method and status class only")
    func dimensions() async throws {
        let metrics = TestMetrics()
        let clock = ManualClock()
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers(42)", responses: [.json(429, "{}", headers: ["Retry-After": "1"]), .json(200, "[1]")])
        let instrumentation = HTTPInstrumentation(metricsFactory: metrics)
        let api = RestClient(
            baseURL: URL(string: "https://api.example.com/v2/"), transport: transport, clock: clock,
            logger: Logger(label: "test"), random: SequenceRandomSource([0.5]), instrumentation: instrumentation)
        _ = try await api.get("customers(42)", query: ["token": "s3cr3t"])

        let host = ("host", "api.example.com")
        let get = ("method", "GET")
        #expect(try metrics.expectCounter(RunbookMetricName.requests, [host, get, ("status_class", "4xx")]).totalValue == 1)
        #expect(try metrics.expectCounter(RunbookMetricName.requests, [host, get, ("status_class", "2xx")]).totalValue == 1)
        #expect(try metrics.expectCounter(RunbookMetricName.calls, [host, get, ("status_class", "2xx")]).totalValue == 1)
        #expect(try metrics.expectCounter(RunbookMetricName.retries, [host, get, ("reason", "429")]).totalValue == 1)
        #expect(try metrics.expectCounter(RunbookMetricName.throttled, [host, get]).totalValue == 1)
        #expect(try metrics.expectCounter(RunbookMetricName.bytesReceived, [host]).totalValue == 5)
        #expect(try metrics.expectTimer(RunbookMetricName.attemptDuration, [host, get]).values.count == 2)
        #expect(try metrics.expectTimer(RunbookMetricName.callDuration, [host, get]).values == [1_000_000_000])

        let everyValue = metrics.counters.flatMap(\.dimensions).map(\.1) + metrics.timers.flatMap(\.dimensions).map(\.1)
        #expect(!everyValue.isEmpty)
        #expect(everyValue.allSatisfy { !$0.contains("customers") && !$0.contains("s3cr3t") && !$0.contains("(42)") })
        let names = Set(metrics.counters.map(\.label) + metrics.timers.map(\.label))
        #expect(names.allSatisfy { $0.hasPrefix("runbook_http_") })
    }

    @Test("the run's items and duration reach the backend")
    func runMetrics() throws {
        let metrics = TestMetrics()
        RunTracing.recordRunMetrics(
            script: "customer-sync", items: ["created": 5, "failed": 2, "skipped": 0], duration: .seconds(3), factory: metrics)
        #expect(try metrics.expectCounter(RunbookMetricName.runItems, [("script", "customer-sync"), ("outcome", "created")]).totalValue == 5)
        #expect(try metrics.expectCounter(RunbookMetricName.runItems, [("script", "customer-sync"), ("outcome", "failed")]).totalValue == 2)
        #expect(metrics.counters(label: RunbookMetricName.runItems).count == 2)
        #expect(try metrics.expectTimer(RunbookMetricName.runDuration, [("script", "customer-sync")]).values == [3_000_000_000])
    }
}
