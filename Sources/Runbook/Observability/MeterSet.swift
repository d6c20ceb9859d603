import CoreMetrics
import Metrics
import Synchronization

/// The swift-metrics handles of one host and method: made once, then only incremented.
/// Handles whose dimensions include a status class or a reason are made on first use of that value.
final class MeterSet: Sendable {
    let throttled: Counter
    let timeouts: Counter
    let transportErrors: Counter
    let circuitOpenings: Counter
    let circuitRejections: Counter
    let rateLimitWait: Timer
    let bytesSent: Counter
    let bytesReceived: Counter
    let tokenFetches: Counter
    let attemptDuration: Timer
    let callDuration: Timer
    private let host: String
    private let method: String
    private let factory: any MetricsFactory
    private let byReason = Mutex<[String: Counter]>([:])
    private let requestsByClass = Mutex<[Counter?]>(Array(repeating: nil, count: HTTPStatusClass.names.count))
    private let callsByClass = Mutex<[Counter?]>(Array(repeating: nil, count: HTTPStatusClass.names.count))

    init(host: String, method: String, factory: any MetricsFactory) {
        self.host = host
        self.method = method
        self.factory = factory
        let hostOnly = [("host", host)]
        let hostMethod = [("host", host), ("method", method)]
        throttled = Counter(label: RunbookMetricName.throttled, dimensions: hostMethod, factory: factory)
        timeouts = Counter(label: RunbookMetricName.timeouts, dimensions: hostMethod, factory: factory)
        transportErrors = Counter(label: RunbookMetricName.transportErrors, dimensions: hostMethod, factory: factory)
        circuitOpenings = Counter(label: RunbookMetricName.circuitOpenings, dimensions: hostOnly, factory: factory)
        circuitRejections = Counter(label: RunbookMetricName.circuitRejections, dimensions: hostOnly, factory: factory)
        rateLimitWait = Timer(label: RunbookMetricName.rateLimitWait, dimensions: hostOnly, factory: factory)
        bytesSent = Counter(label: RunbookMetricName.bytesSent, dimensions: hostOnly, factory: factory)
        bytesReceived = Counter(label: RunbookMetricName.bytesReceived, dimensions: hostOnly, factory: factory)
        tokenFetches = Counter(label: RunbookMetricName.tokenFetches, dimensions: hostOnly, factory: factory)
        attemptDuration = Timer(label: RunbookMetricName.attemptDuration, dimensions: hostMethod, factory: factory)
        callDuration = Timer(label: RunbookMetricName.callDuration, dimensions: hostMethod, factory: factory)
    }

    /// `runbook_http_requests_total{status_class}` for the class at `statusClass` (``HTTPStatusClass/index(_:)``).
    func requests(statusClass: Int) -> Counter {
        counter(in: requestsByClass, at: statusClass, label: RunbookMetricName.requests)
    }

    /// `runbook_http_calls_total{status_class}` for the class at `statusClass`.
    func calls(statusClass: Int) -> Counter {
        counter(in: callsByClass, at: statusClass, label: RunbookMetricName.calls)
    }

    /// `runbook_http_retries_total{reason}`.
    func retries(reason: String) -> Counter {
        if let counter = byReason.withLock({ $0[reason] }) { return counter }
        let made = counter(RunbookMetricName.retries, ("reason", reason))
        return byReason.withLock { counters in
            if let counter = counters[reason] { return counter }
            counters[reason] = made
            return made
        }
    }

    /// A status-class counter, made on the class's first use (a backend shows no series for a
    /// class that never happened).
    private func counter(in counters: borrowing Mutex<[Counter?]>, at index: Int, label: String) -> Counter {
        if let counter = counters.withLock({ $0[index] }) { return counter }
        let made = counter(label, ("status_class", HTTPStatusClass.names[index]))
        return counters.withLock { counters in
            if let counter = counters[index] { return counter }
            counters[index] = made
            return made
        }
    }

    private func counter(_ label: String, _ dimension: (String, String)) -> Counter {
        Counter(label: label, dimensions: [("host", host), ("method", method), dimension], factory: factory)
    }
}
