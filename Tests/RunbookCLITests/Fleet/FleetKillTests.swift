import DemoAPI
import Foundation
import Runbook
import RunbookTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A coordinator killed with kill -9 mid-fleet (real processes): its record says which targets
/// finished and which did not, none of its children survives it, and `--resume` runs the rest.
@Suite(.serialized) struct FleetKillTests {
    @Test func killedCoordinatorLeavesATrueRecordAndNoChildrenAndResumeFinishes() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        // One API per fast target (two upserts of the same customers at once could conflict), the first
        // one also for the resumed targets, one after the other.
        let server = DemoAPIServer(options: DemoAPIOptions(port: 0, seed: DemoSeed(items: 0)))
        let other = DemoAPIServer(options: DemoAPIOptions(port: 0, seed: DemoSeed(items: 0)))
        try server.start()
        try other.start()
        defer { server.stop(); other.stop() }
        // A port that accepts connections (the kernel's backlog) and never answers: the slow targets hang.
        let silent = try SilentPort()
        defer { silent.close() }
        try project.write("config/fast1-prod-config.yaml", FleetTestSupport.customerSyncConfig(server.apiBaseURL))
        try project.write("config/fast2-prod-config.yaml", FleetTestSupport.customerSyncConfig(other.apiBaseURL))
        for org in ["slow1", "slow2"] {
            try project.write("config/\(org)-prod-config.yaml", FleetTestSupport.customerSyncConfig(silent.url, timeoutSeconds: 3600))
        }
        try project.write("t.yaml", "targets:\n" + ["fast1", "slow1", "fast2", "slow2"].map { "  - { org: \($0), env: prod }\n" }.joined())
        let coordinator = try ChildProcess(
            try FleetTestSupport.runbook(), ["fleet", "customer-sync", "--targets", "t.yaml", "--max-parallel", "4"],
            directory: project.root)

        // Wait until the fast targets finished and the slow ones are running.
        var recordURL: URL?
        let ready = await eventually {
            guard let url = FleetTestSupport.records(in: project).last, let record = try? FleetRecord.read(url) else { return false }
            recordURL = url
            let status = Dictionary(uniqueKeysWithValues: record.targets.map { ($0.org, $0.status) })
            return status["fast1"] == .finished && status["fast2"] == .finished
                && status["slow1"] == .running && status["slow2"] == .running
        }
        #expect(ready)
        let url = try #require(recordURL)
        let journal = FleetJournal.events(at: FleetJournal.url(forRecord: url))
        let slowIndices: Set<Int> = [1, 3]
        let childPids = journal.filter { $0.event == "started" && slowIndices.contains($0.index ?? -1) }.compactMap(\.pid)
        #expect(childPids.count == 2)
        #expect(childPids.allSatisfy { !processIsGone($0) })

        coordinator.send(SIGKILL)
        #expect(await coordinator.waitForTermination() == 128 + SIGKILL)
        // The children got SIGTERM from the kernel (PR_SET_PDEATHSIG) and ended.
        let gone = await eventually { childPids.allSatisfy(processIsGone) }
        #expect(gone, "children still alive: \(childPids.filter { !processIsGone($0) })")

        let killed = try FleetRecord.read(url)
        #expect(killed.state == .running)
        #expect(killed.finishedAt == nil)
        #expect(killed.targets.filter { $0.status == .finished }.map(\.org) == ["fast1", "fast2"])
        #expect(killed.targets.filter { $0.status != .finished }.map(\.org) == ["slow1", "slow2"])
        #expect(try FleetTestSupport.schemaViolations(url) == [])

        // The API is back for the slow ones: --resume runs only them, in the same record.
        for org in ["slow1", "slow2"] {
            try project.write("config/\(org)-prod-config.yaml", FleetTestSupport.customerSyncConfig(server.apiBaseURL))
        }
        let requestsBefore = server.requestLog.count
        let resumed = try await FleetTestSupport.run(
            ["fleet", "customer-sync", "--resume", "output/\(url.lastPathComponent)", "--max-parallel", "1"], in: project)
        #expect(resumed.exitCode == 0, "\(resumed.stdout)\n\(resumed.stderr)")
        let final = try FleetRecord.read(url)
        #expect(final.state == .finished)
        #expect(final.exitCode == 0)
        #expect(final.targets.allSatisfy { $0.status == .finished && $0.exitCode == 0 })
        #expect(final.targets.first { $0.org == "fast1" } == killed.targets.first { $0.org == "fast1" })
        #expect(resumed.stdout.contains("Fleet \(final.fleetId): 2 targets"))
        #expect(server.requestLog.count > requestsBefore)
        #expect(try FleetTestSupport.schemaViolations(url) == [])
    }
}

/// A listening TCP socket on 127.0.0.1 that never accepts: connections complete, requests get no answer.
struct SilentPort {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        (descriptor, port) = try LoopbackListeningSocket.open()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/api/v2.0/")! }

    func close() { _ = Glibc.close(descriptor) }
}

/// SIGTERM to a coordinator: forwarded to the running target (its record says interrupted), the
/// rest skipped, the fleet record written, exit 130.
@Suite(.serialized) struct FleetInterruptTests {
    @Test func sigtermInterruptsTheFleet() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let silent = try SilentPort()
        defer { silent.close() }
        for org in ["slow1", "slow2"] {
            try project.write("config/\(org)-prod-config.yaml", FleetTestSupport.customerSyncConfig(silent.url, timeoutSeconds: 3600))
        }
        try project.write("t.yaml", "targets:\n  - { org: slow1, env: prod }\n  - { org: slow2, env: prod }\n")
        let coordinator = try ChildProcess(
            try FleetTestSupport.runbook(), ["fleet", "customer-sync", "--targets", "t.yaml", "--max-parallel", "1"],
            directory: project.root)
        // Wait until the first target's run is under way (its log says it read the customers).
        let started = await eventually {
            project.files(in: "logs").contains { name in
                (try? String(contentsOf: project.root.appendingPathComponent("logs/\(name)"), encoding: .utf8))?
                    .contains("Read 5 customers") == true
            }
        }
        #expect(started)
        coordinator.send(SIGTERM)
        #expect(await coordinator.waitForTermination() == 130)
        let record = try FleetRecord.read(try #require(FleetTestSupport.records(in: project).last))
        #expect(record.state == .interrupted)
        #expect(record.exitCode == 130)
        #expect(record.targets.map(\.status) == [.finished, .skipped])
        #expect(record.targets[0].outcome == .interrupted)
        #expect(record.targets[0].exitCode == 130)
        #expect(record.targets[0].recordPath?.hasPrefix("output/slow1-prod/") == true)
    }
}
