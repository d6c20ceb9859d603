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
    private let meters = Mutex<[MeterKey: Instruments]>([:])

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
        let host = Self.lowercased(host)
        instruments(host: host, method: "").meters.tokenFetches.increment()
        collector.update(host) { $0.figures.tokenFetches += 1 }
    }

    /// Records a retry of non-HTTP work (``withRetry(policy:clock:deadline:operation:logger:instrumentation:isolation:isRetryable:onRetry:_:)``)
    /// as an HTTP retry is recorded: `runbook_http_retries_total{host: operation, reason}` and the
    /// run's figures under `operation`.
    func recordRetry(host operation: String, reason: String) {
        let host = Self.lowercased(operation)
        instruments(host: host, method: "").meters.retries(reason: reason).increment()
        collector.update(host) {
            $0.figures.retries += 1
            $0.figures.retriesByReason[reason, default: 0] += 1
        }
    }

    /// Starts observing one call (the caller ends it): opens its span under the task's current
    /// trace context.
    func startCall(method: String, host: String, redactedURL: @autoclosure () -> String) -> HTTPCallObservation {
        let host = Self.lowercased(host)
        let span = tracer.startSpan(method, context: InstrumentationContext.current ?? .topLevel, ofKind: .client)
        if span.isRecording {
            span.attributes["http.request.method"] = method
            span.attributes["url.full"] = redactedURL()
            span.attributes["server.address"] = HTTPCallObservation.serverAddress(host)
        }
        return HTTPCallObservation(instrumentation: self, host: host, method: method, span: span)
    }

    /// What a call to one host with one method records into: its swift-metrics handles and the
    /// host's figures in the run's collector, both looked up with one key per call.
    struct Instruments: Sendable {
        let meters: MeterSet
        let record: RunMetricsCollector.HostRecord
    }

    /// The instruments of one host and method, made once.
    func instruments(host: String, method: String) -> Instruments {
        let key = MeterKey(host: host, method: method)
        if let instruments = meters.withLock({ $0[key] }) { return instruments }
        let made = Instruments(meters: MeterSet(host: host, method: method, factory: factory), record: collector.record(for: host))
        return meters.withLock { meters in
            if let instruments = meters[key] { return instruments }
            meters[key] = made
            return made
        }
    }

    /// `host` lower-cased; as it is when it is ASCII without an upper-case letter (the usual case:
    /// no copy).
    static func lowercased(_ host: String) -> String {
        var host = host
        let plain = host.withUTF8 { bytes in !bytes.contains { (65...90).contains($0) || $0 >= 128 } }
        return plain ? host : host.lowercased()
    }

    struct MeterKey: Hashable {
        let host: String
        let method: String
    }
}
