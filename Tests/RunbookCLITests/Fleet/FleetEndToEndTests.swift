import DemoAPI
import Foundation
import Runbook
import RunbookTesting
import Testing

/// The issue's "done means": six customer-sync targets against real demo-api servers, one with a
/// broken configuration (78) and one whose API answers 503 (75), run by `runbook fleet` with real
/// child processes; then `--rerun-failed` runs only those two.
@Suite(.serialized) struct FleetEndToEndTests {
    @Test func sixTargetsThenRerunFailed() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        var servers: [DemoAPIServer] = []
        defer { for server in servers { server.stop() } }
        for _ in 0..<5 {
            let server = DemoAPIServer(options: DemoAPIOptions(port: 0, seed: DemoSeed(items: 0)))
            try server.start()
            servers.append(server)
        }
        let outage = servers[4]
        outage.faults = DemoFaults(failRate: 1, failStatus: 503, retryAfter: 0)
        let healthy = ["acme/prod", "acme/test", "globex/prod", "initech/prod"]
        for (index, target) in healthy.enumerated() {
            try project.write("config/\(target.replacingOccurrences(of: "/", with: "-"))-config.yaml",
                              FleetTestSupport.customerSyncConfig(servers[index].apiBaseURL))
        }
        try project.write("config/outage-prod-config.yaml", FleetTestSupport.customerSyncConfig(outage.apiBaseURL))
        try project.write("config/broken-prod-config.yaml", "global:\n  api-base-url: 42\nscript-behavior: {}\n")
        try project.write("t.yaml", """
            targets:
              - { org: acme, env: prod }
              - { org: acme, env: test }
              - { org: broken, env: prod }
              - { org: globex, env: prod }
              - { org: outage, env: prod }
              - { org: initech, env: prod, options: { limit: 3 } }

            """)

        let result = try await FleetTestSupport.run(["fleet", "customer-sync", "--targets", "t.yaml", "--max-parallel", "3"], in: project)
        #expect(result.exitCode == 1, "\(result.stdout)\n\(result.stderr)")
        let recordURL = try #require(FleetTestSupport.records(in: project).last)
        #expect(try FleetTestSupport.schemaViolations(recordURL) == [])
        let record = try FleetRecord.read(recordURL)
        #expect(record.targets.count == 6)
        #expect(record.state == .finished)
        #expect(record.exitCode == 1)
        let byName = Dictionary(uniqueKeysWithValues: record.targets.map { ($0.name, $0) })
        #expect(byName["broken/prod"]?.exitCode == 78)
        #expect(byName["broken/prod"]?.outcome == .configurationError)
        #expect(byName["outage/prod"]?.exitCode == 75)
        #expect(byName["outage/prod"]?.outcome == .temporaryFailure)
        for name in healthy {
            let entry = try #require(byName[name])
            #expect(entry.exitCode == 0, "\(name): \(entry.error?.problem ?? "")")
            #expect(entry.status == .finished)
            #expect(entry.attempts == 1)
            let path = try #require(entry.recordPath)
            #expect(path.hasPrefix("output/\(entry.org)-\(entry.env)/"))
            #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent(path).path))
        }
        #expect(byName["initech/prod"]?.arguments == ["--limit", "3"])
        #expect(byName["initech/prod"]?.counts.map { $0.created + $0.updated + $0.skipped } == 3)
        // The table: a header, one line per target, the counts and the record's path.
        #expect(result.stdout.contains("TARGET"))
        #expect(result.stdout.contains("6 targets: 4 succeeded, 1 configurationError, 1 temporaryFailure; fleet finished, exit 1"))
        #expect(result.stdout.contains("Fleet record: output/\(recordURL.lastPathComponent)"))
        for name in healthy + ["broken/prod", "outage/prod"] {
            #expect(result.stdout.contains("── \(name): "), "no output block for \(name)")
        }

        // Fix both, then rerun only what did not succeed.
        try project.write("config/broken-prod-config.yaml", FleetTestSupport.customerSyncConfig(servers[0].apiBaseURL))
        outage.faults = DemoFaults()
        let rerun = try await FleetTestSupport.run(
            ["fleet", "customer-sync", "--rerun-failed", "output/\(recordURL.lastPathComponent)"], in: project)
        #expect(rerun.exitCode == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        let second = try #require(FleetTestSupport.records(in: project).first { $0 != recordURL })
        let again = try FleetRecord.read(second)
        #expect(again.targets.map(\.name) == ["broken/prod", "outage/prod"])
        #expect(again.targets.map(\.index) == [2, 4])
        #expect(again.targets.allSatisfy { $0.exitCode == 0 })
        #expect(try FleetTestSupport.schemaViolations(second) == [])
    }
}
