import Foundation
import Runbook
import RunbookTesting
import Testing

/// Every outcome of a run, through the real runner: the record is written with the real exit code,
/// the outcome word and the error, and the saved file, the outcome and the summary are one value.
@Suite struct RunRecordTests {
    struct Ending: Script {
        static let name = "ending"
        static let summary = "ends the way its --mode says"
        @Option var mode = "succeed"
        init() {}

        func run(_ context: ScriptContext) async throws {
            let token = try context.secrets.require("api-key").reveal()
            context.results.created("item/1")
            context.results.created("item/2")
            switch mode {
            case "fail-items":
                context.results.failed("item/3", reason: "HTTP 422 for key \(token)")
            case "throw":
                throw HelpfulError(problem: "The API rejected key \(token)", solution: "Rotate the key")
            case "sleep":
                try await context.clock.sleep(for: .seconds(3600))
            default:
                break
            }
        }
    }

    static let secret = "k3y-VALUE-0042"

    func harness(_ mode: String) -> ScriptHarness<Ending> {
        var harness = ScriptHarness(Ending.self, clock: ManualClock(mode: mode == "sleep" ? .manual : .autoAdvance))
        harness.secrets = ["api-key": Self.secret]
        harness.arguments = ["--mode", mode]
        return harness
    }

    /// The record file of a run, decoded, after checking its name and that it never shows the secret.
    func savedRecord(_ result: ScriptTestResult) throws -> RunRecord {
        let record = try #require(result.results)
        let name = "output/demo-test-ending-results_2025-01-25T143045Z_\(record.runId.short).json"
        #expect(result.files.keys.filter { $0.hasPrefix("output/demo-test-ending-results_") } == [name])
        let data = try #require(result.files[name])
        #expect(String(decoding: data, as: UTF8.self).contains(Self.secret) == false)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let saved = try decoder.decode(RunRecord.self, from: data)
        #expect(saved == record, "the saved record is the returned one")
        return saved
    }

    static let endings: [(mode: String, exitCode: ExitCode, outcome: RunRecord.Outcome, summary: String, problem: String?)] = [
        ("succeed", .success, .succeeded, "✅ All 2 operations successful: 2 created, 0 updated", nil),
        ("fail-items", .completedWithFailures, .completedWithFailures,
         "❌ Completed with 1 failure: 2 created, 0 updated, 1 failed", nil),
        ("throw", .scriptFailed, .failed, "❌ Failed after 2 operations: 2 created, 0 updated",
         "The API rejected key [REDACTED]"),
        ("--nope", .usage, .usageError, "❌ Usage error: the script did not run",
         "Invalid options for ending: Unknown option '--nope'. Did you mean '--mode'?"),
    ]

    @Test(arguments: endings)
    func everyEndingIsRecorded(
        ending: (mode: String, exitCode: ExitCode, outcome: RunRecord.Outcome, summary: String, problem: String?)
    ) async throws {
        var harness = harness(ending.mode)
        if ending.mode.hasPrefix("--") { harness.arguments = [ending.mode] }
        let result = await harness.run()
        #expect(result.exitCode == ending.exitCode)
        let record = try savedRecord(result)
        #expect(record.outcome == ending.outcome)
        #expect(record.exitCode == ending.exitCode.rawValue)
        #expect(record.summary == ending.summary)
        #expect(result.summary == ending.summary)
        #expect(record.error?.problem == ending.problem)
        #expect(record.error?.exitCode == ending.problem.map { _ in ending.exitCode.rawValue })
        #expect(record.error?.code == ending.problem.map { _ in ending.exitCode == .usage ? .usageScriptOptions : .scriptRaised })
        #expect((record.script, record.org, record.env, record.dryRun) == ("ending", "demo", "test", false))
        #expect(record.startedAt == Date(timeIntervalSince1970: 1_737_815_445))
        if ending.outcome != .usageError {
            #expect(result.logLines.contains { $0.hasSuffix("\(ending.summary) (run \(record.runId))") })
        }
    }

    @Test func anInterruptedRunSaysSoInItsRecord() async throws {
        let harness = harness("sleep")
        let task = Task { await harness.run() }
        while harness.clock.pendingSleepers == 0 { await Task.yield() }
        task.cancel()
        let result = await task.value
        #expect(result.exitCode == .interrupted)
        let record = try savedRecord(result)
        #expect(record.outcome == .interrupted)
        #expect(record.exitCode == 130)
        #expect(record.summary == "⚠️ Interrupted after 2 operations: 2 created, 0 updated")
        #expect(record.error?.problem == "The run was interrupted")
        #expect(record.error?.code == .runInterrupted)
        #expect(record.counts.created == 2 && record.items.created.count == 2)
        #expect(result.logLines.contains { $0.contains("⚠️ Interrupted after 2 operations") })
        #expect(!result.logLines.contains { $0.contains("successful") })
    }

