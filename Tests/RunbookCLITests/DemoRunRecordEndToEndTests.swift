import Foundation
import JSONSchema
import Runbook
import RunbookTesting
import Testing

/// Issue 12's "done means", with real processes: the built `runbook` runs `customer-sync` against
/// the built `demo-api --fail-rate 0.1`, prints a per-host metrics line and writes a record that
/// validates against schemas/run-record.schema.json with real latency percentiles and 429 counts;
/// Ctrl-C (SIGINT) in the middle of the same run ends it as interrupted, exit 130, with a record
/// that validates too; `--log-format json` gives a JSON object with the run id on every line.
@Suite struct DemoRunRecordEndToEndTests {
    /// 40 customers: with one request in ten failing (429), the deterministic fault sequence
    /// throttles several of the ~80 requests.
    static let customers: String = {
        var rows = ["number,displayName,email,city,country"]
        for n in 1...40 {
            rows.append(String(format: "E%03d,End To End %d,e%d@example.com,Oslo,NO", n, n, n))
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    /// A project whose demo/test config points at `baseURL`, with short, jittered retry waits.
    static func project(baseURL: String) throws -> TestWorkspace {
        let project = try TestWorkspace.cli()
        try project.write("data/customers.csv", customers)
        try project.write("config/demo-test-config.yaml", """
            global:
              api-base-url: \(baseURL)
            script-behavior:
              retry-strategy:
                max-retries: 8
                backoff-factor: 1.0
              jitter:
                min-factor: 0.1
                max-factor: 1.0
              circuit-breaker:
                enabled: false
            scripts:
              customer-sync:
                entity-path: customers

            """)
        return project
    }

    /// Starts the built demo-api on an ephemeral port and returns it with its API base URL.
    static func demoAPI(_ arguments: [String]) async throws -> (ChildProcess, String) {
        let server = try ChildProcess(try ChildProcess.builtExecutable("demo-api"), ["--port", "0"] + arguments)
        let listening = await server.waitForOutput { $0.stderr.contains("(Ctrl-C to stop)") }
        try #require(listening, "demo-api did not start: \(server.output.combined)")
        let line = try #require(server.output.stderr.split(separator: "\n").first { $0.contains("listening on") })
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") })
        return (server, String(url))
    }

    static func records(in project: TestWorkspace) throws -> [(path: String, data: Data)] {
        try project.files(in: "output").filter { $0.contains("-results_") && $0.hasSuffix(".json") }.map { path in
            (path, try Data(contentsOf: project.root.appendingPathComponent("output/" + path)))
        }
    }

    static func schemaViolations(_ data: Data) throws -> [String] {
        let schemaData = try Data(contentsOf: SourceTree.root.appendingPathComponent("schemas/run-record.schema.json"))
        let schema = try CompiledSchema(try JSONParser.parse(Array(schemaData)))
        return schema.validate(try JSONParser.parse(Array(data))).violations.map(\.message)
    }

    @Test func aThrottledRunPrintsHostMetricsAndRecordsThem() async throws {
        let (server, baseURL) = try await Self.demoAPI(["--fail-rate", "0.1", "--retry-after", "0"])
        defer { server.send(SIGKILL) }
        let project = try Self.project(baseURL: baseURL)
        defer { project.remove() }
        let run = try ChildProcess(try ChildProcess.builtExecutable("runbook"),
                                   ["run", "customer-sync", "demo", "test", "--project-root", project.root.path,
                                    "--log-format", "json"])
        let (status, output) = await run.waitForExit()
        #expect(status == 0, "\(output.combined)")

        // The console's per-host line: calls, retries by cause, percentiles.
        let host = try #require(URL(string: baseURL)?.host).appending(":\(try #require(URL(string: baseURL)?.port))")
        let hostLine = try #require(output.combined.split(separator: "\n").first { $0.contains("\(host): ") && $0.contains(" calls") },
                                    "no metrics line for \(host) in:\n\(output.combined)")
        #expect(hostLine.contains("retried ("), "\(hostLine)")
        #expect(hostLine.contains("× 429)"), "\(hostLine)")
        #expect(hostLine.contains("p50 ") && hostLine.contains("p95 ") && hostLine.contains("max "), "\(hostLine)")

        // The record validates and carries the real figures.
        let records = try Self.records(in: project)
        try #require(records.count == 1, "\(project.files(in: "output"))")
        #expect(try Self.schemaViolations(records[0].data) == [])
        let record = try #require(try JSONSerialization.jsonObject(with: records[0].data) as? [String: Any])
        #expect(record["outcome"] as? String == "succeeded")
        #expect(record["exitCode"] as? Int == 0)
        let hosts = try #require((record["metrics"] as? [String: Any])?["hosts"] as? [[String: Any]], "\(record)")
        let metrics = try #require(hosts.first { ($0["host"] as? String)?.hasPrefix("127.0.0.1") == true }, "\(hosts)")
        let calls = try #require(metrics["calls"] as? Int)
        let retries = try #require(metrics["retries"] as? Int)
        let throttled = try #require(metrics["throttled"] as? Int)
        #expect(calls >= 80, "\(metrics)")
        #expect(retries > 0 && throttled == retries, "\(metrics)")
        let latency = try #require(metrics["callLatency"] as? [String: Any], "\(metrics)")
        let p50 = try #require(latency["p50Seconds"] as? Double)
        let p99 = try #require(latency["p99Seconds"] as? Double)
        let maximum = try #require(latency["maxSeconds"] as? Double)
        #expect(p50 > 0 && p50 <= p99 && p99 <= maximum, "\(latency)")

        // Every log line, on the console and in the log file, is a JSON object with the run id.
        let runID = try #require(record["runId"] as? String)
        let logFile = try #require(record["logFile"] as? String)
        let fileLines = try String(contentsOf: project.root.appendingPathComponent(logFile), encoding: .utf8)
            .split(separator: "\n")
        let consoleLines = output.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(fileLines.count > 3 && !consoleLines.isEmpty)
        for line in fileLines + consoleLines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["runId"] as? String == runID, "\(line)")
        }
    }

    @Test func ctrlCInTheMiddleOfTheRunIsRecordedAsInterrupted() async throws {
        // Slow answers keep the run going; SIGINT as soon as it has read its input.
        let (server, baseURL) = try await Self.demoAPI(["--fail-rate", "0.1", "--retry-after", "0", "--slow-ms", "100"])
        defer { server.send(SIGKILL) }
        let project = try Self.project(baseURL: baseURL)
        defer { project.remove() }
        let run = try ChildProcess(try ChildProcess.builtExecutable("runbook"),
                                   ["run", "customer-sync", "demo", "test", "--project-root", project.root.path])
        let started = await run.waitForOutput { $0.combined.contains("syncing 40") }
        try #require(started, "\(run.output.combined)")
        run.send(SIGINT)
        let (status, output) = await run.waitForExit()
        #expect(status == 130, "\(output.combined)")

        let records = try Self.records(in: project)
        try #require(records.count == 1, "\(project.files(in: "output"))")
        #expect(try Self.schemaViolations(records[0].data) == [])
        let record = try #require(try JSONSerialization.jsonObject(with: records[0].data) as? [String: Any])
        #expect(record["outcome"] as? String == "interrupted")
        #expect(record["exitCode"] as? Int == 130)
        #expect(output.combined.contains(try #require(record["runId"] as? String).prefix(8)), "\(output.combined)")
    }
}
