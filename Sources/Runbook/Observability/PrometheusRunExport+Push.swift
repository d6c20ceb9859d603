public import Foundation
import HTTPTypes
import RunbookTransport

extension PrometheusRunExport {
    /// How long a push may take, connection included: the run's exit waits at most this long.
    public static let defaultPushTimeout: Duration = .seconds(5)

    /// The grouping URL: `<gateway>/metrics/job/<script>/org/<org>/env/<env>`.
    public func pushURL(gateway: URL) -> URL {
        var url = gateway
        for part in ["metrics", "job", run.script, "org", run.org, "env", run.env] {
            url.appendPathComponent(part)
        }
        return url
    }

    /// Pushes the exposition text to a Pushgateway, grouped by job (the script), org and env.
    /// A successful run replaces its group (`PUT`, with `runbook_last_success_timestamp_seconds`);
    /// any other run only replaces the metrics it sends (`POST`), so the group keeps the last
    /// success's timestamp. Refused, unreachable, slow (over `timeout`) or an error status:
    /// returned as a warning, never thrown.
    public func push(
        to gateway: URL, timeout: Duration = defaultPushTimeout, transport: (any HTTPTransport)? = nil
    ) async -> MetricsExportWarning? {
        let url = pushURL(gateway: gateway)
        let shown = RedactedURL.string(url, secrets: nil)
        let request = HTTPRequest(method: run.succeeded ? .put : .post, url: url, headerFields: [
            .contentType: "text/plain; version=0.0.4; charset=utf-8",
        ])
        let body = Data(text(groupingLabels: false).utf8)
        do {
            let response = try await (transport ?? SocketHTTPTransport()).send(request, body: body, timeout: timeout)
            guard (200..<300).contains(response.status.code) else {
                let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                return MetricsExportWarning(
                    destination: shown,
                    reason: "the Pushgateway answered \(response.status.code)" + (detail.isEmpty ? "" : ": \(detail)"))
            }
            return nil
        } catch let error as HTTPTransportError {
            return MetricsExportWarning(destination: shown, reason: error.message)
        } catch {
            return MetricsExportWarning(destination: shown, reason: "\(error)")
        }
    }
}
