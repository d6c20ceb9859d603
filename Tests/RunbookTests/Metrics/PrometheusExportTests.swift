import Foundation
import RunbookTesting
import HTTPTypes
import Runbook
import Testing

/// The Prometheus export of a run: a textfile that promtool accepts, written atomically, and a
/// push that a real Pushgateway serves back; failures are warnings.
@Suite("Metrics: Prometheus export")
struct PrometheusExportTests {
    static func export(exitCode: Int32 = 0) -> PrometheusRunExport {
        var host = HostMetrics(host: "api.example.com")
        host.calls = 2010
        host.attempts = 2027
        host.attemptsByStatusClass = ["2xx": 2010, "4xx": 17]
        host.retries = 17
        host.retriesByReason = ["429": 17]
        host.throttled = 17
        host.rateLimitWaitSeconds = 3.1
        host.bytesReceived = 123_456
        host.callLatency = LatencySummary(count: 2010, p50Seconds: 0.004, p95Seconds: 0.011, p99Seconds: 0.3, maxSeconds: 2.4)
        return PrometheusRunExport(
            run: .init(script: "customer-sync", org: "acme", env: "prod", exitCode: exitCode, durationSeconds: 41.5,
                       items: ["created": 1300, "updated": 32, "failed": 0], finishedAt: Date(timeIntervalSince1970: 1_737_815_445)),
            metrics: RunMetrics(hosts: [host]))
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("the textfile has the run's samples with job, org and env labels, and last success only on success")
    func textfileSamples() throws {
        let text = Self.export().text(groupingLabels: true)
        #expect(text.contains(#"runbook_http_calls_total{job="customer-sync",org="acme",env="prod",host="api.example.com"} 2010"#))
        #expect(text.contains(#"runbook_http_retries_total{job="customer-sync",org="acme",env="prod",host="api.example.com",reason="429"} 17"#))
        #expect(text.contains(#"runbook_http_call_latency_p95_seconds{job="customer-sync",org="acme",env="prod",host="api.example.com"} 0.011"#))
        #expect(text.contains(#"runbook_run_items_total{job="customer-sync",org="acme",env="prod",outcome="created"} 1300"#))
        #expect(text.contains(#"runbook_last_success_timestamp_seconds{job="customer-sync",org="acme",env="prod"} 1737815445"#))
        let failed = Self.export(exitCode: 2).text(groupingLabels: false)
        #expect(!failed.contains("runbook_last_success_timestamp_seconds"))
        #expect(failed.contains("runbook_run_exit_code 2"))
    }

    @Test("the written file passes promtool check metrics, and no temporary file is left",
          .enabled(if: Tool.find("promtool") != nil, "promtool is not installed (Debian package prometheus; .ci/run installs it)"))
    func promtoolAccepts() throws {
        let promtool = try #require(Tool.find("promtool"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("runbook.prom")
        #expect(Self.export().writeTextfile(to: file) == nil)
        let check = try Tool.run("/bin/sh", ["-c", "\(promtool) check metrics < '\(file.path)'"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(check.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["runbook.prom"])
    }

    @Test("a failed run keeps the previous file's last-success timestamp")
    func failedRunKeepsLastSuccess() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("runbook.prom")
        #expect(Self.export().writeTextfile(to: file) == nil)
        #expect(Self.export(exitCode: 1).writeTextfile(to: file) == nil)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(#"runbook_last_success_timestamp_seconds{job="customer-sync",org="acme",env="prod"} 1737815445"#))
        #expect(text.contains(#"runbook_run_exit_code{job="customer-sync",org="acme",env="prod"} 1"#))
        if let promtool = Tool.find("promtool") {
            let check = try Tool.run("/bin/sh", ["-c", "\(promtool) check metrics < '\(file.path)'"])
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test("an unwritable metrics file is a warning with its reason")
    func unwritable() throws {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/runbook.prom")
        let warning = try #require(Self.export().writeTextfile(to: missing))
        #expect(warning.destination == missing.path)
        #expect(warning.reason == "the folder \(missing.deletingLastPathComponent().path) does not exist")
        #expect(warning.description.hasPrefix("Metrics not exported to \(missing.path): "))
    }

    @Test("a refused push (port closed) is a warning, not an error")
    func refusedPush() async throws {
        let socket = try LoopbackListeningSocket.open()
        _ = close(socket.descriptor)
        let gateway = URL(string: "http://127.0.0.1:\(socket.port)")!
        let warning = try #require(await Self.export().push(to: gateway, timeout: .seconds(5)))
        #expect(warning.destination == "http://127.0.0.1:\(socket.port)/metrics/job/customer-sync/org/acme/env/prod")
        #expect(!warning.reason.isEmpty)
    }

    @Test("a Pushgateway that never answers costs at most the push timeout, as a warning")
    func silentGateway() async throws {
        let socket = try LoopbackListeningSocket.open()
        defer { _ = close(socket.descriptor) }
        let warning = await Self.export().push(
            to: URL(string: "http://127.0.0.1:\(socket.port)")!, timeout: .milliseconds(200))
        #expect(warning != nil)
    }

    @Test("a real Pushgateway receives the push and serves it back, grouped by job, org and env",
          .enabled(if: PushgatewayProcess.executable != nil,
                   "prometheus-pushgateway is not installed (Debian package; .ci/run installs it)"))
    func realPushgateway() async throws {
        let executable = try #require(PushgatewayProcess.executable)
        let gateway = try await PushgatewayProcess(executable: executable)
        defer { gateway.stop() }
        #expect(await Self.export().push(to: gateway.url) == nil)
        let transport = SocketHTTPTransport()
        var served = ""
        for _ in 1...20 where !served.contains("runbook_http_calls_total") {
            let response = try await transport.send(
                HTTPRequest(method: .get, url: gateway.url.appendingPathComponent("metrics")), body: nil, timeout: .seconds(5))
            served = String(decoding: response.body, as: UTF8.self)
        }
        let line = served.split(separator: "\n").first { $0.hasPrefix("runbook_http_calls_total{") }
        let sample = try #require(line)
        for label in [#"job="customer-sync""#, #"org="acme""#, #"env="prod""#, #"host="api.example.com""#] {
            #expect(sample.contains(label), "\(sample)")
        }
        #expect(sample.hasSuffix(" 2010"))
        #expect(served.contains("runbook_last_success_timestamp_seconds{"))

        // A failed run (POST) replaces its own samples but keeps the last success's timestamp.
        #expect(await Self.export(exitCode: 1).push(to: gateway.url) == nil)
        let after = try await transport.send(
            HTTPRequest(method: .get, url: gateway.url.appendingPathComponent("metrics")), body: nil, timeout: .seconds(5))
        let text = String(decoding: after.body, as: UTF8.self)
        #expect(text.contains("runbook_last_success_timestamp_seconds{"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("runbook_run_exit_code{") && $0.hasSuffix(" 1") })
    }
}
