import Foundation
@testable import Runbook
import RunbookTesting
import Synchronization
import Testing

/// A secret read from the secrets folder or a `_FILE` variable is redacted like any other: from
/// the console, the log file, the error and the run record of a real run on files.
@Suite struct SecretFileRedactionTests {
    /// Logs both secrets (as a careless script would), then fails with one of them in the message.
    struct Leaky: Script {
        static let name = "leaky"
        static let summary = "logs its secrets"
        init() {}
        func run(_ context: ScriptContext) async throws {
            let token = try context.secrets.require("api-token").reveal()
            let password = try context.secrets.require("password").reveal()
            context.logger.info("calling with token \(token) and password \(password)")
            throw HelpfulError(problem: "The API refused token \(token)", solution: "Rotate it", exitCode: .scriptFailed)
        }
    }

    /// Collects console text.
    final class CollectingConsole: ConsoleOutput, Sendable {
        let text = Mutex("")
        var isTerminal: Bool { false }
        func write(_ text: String) { self.text.withLock { $0 += text } }
    }

    @Test func fileSourcedSecretsNeverReachTheConsoleTheLogOrTheError() async throws {
        let project = try SecretFileSourcesTests.Project()
        defer { project.remove() }
        try project.write("secrets/acme-prod/api-token", "tok-from-the-folder-7781\n", mode: 0o644)
        let passwordFile = try project.write("docker/password", "pw-from-a-file-variable-5512\n")
        let console = CollectingConsole()
        let clock = ManualClock()
        let runner = ScriptRunner(clock: clock, makeLogging: { setup in
            try RunLogging.standard(
                root: setup.projectRoot, org: setup.org, env: setup.env, script: setup.scriptName, runID: setup.runID,
                redactor: setup.redactor, clock: clock, environment: [:], console: console)
        })
        let outcome = await runner.run(RunRequest(
            script: Leaky.self, org: "acme", env: "prod", projectRoot: project.root,
            environment: ["RUNBOOK_SECRETS_DIR": "secrets", "RUNBOOK_SECRET_PASSWORD_FILE": passwordFile.path]))
        #expect(outcome.exitCode == .scriptFailed)
        let logs = project.root.appendingPathComponent("logs")
        let logFiles = try FileManager.default.contentsOfDirectory(atPath: logs.path)
        let log = try logFiles.map { try String(contentsOf: logs.appendingPathComponent($0), encoding: .utf8) }.joined()
        let record = try String(contentsOf: #require(outcome.recordFile), encoding: .utf8)
        let error = try #require(outcome.error)
        let texts = ["console": console.text.withLock { $0 }, "log": log, "record": record,
                     "error": "\(error.problem) \(error.details)"]
        for (name, text) in texts {
            #expect(!text.contains("tok-from-the-folder-7781"), "\(name): \(text)")
            #expect(!text.contains("pw-from-a-file-variable-5512"), "\(name): \(text)")
        }
        #expect(log.contains("calling with token [REDACTED] and password [REDACTED]"), "\(log)")
        #expect(error.problem == "The API refused token [REDACTED]")
        #expect(log.contains("secrets/acme-prod/api-token holds secrets but can be read by group or others (mode 0644)"),
                "the permission warning is logged: \(log)")
        #expect(console.text.withLock { $0 }.contains("can be read by group or others"))
    }
}
