import CoreMetrics
import HTTPTypes
import RunbookTransport
import Tracing

/// One attempt being observed: its span (child of the call's), the trace header, and at its end
/// the status class, failure kind, latency and bytes.
struct HTTPAttemptObservation: Sendable {
    let call: HTTPCallObservation
    let span: any Span

    /// Adds the trace context (W3C `traceparent` with the tracers that speak it) to the request.
    func inject(into fields: inout HTTPFields) {
        call.instrumentation.tracer.inject(span.context, into: &fields, using: HTTPFieldsInjector())
    }

    /// Ends the attempt: `status` when a response came, else the transport failure.
    func end(status: Int?, failure: HTTPTransportError?, duration: Duration, bytesSent: Int, bytesReceived: Int) {
        let meters = call.meters
        let statusClass = HTTPStatusClass.index(status)
        meters.requests(statusClass: statusClass).increment()
        meters.attemptDuration.recordNanoseconds(HTTPCallObservation.nanoseconds(duration))
        if bytesSent > 0 { meters.bytesSent.increment(by: bytesSent) }
        if bytesReceived > 0 { meters.bytesReceived.increment(by: bytesReceived) }
        let timedOut = failure?.kind == .timedOut
        if status == 429 { meters.throttled.increment() }
        if failure != nil { (timedOut ? meters.timeouts : meters.transportErrors).increment() }
        call.update { record in
            record.figures.attempts += 1
            record.attemptsByClass[statusClass] += 1
            record.figures.bytesSent += bytesSent
            record.figures.bytesReceived += bytesReceived
            if status == 429 { record.figures.throttled += 1 }
            if failure != nil {
                if timedOut { record.figures.timeouts += 1 } else { record.figures.transportErrors += 1 }
            }
            record.attemptLatency.record(duration)
        }
        HTTPCallObservation.finish(span, status: status, error: failure)
    }
}

/// Writes trace headers into swift-http-types header fields.
struct HTTPFieldsInjector: Injector {
    func inject(_ value: String, forKey key: String, into fields: inout HTTPFields) {
        guard let name = HTTPField.Name(key) else { return }
        fields[name] = value
    }
}
