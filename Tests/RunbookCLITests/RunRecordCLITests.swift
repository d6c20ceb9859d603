import Foundation
import Runbook
import RunbookCLI
import RunbookTesting
import Synchronization
import Testing

/// `runbook run` end to end: for every ending, the console summary, the `--json` line and the
/// record file tell the same truth, with the real exit code.
@Suite struct RunRecordCLITests {
    struct Counting: Script {
        static let name = "counting"
        static let summary = "records items, then ends the way --mode says"
        @Option var mode = "succeed"
        init() {}

        func run(_ context: ScriptContext) async throws {
            for index in 1...3 { context.results.created("item/\(index)") }
            switch mode {
            case "throw": throw HelpfulError(problem: "The ERP refused the batch", solution: "Try again later")
            case "wait": try await context.clock.sleep(for: .seconds(3600))
            default: break
            }
        }
    }

    /// A clock one second later at every reading: a record built twice would show it.
    final class TickingClock: RunbookClock {
        private let seconds = Mutex(0)
        func now() -> Date {
            Date(timeIntervalSince1970: 1_737_815_445 + Double(seconds.withLock { value in value += 1; return value }))
        }
        func monotonicNow() -> Duration { .seconds(seconds.withLock { $0 }) }
        func sleep(for duration: Duration) async throws {}
    }

    /// What one CLI run printed, returned and saved.
    struct Run {
        let exitCode: Int32
        let stdout: String
        let stderr: String
        let records: [String: Data]

        /// The only record file, decoded.
        func record() throws -> RunRecord {
            let data = try #require(records.count == 1 ? records.first?.value : nil, "\(records.keys)")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(RunRecord.self, from: data)
        }

        /// The `--json` line, decoded.
        func jsonLine() throws -> RunRecord {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(RunRecord.self, from: Data(stdout.utf8))
        }
    }

    /// Runs `runbook run counting demo test <options> --json` in `project` on `clock`; `whileRunning`
    /// is called once the script sleeps (manual clock) with the task that runs the command.
    static func run(
        _ project: TestWorkspace, _ options: [String], clock: any RunbookClock = ManualClock(),
        whileRunning: (@Sendable (Task<CLIResult, Never>) async -> Void)? = nil
    ) async throws -> Run {
        let tester = CLITester(scripts: [Counting.self], clock: clock)
        let task = Task { await tester.run(["run", "counting", "demo", "test"] + options, in: project) }
        if let whileRunning, let clock = clock as? ManualClock {
            while clock.pendingSleepers == 0 { await Task.yield() }
            await whileRunning(task)
        }
        let result = await task.value
        var records: [String: Data] = [:]
        for name in project.files(in: "output") where name.contains("-results_") {
            records[name] = FileManager.default.contents(atPath: project.root.appendingPathComponent("output/" + name).path)
        }
        return Run(exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, records: records)
    }

    static func project() throws -> TestWorkspace {
        let project = try TestWorkspace.cli()
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        return project
    }

    @Test func ctrlCIsRecordedAsInterrupted() async throws {
        let project = try Self.project()
        defer { project.remove() }
        let run = try await Self.run(project, ["--mode", "wait", "--json"], clock: ManualClock(mode: .manual)) { task in
            task.cancel()   // what the SIGINT handler does to the run's task
        }
        #expect(run.exitCode == 130)
        let record = try run.record()
        #expect(try run.jsonLine() == record, "the --json line is the saved record")
        #expect(record.outcome == .interrupted)
        #expect(record.exitCode == 130)
        #expect(record.error?.problem == "The run was interrupted")
        #expect(record.error?.code == .runInterrupted)
        #expect(run.stderr.contains("⚠️ Interrupted after 3 operations: 3 created, 0 updated (run \(record.runId))"))
        #expect(!run.stderr.contains("successful"))
        #expect(!run.stdout.contains(#""success""#))
    }

    static let endings: [(options: [String], exitCode: Int32, outcome: RunRecord.Outcome, summary: String)] = [
        (["--mode", "succeed"], 0, .succeeded, "✅ All 3 operations successful: 3 created, 0 updated"),
        (["--mode", "throw"], 1, .failed, "❌ Failed after 3 operations: 3 created, 0 updated"),
        (["--mode", "wrong", "--unknown-option"], 64, .usageError, "❌ Usage error: the script did not run"),
    ]

    @Test(arguments: endings)
    func everyEndingIsRecordedWithItsExitCode(
        ending: (options: [String], exitCode: Int32, outcome: RunRecord.Outcome, summary: String)
    ) async throws {
        let project = try Self.project()
        defer { project.remove() }
        let run = try await Self.run(project, ending.options + ["--json"], clock: TickingClock())
        #expect(run.exitCode == ending.exitCode, "\(run.stderr)")
        let record = try run.record()
        #expect(try run.jsonLine() == record, "the --json line is the saved record, not one made again later")
        #expect(record.finishedAt > record.startedAt)
        #expect(record.outcome == ending.outcome)
        #expect(record.exitCode == ending.exitCode)
        #expect(record.summary == ending.summary)
        #expect((record.error == nil) == (ending.exitCode == 0))
        #expect(record.error?.code?.identifier == [0: nil, 1: "RB-SCR-001", 64: "RB-USG-004"][ending.exitCode] ?? nil)
        if ending.outcome != .usageError {
            #expect(run.stderr.contains("\(ending.summary) (run \(record.runId))"))
        }
    }

    @Test func aConfigurationErrorIsRecordedWithoutItsSecret() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML + "unknown-section: 1\n")
        try project.write("config/demo-test-config-secrets.yaml", "client-secret: \(BrokenConfigCase.plantedSecret)\n")
        let run = try await Self.run(project, ["--json"])
        #expect(run.exitCode == 78)
        let record = try run.record()
        #expect(try run.jsonLine() == record)
        #expect(record.outcome == .configurationError)
        #expect(record.exitCode == 78)
        #expect(record.summary == "❌ Configuration error: the script did not run")
        #expect(record.error?.exitCode == 78)
        #expect(record.error?.code == .configSchemaViolation)
        #expect(run.records.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains(BrokenConfigCase.plantedSecret) })
        #expect(run.records.keys.first?.hasPrefix("demo-test-counting-results_2025-01-25T143045Z_\(record.runId.short)") == true)
    }
}
