import Foundation
import HTTPTypes
import Logging
import LoopbackHTTPServer
import Runbook
import RunbookTesting
import Synchronization
import Testing
import Tracing

/// Spans of a run: the run's span, one per HTTP call under it, one per attempt under the call,
/// with the standard HTTP attributes; the attempt's `traceparent` reaches the server.
@Suite("Tracing: spans and traceparent")
struct HTTPTracingTests {
    @Test("run → call → attempts, with HTTP attributes and no query values in url.full")
    func spanTree() async throws {
        let tracer = RecordingTracer()
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers", responses: [.json(503, "{}"), .json(200, "{}")])
        let api = RestClient(
            baseURL: URL(string: "https://api.example.com/v2/"), transport: transport, clock: ManualClock(),
            logger: Logger(label: "test"), random: SequenceRandomSource([0.5]),
            instrumentation: HTTPInstrumentation(tracer: tracer))
        try await RunTracing.withRunSpan(script: "customer-sync", org: "acme", env: "prod", runID: "r-1", tracer: tracer) { _ in
            _ = try await api.get("customers", query: ["page": "7"])
        }
        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["GET attempt", "GET attempt", "GET", "runbook.run customer-sync"])
        let (first, second, call, run) = (spans[0], spans[1], spans[2], spans[3])
        #expect(run.parentSpanID == nil)
        #expect(run.string("runbook.run_id") == "r-1")
        #expect(call.parentSpanID == run.ids.spanID)
        #expect(first.parentSpanID == call.ids.spanID && second.parentSpanID == call.ids.spanID)
        #expect(Set(spans.map(\.ids.traceID)).count == 1)
        #expect(call.kind == .client)
        #expect(call.string("http.request.method") == "GET")
        #expect(call.string("url.full") == "https://api.example.com/v2/customers?page=REDACTED")
        #expect(call.string("server.address") == "api.example.com")
        #expect(call.int("http.response.status_code") == 200)
        #expect(call.string("error.type") == nil)
        #expect(first.int("http.response.status_code") == 503)
        #expect(first.string("error.type") == "503")
        #expect(first.status?.code == .error)
        #expect(second.int("http.request.resend_count") == 1)
        // Each attempt carried its own span as the parent in traceparent.
        let headers = transport.requests.map { $0.header("traceparent") }
        #expect(headers == [first, second].map { "00-\($0.ids.traceID)-\($0.ids.spanID)-01" })
    }

    @Test("a transport failure sets error.type on the attempt and the call")
    func transportError() async throws {
        let tracer = RecordingTracer()
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/down") { _ in throw HTTPTransportError(.connectionFailed, "refused") }
        let api = RestClient(
            baseURL: URL(string: "https://api.example.com/v2/"), transport: transport,
            behavior: HTTPBehaviorSettings(retryStrategy: RetrySettings(maxRetries: 0)), clock: ManualClock(),
            logger: Logger(label: "test"), instrumentation: HTTPInstrumentation(tracer: tracer))
        await #expect(throws: HTTPRequestError.self) { _ = try await api.get("down") }
        let spans = tracer.finishedSpans
        #expect(spans.map { $0.string("error.type") } == ["transport", "transport"])
        #expect(spans.allSatisfy { $0.status?.code == .error })
    }

    @Test("the traceparent header reaches a real loopback server")
    func headerOnTheWire() async throws {
        let seen = Mutex<[String]>([])
        let server = LoopbackHTTPServer()
        server.route("GET", "/api/ping") { request in
            seen.withLock { $0.append(request.header("traceparent") ?? "(none)") }
            return LoopbackResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data("{}".utf8))
        }
        try server.start()
        defer { server.stop() }
        let tracer = RecordingTracer()
        let api = RestClient(
            baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: SocketHTTPTransport(),
            clock: ManualClock(), logger: Logger(label: "test"), instrumentation: HTTPInstrumentation(tracer: tracer))
        _ = try await api.get("ping")
        let attempt = try #require(tracer.finishedSpans.first)
        #expect(seen.withLock { $0 } == ["00-\(attempt.ids.traceID)-\(attempt.ids.spanID)-01"])
    }
}
