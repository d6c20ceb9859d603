import Foundation
import Runbook
import RunbookTesting
import Testing

/// One target's crash, hang or temporary failure never affects another (real child processes: a
/// shell wrapper that crashes, hangs or exits 75 for some orgs and runs the real `runbook` for the
/// rest), the failure budget, and the prefixed output.
@Suite(.serialized) struct FleetIsolationTests {
    /// A stand-in for `runbook` that misbehaves per org (`$3`), else runs the real one.
    static func wrapper(in project: TestWorkspace) throws -> URL {
        let real = try FleetTestSupport.runbook().path
        try project.write("bin/runbook", """
            #!/bin/sh
            case "$3" in
              crash) echo "about to crash"; kill -SEGV $$ ;;
              hang) echo "hanging"; exec sleep 600 ;;
              temp) echo "rate limited"; echo x >> "$RUNBOOK_PROJECT_ROOT_FOR_TEST/temp-attempts"; exit 75 ;;
              *) exec "\(real)" "$@" ;;
            esac

            """)
        let url = project.root.appendingPathComponent("bin/runbook")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    static func project(orgs: [String]) throws -> TestWorkspace {
        let project = try TestWorkspace.cli()
        let config = try String(contentsOf: SourceTree.root.appendingPathComponent("config/demo-test-config.yaml"), encoding: .utf8)
        for org in orgs { try project.write("config/\(org)-prod-config.yaml", config) }
        try project.write("t.yaml", "targets:\n" + orgs.map { "  - { org: \($0), env: prod }\n" }.joined())
        return project
    }

    @Test func crashHangAndTemporaryFailureStayWithTheirTarget() async throws {
        let project = try Self.project(orgs: ["ok1", "crash", "hang", "temp", "ok2"])
        defer { project.remove() }
        let result = try await FleetTestSupport.run(
            ["fleet", "hello-world", "--targets", "t.yaml", "--max-parallel", "5", "--target-timeout", "1s", "--retries", "2", "--retry-delay", "0"],
            in: project, executable: try Self.wrapper(in: project),
            variables: ["RUNBOOK_PROJECT_ROOT_FOR_TEST": project.root.path])
        #expect(result.exitCode == 1, "\(result.stdout)\n\(result.stderr)")
        let record = try FleetRecord.read(try #require(FleetTestSupport.records(in: project).last))
        let byOrg = Dictionary(uniqueKeysWithValues: record.targets.map { ($0.org, $0) })
        #expect(byOrg["ok1"]?.exitCode == 0)
        #expect(byOrg["ok2"]?.exitCode == 0)
        #expect(byOrg["crash"]?.exitCode == Int32(139))
        #expect(byOrg["crash"]?.outcome == .failed)
        #expect(byOrg["crash"]?.error?.problem == "The run of crash/prod was killed by signal 11 (SIGSEGV)")
        #expect(byOrg["hang"]?.outcome == .failed)
        #expect(byOrg["hang"]?.error?.problem.hasPrefix("hang/prod did not finish within 1.00 s (--target-timeout)") == true)
        #expect(byOrg["temp"]?.exitCode == 75)
        #expect(byOrg["temp"]?.attempts == 3)
        let attempts = try String(contentsOf: project.root.appendingPathComponent("temp-attempts"), encoding: .utf8)
        #expect(attempts.split(separator: "\n").count == 3)
        #expect(result.stdout.contains("── crash/prod: failed, exit 139 ──\nabout to crash\n"))
        #expect(try FleetTestSupport.schemaViolations(try #require(FleetTestSupport.records(in: project).last)) == [])
    }

    @Test func theFailureBudgetStopsStartingTargets() async throws {
        let project = try Self.project(orgs: ["temp", "ok1", "ok2", "ok3"])
        defer { project.remove() }
        let result = try await FleetTestSupport.run(
            ["fleet", "hello-world", "--targets", "t.yaml", "--max-parallel", "1", "--halt-after", "1"],
            in: project, executable: try Self.wrapper(in: project),
            variables: ["RUNBOOK_PROJECT_ROOT_FOR_TEST": project.root.path])
        #expect(result.exitCode == 1)
        let record = try FleetRecord.read(try #require(FleetTestSupport.records(in: project).last))
        #expect(record.state == .halted)
        #expect(record.targets.map(\.status) == [.finished, .skipped, .skipped, .skipped])
        #expect(result.stdout.contains("4 targets: 1 temporaryFailure, 3 skipped; fleet halted, exit 1"))
    }

    @Test func onlyTemporaryFailuresGiveExit75() async throws {
        let project = try Self.project(orgs: ["ok1", "temp"])
        defer { project.remove() }
        let result = try await FleetTestSupport.run(
            ["fleet", "hello-world", "--targets", "t.yaml", "--output", "prefixed"],
            in: project, executable: try Self.wrapper(in: project),
            variables: ["RUNBOOK_PROJECT_ROOT_FOR_TEST": project.root.path])
        #expect(result.exitCode == 75)
        #expect(result.stdout.contains("temp/prod | rate limited\n"))
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("Starting hello-world") }
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.hasPrefix("ok1/prod | ") })
    }

    @Test func shorthandsMakeTheCrossProduct() async throws {
        let project = try Self.project(orgs: ["a", "b"])
        defer { project.remove() }
        let config = try String(contentsOf: SourceTree.root.appendingPathComponent("config/demo-test-config.yaml"), encoding: .utf8)
        for org in ["a", "b"] { try project.write("config/\(org)-test-config.yaml", config) }
        let result = try await FleetTestSupport.run(["fleet", "hello-world", "--orgs", "a,b", "--envs", "prod,test", "--limit", "2"], in: project)
        #expect(result.exitCode == 0, "\(result.stdout)\n\(result.stderr)")
        let record = try FleetRecord.read(try #require(FleetTestSupport.records(in: project).last))
        #expect(record.targets.map(\.name) == ["a/prod", "a/test", "b/prod", "b/test"])
        #expect(record.targets.allSatisfy { $0.counts?.created == 2 })
        let all = try await FleetTestSupport.run(["fleet", "hello-world", "--all"], in: project)
        #expect(all.exitCode == 0)
        #expect(all.stdout.contains("4 targets: 4 succeeded"))
    }

    @Test func underJSONStandardOutputIsTheFleetRecord() async throws {
        let project = try Self.project(orgs: ["a", "b"])
        defer { project.remove() }
        let result = try await FleetTestSupport.run(
            ["fleet", "hello-world", "--orgs", "a,b", "--envs", "prod", "--limit", "1", "--json"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        // One line: the record as its file holds it; the header and the targets' output went to stderr.
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 1, "\(result.stdout)")
        let printed = try JSONDecoder().decode(FleetRecord.self, from: Data(lines[0].utf8))
        let url = try #require(FleetTestSupport.records(in: project).last)
        #expect(printed.fleetId == (try FleetRecord.read(url)).fleetId)
        #expect(printed.targets.map(\.name) == ["a/prod", "b/prod"])
        #expect(printed.state == .finished && printed.exitCode == 0)
        #expect(result.stderr.contains("Fleet \(printed.fleetId): 2 targets of hello-world"))

        let collected = try await FleetTestSupport.run(["collect", "output", "--json"], in: project)
        #expect(collected.exitCode == 0, "\(collected.stderr)")
        let merged = try JSONDecoder().decode(FleetRecord.self, from: Data(collected.stdout.utf8))
        #expect(merged.targets.map(\.name) == ["a/prod", "b/prod"])
    }
}
