import CoreMetrics
import RunbookTransport
import Tracing

/// One call being observed: its span, then per attempt an ``HTTPAttemptObservation``; every
/// event goes to swift-metrics and to the run's collector under the call's host.
struct HTTPCallObservation: Sendable {
    let instrumentation: HTTPInstrumentation
    let host: String
    let method: String
    let span: any Span
    let meters: MeterSet
    /// The host's figures in the run's collector, looked up once per call.
    let record: RunMetricsCollector.HostRecord

    init(instrumentation: HTTPInstrumentation, host: String, method: String, span: any Span) {
        self.instrumentation = instrumentation
        self.host = host
        self.method = method
        self.span = span
        let instruments = instrumentation.instruments(host: host, method: method)
        meters = instruments.meters
        record = instruments.record
    }

    /// Changes the host's figures.
    func update(_ change: (RunMetricsCollector.HostRecord) -> Void) {
        instrumentation.collector.update(record, change)
    }

    /// The attempt's wait for the host's rate limiter.
    func waitedForRateLimit(_ duration: Duration) {
        meters.rateLimitWait.recordNanoseconds(Self.nanoseconds(duration))
        update { $0.rateLimitWait += duration }
    }

    /// The host's circuit breaker refused the call.
    func rejectedByCircuitBreaker() {
        meters.circuitRejections.increment()
        update { $0.figures.circuitRejections += 1 }
    }

    /// The attempt's failure opened the host's circuit breaker.
    func openedCircuitBreaker() {
        meters.circuitOpenings.increment()
        update { $0.figures.circuitOpenings += 1 }
    }

    /// The call repeats its last attempt because of `reason` (`429`, `503`, `timeout`, `transport`).
    func retrying(reason: String) {
        meters.retries(reason: reason).increment()
        update {
            $0.figures.retries += 1
            $0.figures.retriesByReason[reason, default: 0] += 1
        }
    }

    /// Starts attempt `number` (1 for the first) as a child span of the call.
    func startAttempt(_ number: Int) -> HTTPAttemptObservation {
        let attempt = instrumentation.tracer.startSpan("\(method) attempt", context: span.context, ofKind: .client)
        if attempt.isRecording {
            attempt.attributes = span.attributes
            if number > 1 { attempt.attributes["http.request.resend_count"] = number - 1 }
        }
        return HTTPAttemptObservation(call: self, span: attempt)
    }

    /// Ends the call: `status` when a response came, else the error that ended it.
    func end(status: Int?, error: (any Error)?, duration: Duration) {
        meters.calls(statusClass: HTTPStatusClass.index(status)).increment()
        meters.callDuration.recordNanoseconds(Self.nanoseconds(duration))
        let failed = error != nil || (status ?? 0) >= 400
        update {
            $0.figures.calls += 1
            if failed { $0.figures.failedCalls += 1 }
            $0.callLatency.record(duration)
        }
        Self.finish(span, status: status, error: error)
    }

    /// Sets the response attributes and the error, then ends `span`.
    static func finish(_ span: any Span, status: Int?, error: (any Error)?) {
        if span.isRecording {
            if let status { span.attributes["http.response.status_code"] = status }
            if let type = errorType(status: status, error: error) {
                span.attributes["error.type"] = type
                if let error { span.recordError(error) }
                span.setStatus(SpanStatus(code: .error))
            }
        }
        span.end()
    }

    /// `error.type`: the status code of an error response, else the error's kind.
    static func errorType(status: Int?, error: (any Error)?) -> String? {
        if let status, status >= 400 { return String(status) }
        guard let error else { return nil }
        switch error {
        case let failure as HTTPTransportError: return failure.kind == .timedOut ? "timeout" : "transport"
        case let failure as HTTPRequestError: return "\(failure.kind)"
        case is CircuitOpenError: return "circuit_open"
        case is CancellationError: return "cancelled"
        default: return "_OTHER"
        }
    }

    /// `server.address`: the host without its port.
    static func serverAddress(_ host: String) -> String {
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") { return String(host[host.index(after: host.startIndex)..<end]) }
        return String(host.split(separator: ":", maxSplits: 1).first ?? Substring(host))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
