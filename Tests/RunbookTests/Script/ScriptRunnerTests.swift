import Foundation
import Runbook
import RunbookTesting
import Testing

/// The runner's endings: script errors, foreign errors, leaked secrets, interruption.
@Suite struct ScriptRunnerTests {
    struct Failing: Script {
        static let name = "failing"
        static let summary = "fails on purpose"
        @Option var mode = "helpful"
        init() {}

        struct Foreign: Error {}

        func run(_ context: ScriptContext) async throws {
            let token = try context.secrets.require("api-key").reveal()
            switch mode {
            case "helpful":
                throw HelpfulError(problem: "The API rejected key \(token)", solution: "Rotate the key", exitCode: .scriptFailed)
            case "foreign":
                throw Foreign()
            case "log":
                context.logger.warning("calling with key=\(token) and Authorization: Bearer \(token)")
            case "sleep":
                try await context.clock.sleep(for: .seconds(3600))
            default:
                break
            }
        }
    }

    func harness(_ mode: String) -> ScriptHarness<Failing> {
        var harness = ScriptHarness(Failing.self, clock: ManualClock(mode: mode == "sleep" ? .manual : .autoAdvance))
        harness.secrets = ["api-key": "k3y-VALUE-0042"]
        harness.arguments = ["--mode", mode]
        return harness
    }

    @Test func aHelpfulErrorNeverShowsTheSecret() async {
        let result = await harness("helpful").run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.problem == "The API rejected key [REDACTED]")
        #expect(result.logLines.allSatisfy { !$0.contains("k3y-VALUE-0042") })
        #expect(result.logLines.contains { $0.contains("❌ Problem [RB-SCR-001]: The API rejected key [REDACTED]") })
        #expect(result.logLines.contains { $0.hasSuffix("❌ Failed after 0 operations: 0 created, 0 updated (run \(result.results!.runId))") })
    }

    @Test func aForeignErrorIsWrapped() async {
        let result = await harness("foreign").run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.problem.hasPrefix("Unexpected error (") == true)
        #expect(result.error?.code == .runUnexpectedError)
        #expect(result.error?.solution.hasPrefix("The script did not expect this failure.") == true)
    }

    @Test func logLinesAreRedacted() async {
        let result = await harness("log").run()
        #expect(result.exitCode == .success)
        let warning = result.logLines.first { $0.contains("WARNING") }
        #expect(warning?.hasSuffix("calling with key=[REDACTED] and Authorization: Bearer [REDACTED]") == true)
    }

    @Test func badOptionsAreAUsageError() async {
        var harness = harness("helpful")
        harness.arguments = ["--nope"]
        let result = await harness.run()
        #expect(result.exitCode == .usage)
        #expect(result.error?.problem == "Invalid options for failing: Unknown option '--nope'. Did you mean '--mode'?")
    }

    @Test func cancellationEndsWithExitCode130() async {
        let harness = harness("sleep")
        let task = Task { await harness.run() }
        while harness.clock.pendingSleepers == 0 { await Task.yield() }
        task.cancel()
        let result = await task.value
        #expect(result.exitCode == .interrupted)
        #expect(result.error?.problem == "The run was interrupted")
    }
}
