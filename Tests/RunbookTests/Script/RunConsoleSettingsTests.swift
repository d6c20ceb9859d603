import Foundation
@testable import Runbook
import RunbookTesting
import Testing

/// The `script-behavior` keys that shape the console are decoded once, hard-failing on a wrong
/// type, and a progress bar is drawn on the run's own console.
@Suite struct RunConsoleSettingsTests {
    struct Counting: Script {
        static let name = "counting"
        static let summary = "advances a progress bar"
        init() {}
        func run(_ context: ScriptContext) async throws {
            let progress = context.progress(total: 2, description: "Counting")
            progress.advance()
            progress.advance()
            progress.finish()
        }
    }

    func proxy(_ behavior: String) throws -> ConfigProxy {
        var sources = ConfigSources()
        let source = sources.add(.file("config/acme-prod-config.yaml"))
        let root = try YAMLReader().read("script-behavior:\n" + behavior, source: source)
        return ConfigProxy(root: root, sources: sources, file: "config/acme-prod-config.yaml")
    }

    func setup(_ behavior: String) throws -> RunLogSetup {
        RunLogSetup(
            runID: RunID.generate(at: Date(timeIntervalSince1970: 0)), label: "runbook.counting", org: "acme",
            env: "prod", scriptName: "counting", projectRoot: URL(fileURLWithPath: "/tmp"),
            redactor: Redactor(secrets: SecretRegistry()), config: try proxy(behavior))
    }

    @Test func configWantsDebugReadsBothKeys() throws {
        #expect(try setup("  debug-mode: true\n").configWantsDebug)
        #expect(try setup("  verbose-logging: true\n").configWantsDebug)
        #expect(try !setup("  debug-mode: false\n").configWantsDebug)
        #expect(try setup("  log-format: json\n").configLogFormat == .jsonLines)
    }

    @Test(arguments: ["  debug-mode: \"yes\"\n", "  verbose-logging: 1\n"])
    func aDebugSettingOfTheWrongTypeThrows(behavior: String) throws {
        let setup = try setup(behavior)
        #expect {
            _ = try setup.configWantsDebug
        } throws: { error in
            (error as? HelpfulError)?.code == .configWrongType
        }
    }

    @Test(arguments: ["debug-mode: \"yes\"", "log-format: [json]", "enable-progress-bars: \"on\""])
    func aConsoleSettingOfTheWrongTypeFailsTheRun(setting: String) async {
        var harness = ScriptHarness(Counting.self)
        harness.config = "global:\n  api-base-url: http://api.test/\nscript-behavior:\n  \(setting)\n"
        harness.validatesConfig = false
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
        #expect(result.error?.code == .configWrongType)
    }

    @Test func aProgressBarIsDrawnOnTheRunsConsole() async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let console = CapturedConsole(isTerminal: true)
        let runner = ScriptRunner(clock: ManualClock(), logOptions: RunLogOptions(console: console))
        let outcome = await runner.run(RunRequest(
            script: Counting.self, org: "acme", env: "prod", projectRoot: root,
            configuration: .inline(
                document: "global:\n  api-base-url: http://api.test/\nscript-behavior:\n  enable-progress-bars: true\n",
                isJSON: false, secrets: [:], validate: true)))
        #expect(outcome.exitCode == .success, "\(String(describing: outcome.error))")
        #expect(console.text.contains("Counting [##############################] 100% 2/2"), "\(console.text)")
    }
}
