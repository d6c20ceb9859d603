import Synchronization

/// The run's own record of its HTTP calls, per host, whatever swift-metrics backend the process
/// bootstrapped: counts, retries by reason, waits, bytes and HDR latency histograms. The run
/// record's `metrics` and the console's per-host lines come from ``snapshot()``.
///
/// One per run (``HTTPInstrumentation`` feeds it); a host's histograms are made when the host is
/// first called, so an unused collector costs nothing.
///
/// ```swift
/// let metrics = collector.snapshot()
/// for line in metrics.consoleLines() { logger.info("\(line)") }
/// ```
public final class RunMetricsCollector: Sendable {
    struct HostRecord: Sendable {
        var figures: HostMetrics
        var rateLimitWait: Duration = .zero
        var callLatency = LatencyHistogram()
        var attemptLatency = LatencyHistogram()
    }

    private let hosts = Mutex<[String: HostRecord]>([:])

    /// Creates an empty collector.
    public init() {}

    /// The figures so far, hosts sorted by name.
    public func snapshot() -> RunMetrics {
        let records = hosts.withLock { $0 }
        return RunMetrics(hosts: records.keys.sorted().map { host in
            let record = records[host]!
            var figures = record.figures
            figures.rateLimitWaitSeconds = Self.seconds(record.rateLimitWait)
            figures.callLatency = record.callLatency.summary
            figures.attemptLatency = record.attemptLatency.summary
            return figures
        })
    }

    /// Changes the record of `host` (made on first use).
    func update(_ host: String, _ change: (inout HostRecord) -> Void) {
        hosts.withLock { hosts in
            if hosts[host] == nil { hosts[host] = HostRecord(figures: HostMetrics(host: host)) }
            change(&hosts[host]!)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
