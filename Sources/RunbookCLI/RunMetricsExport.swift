import Foundation
import Runbook

/// `--metrics-file` and `--push-metrics`: the run record's metrics in the Prometheus text format, for
/// node_exporter's textfile collector and for a Pushgateway. Either failing is a warning on standard
/// error with its reason; it never changes the run's outcome or exit code, and a push waits at most
/// `PrometheusRunExport.defaultPushTimeout` (5 s).
struct RunMetricsExport {
    var file: String?
    var pushGateway: String?

    /// Writes and pushes `record`'s metrics where asked, and reports every warning.
    func export(_ record: RunRecord, environment: CLIEnvironment) async {
        guard file != nil || pushGateway != nil else { return }
        let export = PrometheusRunExport(
            run: .init(script: record.script, org: record.org, env: record.env, exitCode: record.exitCode,
                       durationSeconds: record.durationSeconds,
                       items: record.counts.byOutcome,
                       finishedAt: record.finishedAt),
            metrics: record.metrics ?? RunMetrics())
        var warnings: [MetricsExportWarning] = []
        if let file {
            // A relative path is relative to the current directory, as for any command-line path.
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file)
                : environment.currentDirectory.appendingPathComponent(file).standardizedFileURL
            if let warning = export.writeTextfile(to: url) { warnings.append(warning) }
        }
        if let pushGateway {
            if let gateway = URL(string: pushGateway), gateway.scheme == "http" || gateway.scheme == "https" {
                if let warning = await export.push(to: gateway) { warnings.append(warning) }
            } else {
                warnings.append(MetricsExportWarning(destination: "--push-metrics", reason: "not an http(s) URL"))
            }
        }
        for warning in warnings {
            environment.writeError("⚠️ Metrics not exported: \(warning)\n")
        }
    }
}
