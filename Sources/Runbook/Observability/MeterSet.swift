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
    private let byValue = Mutex<[String: Counter]>([:])

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

    /// `runbook_http_requests_total{status_class}`.
    func requests(statusClass: String) -> Counter {
        counter(RunbookMetricName.requests, ("status_class", statusClass))
    }

    /// `runbook_http_calls_total{status_class}`.
    func calls(statusClass: String) -> Counter {
        counter(RunbookMetricName.calls, ("status_class", statusClass))
    }

    /// `runbook_http_retries_total{reason}`.
    func retries(reason: String) -> Counter {
        counter(RunbookMetricName.retries, ("reason", reason))
    }

    private func counter(_ label: String, _ dimension: (String, String)) -> Counter {
        let key = "\(label) \(dimension.1)"
        if let counter = byValue.withLock({ $0[key] }) { return counter }
        let made = Counter(label: label, dimensions: [("host", host), ("method", method), dimension], factory: factory)
        return byValue.withLock { counters in
            if let counter = counters[key] { return counter }
            counters[key] = made
            return made
        }
    }
}
