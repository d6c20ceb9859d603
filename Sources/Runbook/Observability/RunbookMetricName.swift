/// The names of the metrics Runbook records through swift-metrics and exports to Prometheus
/// (docs/observability.md lists them with their dimensions).
///
/// Dimensions are only `host` (`host:port`, lower-cased), `method`, `status_class` (`2xx`…`5xx`,
/// `none` when no response came), `reason` (a retried status code, `timeout` or `transport`) and,
/// per run, `outcome`. Never a URL path or query: they would multiply the series and can carry
/// identifiers or secrets.
public enum RunbookMetricName {
    /// Counter: attempts sent, by host, method and status class.
    public static let requests = "runbook_http_requests_total"
    /// Counter: calls (one or more attempts each), by host, method and final status class.
    public static let calls = "runbook_http_calls_total"
    /// Counter: attempts repeated, by host, method and reason.
    public static let retries = "runbook_http_retries_total"
    /// Counter: `429 Too Many Requests` responses, by host and method.
    public static let throttled = "runbook_http_throttled_total"
    /// Counter: attempts that timed out, by host and method.
    public static let timeouts = "runbook_http_timeouts_total"
    /// Counter: attempts that failed in the transport (connect, TLS, reset), by host and method.
    public static let transportErrors = "runbook_http_transport_errors_total"
    /// Counter: times the host's circuit breaker opened.
    public static let circuitOpenings = "runbook_http_circuit_openings_total"
    /// Counter: calls refused at once because the host's circuit breaker was open.
    public static let circuitRejections = "runbook_http_circuit_rejections_total"
    /// Timer: time spent waiting for the host's rate limiter, per attempt.
    public static let rateLimitWait = "runbook_http_rate_limit_wait_seconds"
    /// Counter: request body bytes sent to the host.
    public static let bytesSent = "runbook_http_sent_bytes_total"
    /// Counter: response body bytes received from the host.
    public static let bytesReceived = "runbook_http_received_bytes_total"
    /// Counter: OAuth access tokens fetched for the host's API.
    public static let tokenFetches = "runbook_http_token_fetches_total"
    /// Timer: duration of one attempt, by host and method.
    public static let attemptDuration = "runbook_http_attempt_duration_seconds"
    /// Timer: duration of one call (every attempt, backoff and rate-limit wait), by host and method.
    public static let callDuration = "runbook_http_call_duration_seconds"
    /// Counter: items a run recorded, by outcome (`created`, `updated`, `skipped`, `failed`, `expected`).
    public static let runItems = "runbook_run_items_total"
    /// Timer (swift-metrics) / gauge (Prometheus export): how long the run took.
    public static let runDuration = "runbook_run_duration_seconds"
    /// Gauge (Prometheus export only): the run's exit code.
    public static let runExitCode = "runbook_run_exit_code"
    /// Gauge (Prometheus export only, pushed only when the run succeeded): when it ended, Unix seconds.
    public static let lastSuccess = "runbook_last_success_timestamp_seconds"
}

/// The status class of a response (`2xx`), or `none` when no response came.
enum HTTPStatusClass {
    /// The classes' names, in index order.
    static let names = ["1xx", "2xx", "3xx", "4xx", "5xx", "none"]

    /// The class's name: `2xx` for 204, `none` when no response came.
    static func of(_ status: Int?) -> String {
        names[index(status)]
    }

    /// The class's position in ``names``: counted in arrays, not under string keys, per attempt.
    static func index(_ status: Int?) -> Int {
        switch status ?? 0 {
        case 100...599: (status ?? 0) / 100 - 1
        default: names.count - 1
        }
    }
}
