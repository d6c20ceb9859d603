import Foundation
@testable import Runbook
import RunbookTesting
import Testing

/// The script/org/env run lock in one process (`flock` locks belong to an open file, so two
/// opens in one process exclude each other as two processes do): a held lock stops a run with
/// exit 75 naming its owner, every ending releases it, a dead owner's lock is taken over.
/// `RunLockProcessTests` does the same with real `runbook` processes.
@Suite struct ScriptRunLockTests {
    struct Waiting: Script {
        static let name = "waiting"
        static let summary = "fails, sleeps or succeeds on request"
        @Option var mode = "ok"
        init() {}
        func run(_ context: ScriptContext) async throws {
            switch mode {
            case "fail": throw HelpfulError(problem: "Broken on purpose", solution: "None")
            case "sleep": try await context.clock.sleep(for: .seconds(3600))
            default: context.results.created("one")
            }
        }
    }

    static let owner = ScriptRunLock.Owner(
        pid: 4242, host: "batch-01", runId: "0192f0c1-7b3a-7c4d-8e5f-0123456789ab", startedAt: "2026-12-02T15:00:00Z")
    static let lockPath = "tmp/locks/waiting_acme-prod.lock"

    static func run(in root: URL, mode: String = "ok", clock: ManualClock = ManualClock(), dryRun: Bool = false) async -> RunOutcome {
        let runner = ScriptRunner(clock: clock, makeLogging: { setup in
            RunLogging(redactor: setup.redactor, clock: clock, sinks: [])
        })
        return await runner.run(RunRequest(
            script: Waiting.self, arguments: ["--mode", mode], org: "acme", env: "prod", projectRoot: root, isDryRun: dryRun,
            configuration: .inline(document: ScriptHarness<Waiting>.defaultConfig, isJSON: false, secrets: [:], validate: true)))
    }

    static func exists(_ root: URL) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(lockPath).path)
    }

    @Test func aHeldLockIsRefusedWithExit75NamingItsOwner() throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let held = try ScriptRunLock.acquire(projectRoot: root, script: "waiting", org: "acme", env: "prod", owner: Self.owner)
        let line = try String(contentsOf: root.appendingPathComponent(Self.lockPath), encoding: .utf8)
        #expect(line == #"{"host":"batch-01","pid":4242,"runId":"0192f0c1-7b3a-7c4d-8e5f-0123456789ab","startedAt":"2026-12-02T15:00:00Z"}"# + "\n")
        #expect(held.previousOwner == nil)
        var other = Self.owner
        other.pid = 77
        #expect {
            try ScriptRunLock.acquire(projectRoot: root, script: "waiting", org: "acme", env: "prod", owner: other)
        } throws: { error in
            let error = error as? HelpfulError
            return error?.exitCode == .temporaryFailure && error?.location == .file(Self.lockPath)
                && error?.problem == "Another run of waiting for acme/prod is still going: run 0192f0c1-7b3a-7c4d-8e5f-0123456789ab (pid 4242 on batch-01, since 2026-12-02T15:00:00Z)"
        }
        // Another org/env or script is not blocked.
        let otherEnv = try ScriptRunLock.acquire(projectRoot: root, script: "waiting", org: "acme", env: "test", owner: other)
        otherEnv.release()
        held.release()
        held.release()
        #expect(!Self.exists(root), "released: the file is removed")
        let again = try ScriptRunLock.acquire(projectRoot: root, script: "waiting", org: "acme", env: "prod", owner: other)
        #expect(again.previousOwner == nil)
        again.release()
    }

    @Test func theLockOfADeadOwnerIsTakenOver() async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        // What a killed process leaves: its line, and no lock (the kernel dropped it).
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tmp/locks"), withIntermediateDirectories: true)
        try Data(#"{"host":"batch-01","pid":4242,"runId":"r-1","startedAt":"2026-12-02T15:00:00Z"}"#.utf8 + [0x0A])
            .write(to: root.appendingPathComponent(Self.lockPath))
        let taken = try ScriptRunLock.acquire(projectRoot: root, script: "waiting", org: "acme", env: "prod", owner: Self.owner)
        #expect(taken.previousOwner?.runId == "r-1")
        taken.release()
        try Data("{\"pid\":1".utf8).write(to: root.appendingPathComponent(Self.lockPath))
        let run = await Self.run(in: root)
        #expect(run.exitCode == .success, "a half-written line of a dead owner is taken over too")
        #expect(!Self.exists(root))
    }

    @Test func aRunWhileTheLockIsHeldEndsWith75AndARecord() async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let held = try ScriptRunLock.acquire(projectRoot: root, script: "waiting", org: "acme", env: "prod", owner: Self.owner)
        for dryRun in [false, true] {
            let refused = await Self.run(in: root, dryRun: dryRun)
            #expect(refused.exitCode == .temporaryFailure, "dry run: \(dryRun)")
            #expect(refused.error?.problem.contains("run \(Self.owner.runId) (pid 4242 on batch-01") == true)
            #expect(refused.record?.outcome == .temporaryFailure)
            #expect(refused.record?.exitCode == 75)
            #expect(refused.recordFile != nil, "the refused run has its record too")
        }
        held.release()
        #expect(await Self.run(in: root).exitCode == .success)
    }

    @Test(arguments: ["ok", "fail"])
    func everyEndingReleasesTheLock(mode: String) async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = await Self.run(in: root, mode: mode)
        #expect(outcome.exitCode == (mode == "ok" ? .success : .scriptFailed))
        #expect(!Self.exists(root))
        #expect(await Self.run(in: root).exitCode == .success, "the next run gets the lock")
    }

    @Test func anInterruptedRunReleasesTheLock() async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let clock = ManualClock(mode: .manual)
        let task = Task { await Self.run(in: root, mode: "sleep", clock: clock) }
        while clock.pendingSleepers == 0 { await Task.yield() }
        #expect(Self.exists(root), "held while the script runs")
        task.cancel()
        #expect(await task.value.exitCode == .interrupted)
        #expect(!Self.exists(root))
    }

    @Test func anInvalidOrgNeverBecomesALockPath() async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let runner = ScriptRunner(clock: ManualClock())
        let outcome = await runner.run(RunRequest(script: Waiting.self, org: "../x", env: "prod", projectRoot: root))
        #expect(outcome.exitCode == .configuration)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("tmp/locks").path))
    }
}