    @Test func ctrlCDuringALargeWriteStopsItAndEndsWith130() async throws {
        struct Exporting: Script {
            static let name = "exporting"
            static let summary = "writes a large table; Ctrl-C comes at row 1000"
            init() {}
            func run(_ context: ScriptContext) async throws {
                context.results.created("first")
                let rows = (1...2_000_000).lazy.map { index -> [TableCell] in
                    if index == 1000 { withUnsafeCurrentTask { $0?.cancel() } }  // what the SIGINT handler does
                    return [.integer(Int64(index)), .text("row \(index) of a table that is large enough to take a while")]
                }
                try context.output.saveCSV(header: ["id", "text"], rows: rows, to: .output, name: "big.csv")
                context.results.created("big.csv")
            }
        }
        let harness = ScriptHarness(Exporting.self)
        let result = await Task { await harness.run() }.value
        #expect(result.exitCode == .interrupted)
        let record = try #require(result.results)
        #expect(record.outcome == .interrupted)
        #expect(record.summary == "⚠️ Interrupted after 1 operation: 1 created, 0 updated")
        #expect(result.files.keys.sorted() == [
            "output/demo-test-exporting-results_2025-01-25T143045Z_\(record.runId.short).json",
        ], "no big.csv and no temporary file")
    }

    @Test func aRecordThatCannotBeSavedFailsTheRun() async throws {
        var harness = harness("succeed")
        harness.files["output"] = Data("a file where the output folder should be".utf8)
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        let record = try #require(result.results)
        #expect(record.outcome == .failed)
        #expect(record.summary == "❌ Failed after 2 operations: 2 created, 0 updated")
        #expect(record.error?.problem.hasSuffix("/output: cannot create the folder") == true)
        #expect(record.error?.code == .outputCannotWrite)
        #expect(result.logLines.contains { $0.contains("The run record could not be saved: Cannot write ") })
        #expect(!result.logLines.contains { $0.contains("successful") }, "the summary shown is the final one")
    }

    @Test func aConfigurationErrorIsRecorded() async throws {
        var harness = harness("succeed")
        harness.config = "global:\n  api-base-url: 42\nscript-behavior: {}\n"
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
        let record = try savedRecord(result)
        #expect(record.outcome == .configurationError)
        #expect(record.exitCode == 78)
        #expect(record.summary == "❌ Configuration error: the script did not run")
        #expect(record.error?.problem == result.error?.problem)
        #expect(record.error?.details == result.error?.details)
        #expect(record.error?.code == .configSchemaViolation && result.error?.code == .configSchemaViolation)
        #expect(record.counts == ProcessingResults.Counts())
    }

    @Test func aDryRunIsMarkedAndTheDurationComesFromTheRunClock() async throws {
        struct Waiting: Script {
            static let name = "waiting"
            static let summary = "waits 90 s on the run's clock"
            init() {}
            func run(_ context: ScriptContext) async throws {
                try await context.clock.sleep(for: .seconds(90))
                context.results.updated("x")
            }
        }
        var harness = ScriptHarness(Waiting.self)
        harness.isDryRun = true
        let result = await harness.run()
        let record = try #require(result.results)
        #expect(record.dryRun)
        #expect(record.durationSeconds == 90)
        #expect(record.finishedAt == record.startedAt.addingTimeInterval(90))
        let line = try record.jsonLine()
        let origin = #""host":\#(jsonString(record.host)),"user":\#(jsonString(record.user)),"#
        #expect(line == #"{"runId":"\#(record.runId)","script":"waiting","scriptVersion":"unversioned","#
            + #""runbookVersion":"\#(RunbookVersion.current)","org":"demo","env":"test","arguments":[],"dryRun":true,"#
            + origin + #""outcome":"succeeded","exitCode":0,"summary":"✅ 1 operation successful: 0 created, 1 updated","#
            + #""startedAt":"2025-01-25T14:30:45.000Z","finishedAt":"2025-01-25T14:32:15.000Z","durationSeconds":90.0,"#
            + #""counts":{"created":0,"updated":1,"skipped":0,"failed":0,"expected":0},"#
            + #""items":{"created":[],"updated":[{"identifier":"x"}],"skipped":[],"failed":[],"expected":[]},"#
            + #""files":[],"transactions":[]}"#, "the harness logs to memory: no log file")
    }
}

/// A JSON string literal (for expected record lines).
func jsonString(_ text: String) -> String {
    String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
}
