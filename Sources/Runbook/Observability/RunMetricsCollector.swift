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
    /// A host's figures, changed in place under the collector's lock (a class: the histograms are
    /// never copied). Unchecked Sendable: it is read and changed only inside `hosts.withLock`.
    final class HostRecord: @unchecked Sendable {
        var figures: HostMetrics
        var rateLimitWait: Duration = .zero
        var callLatency = LatencyHistogram()
        var attemptLatency = LatencyHistogram()
        /// Attempts by ``HTTPStatusClass/index(_:)``, made into `attemptsByStatusClass` by `snapshot`.
        var attemptsByClass = Array(repeating: 0, count: HTTPStatusClass.names.count)

        init(host: String) {
            figures = HostMetrics(host: host)
        }

        var snapshot: HostMetrics {
            var figures = figures
            for (index, count) in attemptsByClass.enumerated() where count > 0 {
                figures.attemptsByStatusClass[HTTPStatusClass.names[index], default: 0] += count
            }
            figures.rateLimitWaitSeconds = RunMetricsCollector.seconds(rateLimitWait)
            figures.callLatency = callLatency.summary
            figures.attemptLatency = attemptLatency.summary
            return figures
        }
    }

    private let hosts = Mutex<[String: HostRecord]>([:])

    /// Creates an empty collector.
    public init() {}

    /// The figures so far, hosts sorted by name.
    public func snapshot() -> RunMetrics {
        hosts.withLock { records in
            RunMetrics(hosts: records.keys.sorted().map { records[$0]!.snapshot })
        }
    }

    /// Changes the record of `host` (made on first use).
    func update(_ host: String, _ change: (HostRecord) -> Void) {
        update(record(for: host), change)
    }

    /// The record of `host`, made on first use: a call looks its host up once, then changes the
    /// record with ``update(_:_:)-(HostRecord,_)``.
    func record(for host: String) -> HostRecord {
        hosts.withLock { hosts in
            if let record = hosts[host] { return record }
            let record = HostRecord(host: host)
            hosts[host] = record
            return record
        }
    }

    /// Changes `record` under the collector's lock.
    func update(_ record: HostRecord, _ change: (HostRecord) -> Void) {
        hosts.withLock { _ in change(record) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
