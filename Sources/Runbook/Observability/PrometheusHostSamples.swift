import Prometheus

/// The samples of one host in a ``PrometheusRunExport``.
struct PrometheusHostSamples {
    let host: HostMetrics
    let labels: [(String, String)]

    func register(in registry: PrometheusCollectorRegistry) {
        func counter(_ name: String, _ value: Int, _ help: String, _ extra: [(String, String)] = []) {
            registry.makeCounter(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels + extra).increment(by: Int64(value))
        }
        counter(RunbookMetricName.calls, host.calls, "HTTP calls (one or more attempts each).")
        for (statusClass, count) in host.attemptsByStatusClass.sorted(by: { $0.key < $1.key }) {
            counter(RunbookMetricName.requests, count, "HTTP attempts sent, by status class.", [("status_class", statusClass)])
        }
        for (reason, count) in host.retriesByReason.sorted(by: { $0.key < $1.key }) {
            counter(RunbookMetricName.retries, count, "HTTP attempts repeated, by reason.", [("reason", reason)])
        }
        counter(RunbookMetricName.throttled, host.throttled, "429 Too Many Requests responses.")
        counter(RunbookMetricName.timeouts, host.timeouts, "HTTP attempts that timed out.")
        counter(RunbookMetricName.transportErrors, host.transportErrors, "HTTP attempts that failed in the transport.")
        counter(RunbookMetricName.circuitOpenings, host.circuitOpenings, "Times the circuit breaker opened.")
        counter(RunbookMetricName.circuitRejections, host.circuitRejections, "Calls refused by the open circuit breaker.")
        counter(RunbookMetricName.bytesSent, host.bytesSent, "Request body bytes sent.")
        counter(RunbookMetricName.bytesReceived, host.bytesReceived, "Response body bytes received.")
        counter(RunbookMetricName.tokenFetches, host.tokenFetches, "OAuth access tokens fetched.")
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: RunbookMetricName.rateLimitWait, unitName: "", helpText: "Time spent waiting for the rate limiter."), labels: labels)
            .set(host.rateLimitWaitSeconds)
        let latency = host.callLatency
        for (name, value) in [("p50", latency.p50Seconds), ("p95", latency.p95Seconds),
                              ("p99", latency.p99Seconds), ("max", latency.maxSeconds)] {
            registry.makeGauge(descriptor: MetricNameDescriptor(
                metricName: "runbook_http_call_latency_\(name)_seconds", unitName: "",
                helpText: "Latency per HTTP call, \(name) (HDR histogram)."), labels: labels)
                .set(value)
        }
    }
}
