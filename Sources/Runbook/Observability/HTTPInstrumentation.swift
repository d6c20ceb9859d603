import CoreMetrics
public import Metrics
public import Tracing
import Synchronization

/// What the run's REST clients report about their calls: swift-metrics counters and timers
/// (to whatever backend the process bootstrapped, see ``RunbookMetricName``), the run's own
/// ``RunMetricsCollector`` (always), and swift-distributed-tracing spans (one per call, one per
/// attempt, the W3C `traceparent` injected by the tracer).
///
/// One per run, registered by ``HTTPServices`` and shared by every client:
///
/// ```swift
/// let instrumentation = HTTPInstrumentation()   // MetricsSystem.factory and InstrumentationSystem.tracer
/// let client = RestClient(baseURL: url, transport: transport, instrumentation: instrumentation)
/// _ = try await client.get("customers")
/// let metrics = instrumentation.collector.snapshot()
/// ```
public final class HTTPInstrumentation: Sendable {
    /// The run's own figures.
    public let collector: RunMetricsCollector
    let factory: any MetricsFactory
    let tracer: any Tracer
    private let meters = Mutex<[MeterKey: MeterSet]>([:])

    /// Creates the instrumentation. By default it records to the bootstrapped `MetricsSystem`
    /// and `InstrumentationSystem` (both no-ops until bootstrapped), as they are now.
    public init(
        collector: RunMetricsCollector = RunMetricsCollector(),
        metricsFactory: (any MetricsFactory)? = nil,
        tracer: (any Tracer)? = nil
    ) {
        self.collector = collector
        factory = metricsFactory ?? MetricsSystem.factory
        self.tracer = tracer ?? InstrumentationSystem.tracer
    }

    /// Records that an access token was fetched for the API on `host`.
    public func recordTokenFetch(host: String) {
        let host = host.lowercased()
        meters(host: host, method: "").tokenFetches.increment()
        collector.update(host) { $0.figures.tokenFetches += 1 }
    }

    /// Starts observing one call (the caller ends it): opens its span under the task's current
    /// trace context.
    func startCall(method: String, host: String, redactedURL: @autoclosure () -> String) -> HTTPCallObservation {
        let host = host.lowercased()
        let span = tracer.startSpan(method, context: InstrumentationContext.current ?? .topLevel, ofKind: .client)
        if span.isRecording {
            span.attributes["http.request.method"] = method
            span.attributes["url.full"] = redactedURL()
            span.attributes["server.address"] = HTTPCallObservation.serverAddress(host)
        }
        return HTTPCallObservation(instrumentation: self, host: host, method: method, span: span)
    }

    /// The swift-metrics handles of one host and method, made once.
    func meters(host: String, method: String) -> MeterSet {
        let key = MeterKey(host: host, method: method)
        if let set = meters.withLock({ $0[key] }) { return set }
        let made = MeterSet(host: host, method: method, factory: factory)
        return meters.withLock { meters in
            if let set = meters[key] { return set }
            meters[key] = made
            return made
        }
    }

    struct MeterKey: Hashable {
        let host: String
        let method: String
    }
}
