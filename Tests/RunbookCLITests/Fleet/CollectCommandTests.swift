import Foundation
import RunbookTesting
import Runbook
import Testing

/// `runbook collect DIR…`: run records copied back from elsewhere become one fleet record.
@Suite struct CollectCommandTests {
    @Test func runRecordsUnderFoldersBecomeAFleetRecord() async throws {
        let project = try FleetIsolationTests.project(orgs: ["a", "b"])
        defer { project.remove() }
        let fleet = try await FleetTestSupport.run(["fleet", "hello-world", "--targets", "t.yaml"], in: project)
        #expect(fleet.exitCode == 0, "\(fleet.stderr)")
        // As if copied back from two pods.
        for org in ["a", "b"] {
            try FileManager.default.createDirectory(at: project.root.appendingPathComponent("pods/\(org)"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: project.root.appendingPathComponent("output/\(org)-prod"),
                                             to: project.root.appendingPathComponent("pods/\(org)/output"))
        }
        let before = Set(FleetTestSupport.records(in: project))
        let result = try await FleetTestSupport.run(["collect", "pods"], in: project)
        #expect(result.exitCode == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("2 targets: 2 succeeded; fleet finished, exit 0"))
        let url = try #require(FleetTestSupport.records(in: project).first { !before.contains($0) })
        #expect(try FleetTestSupport.schemaViolations(url) == [])
        let record = try FleetRecord.read(url)
        #expect(record.targets.map(\.name) == ["a/prod", "b/prod"])
        #expect(record.targets.allSatisfy { $0.recordPath?.hasPrefix("pods/") == true && $0.exitCode == 0 })

        let empty = try await FleetTestSupport.run(["collect", "config"], in: project)
        #expect(empty.exitCode == 64)
        #expect(empty.stderr.contains("No run records found under config"))
    }
}
