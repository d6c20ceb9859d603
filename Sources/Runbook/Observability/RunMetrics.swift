/// What a run's HTTP calls did, per API host: the `metrics` field of the run record and the
/// source of the console's per-host lines and of the Prometheus export. Made by
/// ``RunMetricsCollector/snapshot()``, measured on the run's clock.
///
/// ```json
/// {"hosts": [{"host": "api.example.com", "calls": 2010, "attempts": 2027, "retries": 17,
///   "retriesByReason": {"429": 17}, "throttled": 17, "callLatency": {"p50Seconds": 0.004, …}, …}]}
/// ```
public struct RunMetrics: Sendable, Codable, Equatable {
    /// One entry per host the run called, sorted by host.
    public var hosts: [HostMetrics]

    /// Creates metrics.
    public init(hosts: [HostMetrics] = []) {
        self.hosts = hosts
    }

    /// The entry for `host` (`host:port` as in ``HostMetrics/host``).
    public func host(_ host: String) -> HostMetrics? {
        hosts.first { $0.host == host.lowercased() }
    }
}

/// The figures of one API host (`host` or `host:port` when the port is not the scheme's).
public struct HostMetrics: Sendable, Codable, Equatable {
    /// The host, lower-cased.
    public var host: String
    /// Calls made (each one or more attempts).
    public var calls: Int = 0
    /// Calls that ended in an error (status ≥ 400, transport, timeout, circuit open).
    public var failedCalls: Int = 0
    /// Attempts sent.
    public var attempts: Int = 0
    /// Attempts by status class (`2xx`…`5xx`, `none` when no response came).
    public var attemptsByStatusClass: [String: Int] = [:]
    /// Attempts that were repeated.
    public var retries: Int = 0
    /// Retries by reason: the status code (`429`, `503`), `timeout` or `transport`.
    public var retriesByReason: [String: Int] = [:]
    /// `429 Too Many Requests` responses.
    public var throttled: Int = 0
    /// Attempts that timed out.
    public var timeouts: Int = 0
    /// Attempts that failed in the transport.
    public var transportErrors: Int = 0
    /// Times the circuit breaker opened.
    public var circuitOpenings: Int = 0
    /// Calls refused because the circuit breaker was open.
    public var circuitRejections: Int = 0
    /// Time spent waiting for the rate limiter, in seconds.
    public var rateLimitWaitSeconds: Double = 0
    /// Request body bytes sent.
    public var bytesSent: Int = 0
    /// Response body bytes received.
    public var bytesReceived: Int = 0
    /// OAuth access tokens fetched for this host's API.
    public var tokenFetches: Int = 0
    /// Latency per call: all its attempts, backoff and rate-limit waits.
    public var callLatency: LatencySummary = LatencySummary()
    /// Latency per attempt.
    public var attemptLatency: LatencySummary = LatencySummary()

    /// Creates empty figures for `host`.
    public init(host: String) {
        self.host = host
    }
}

/// Percentiles of a latency distribution from an HDR histogram (microsecond resolution, three
/// significant digits); `max` is exact.
public struct LatencySummary: Sendable, Codable, Equatable {
    /// Observations.
    public var count: Int = 0
    /// Median, in seconds.
    public var p50Seconds: Double = 0
    /// 95th percentile, in seconds.
    public var p95Seconds: Double = 0
    /// 99th percentile, in seconds.
    public var p99Seconds: Double = 0
    /// The longest, in seconds.
    public var maxSeconds: Double = 0

    /// Creates a summary.
    public init(count: Int = 0, p50Seconds: Double = 0, p95Seconds: Double = 0, p99Seconds: Double = 0, maxSeconds: Double = 0) {
        self.count = count
        self.p50Seconds = p50Seconds
        self.p95Seconds = p95Seconds
        self.p99Seconds = p99Seconds
        self.maxSeconds = maxSeconds
    }
}
