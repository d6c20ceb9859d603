public import Foundation
import Prometheus

/// A run's metrics in the Prometheus text exposition format, for batch jobs: written atomically
/// for node_exporter's textfile collector (``writeTextfile(to:)``) or pushed to a Pushgateway
/// (``push(to:timeout:transport:)``). Made with swift-prometheus from the run's own
/// ``RunMetrics``, so it does not depend on which swift-metrics backend the process bootstrapped.
///
/// ```swift
/// let export = PrometheusRunExport(run: .init(script: "customer-sync", org: "acme", env: "prod",
///     exitCode: 0, durationSeconds: 41.2, items: ["created": 12], finishedAt: Date()), metrics: metrics)
/// if let warning = export.writeTextfile(to: URL(fileURLWithPath: "/var/lib/node_exporter/runbook.prom")) {
///     logger.warning("\(warning)")
/// }
/// ```
///
/// Metrics (docs/observability.md): the per-host counters of ``RunbookMetricName``, per-call
/// latency quantiles as `runbook_http_call_latency_{p50,p95,p99,max}_seconds`,
/// `runbook_run_items_total{outcome}`, `runbook_run_duration_seconds`, `runbook_run_exit_code`,
/// and `runbook_last_success_timestamp_seconds` only when the run succeeded.
public struct PrometheusRunExport: Sendable {
    /// What the export says about the run itself.
    public struct Run: Sendable, Equatable {
        /// The script (the Pushgateway's `job`).
        public var script: String
        /// The organisation.
        public var org: String
        /// The environment.
        public var env: String
        /// The exit code; 0 is a success.
        public var exitCode: Int32
        /// How long the run took.
        public var durationSeconds: Double
        /// Items by outcome (`created`, `updated`, `skipped`, `failed`, `expected`).
        public var items: [String: Int]
        /// When the run ended.
        public var finishedAt: Date

        /// Creates the run's facts.
        public init(script: String, org: String, env: String, exitCode: Int32, durationSeconds: Double,
                    items: [String: Int], finishedAt: Date) {
            self.script = script
            self.org = org
            self.env = env
            self.exitCode = exitCode
            self.durationSeconds = durationSeconds
            self.items = items
            self.finishedAt = finishedAt
        }

        /// Whether the run succeeded (exit 0).
        public var succeeded: Bool { exitCode == 0 }
    }

    /// The run.
    public var run: Run
    /// Its HTTP figures.
    public var metrics: RunMetrics

    /// Creates the export.
    public init(run: Run, metrics: RunMetrics) {
        self.run = run
        self.metrics = metrics
    }

    /// The exposition text. `groupingLabels` adds `job`, `org` and `env` to every sample (for a
    /// textfile; a Pushgateway takes them from the URL instead).
    public func text(groupingLabels: Bool) -> String {
        let registry = PrometheusCollectorRegistry()
        let base = groupingLabels ? [("job", run.script), ("org", run.org), ("env", run.env)] : []
        for host in metrics.hosts {
            PrometheusHostSamples(host: host, labels: base + [("host", host.host)]).register(in: registry)
        }
        for (outcome, count) in run.items.sorted(by: { $0.key < $1.key }) {
            registry.makeCounter(descriptor: MetricNameDescriptor(metricName: RunbookMetricName.runItems, unitName: "", helpText: "Items the run recorded, by outcome."), labels: base + [("outcome", outcome)]).increment(by: Int64(count))
        }
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: RunbookMetricName.runDuration, unitName: "", helpText: "How long the run took."), labels: base)
            .set(run.durationSeconds)
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: RunbookMetricName.runExitCode, unitName: "", helpText: "The run's exit code."), labels: base)
            .set(Double(run.exitCode))
        if run.succeeded {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: RunbookMetricName.lastSuccess, unitName: "", helpText: "When the last successful run ended, in Unix seconds."), labels: base)
                .set(run.finishedAt.timeIntervalSince1970)
        }
        return registry.emitToString()
    }
}
