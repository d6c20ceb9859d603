import Foundation
import Logging
import Runbook
import RunbookTesting
import Testing

/// The JSON-lines format with a run's fields: redaction runs before escaping, so no secret
/// survives in any form; the run's fields appear on every line of every sink; text lines keep
/// their shape (and colour rules) and end with the run id.
struct JSONLogLineTests {
    static let runID = RunID(high: 0x0194_9ddf_4ffc_7000, low: 0x9d2b_4c8e_1f0a_7b6d)
    static let run = RunLogFields(runID: runID, org: "acme", env: "prod", script: "customer-sync")

    /// Secrets holding what JSON escapes (`"`, `\`), what it may escape (`/`), and non-ASCII.
    static let secrets = [#"pa"ss"#, #"back\slash9"#, "sl/ash/7x", "wörd€2025", #"all"\/ü€-mix"#]

    static func logging(_ sinks: [any LogSink]) -> RunLogging {
        let registry = SecretRegistry()
        for secret in secrets { registry.register(secret) }
        return RunLogging(redactor: Redactor(secrets: registry), clock: ManualClock(), sinks: sinks)
    }

    static func object(_ line: String) throws -> [String: String] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: String], "\(line)")
    }

    @Test(arguments: secrets)
    func aSecretSurvivesNoJSONEscaping(_ secret: String) throws {
        let captured = CapturedLogLines(format: .jsonLines, run: Self.run)
        let logger = Self.logging([captured]).makeLogger(label: "runbook.customer-sync")
        logger.info("login \(secret) done", metadata: ["token": "\(secret)", "nested": ["k": "\(secret)"]])
        let line = try #require(captured.lines.first)
        let object = try Self.object(line)
        #expect(object["message"] == "login [REDACTED] done")
        #expect(object["token"] == "[REDACTED]")
        #expect(object["nested"]?.contains(secret) == false)
        let escaped = [
            secret.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""),
            String(decoding: try JSONSerialization.data(withJSONObject: [secret]), as: UTF8.self).dropFirst(2).dropLast(2).description,
        ]
        for form in [secret] + escaped { #expect(!line.contains(form), "\(line)") }
    }

    @Test func aJSONLineHoldsTheRunFieldsOnce() throws {
        let captured = CapturedLogLines(format: .jsonLines, run: Self.run)
        let logger = Self.logging([captured]).makeLogger(label: "sync")
        logger.warning("quote \" and password=hunter2", metadata: ["id": "7", "runId": "forged", "ts": "x"])
        #expect(captured.lines == [
            #"{"ts":"2025-01-25T14:30:45.000Z","level":"warning","label":"sync","message":"quote \" and password=[REDACTED]","#
                + #""runId":"01949ddf-4ffc-7000-9d2b-4c8e1f0a7b6d","org":"acme","env":"prod","script":"customer-sync","#
                + #""id":"7","metadata.runId":"forged","metadata.ts":"x"}"#,
        ])
    }

    @Test func textLinesEndWithTheRunIDAndKeepTheirColourRules() {
        let file = CapturedLogLines(run: Self.run)
        let terminal = CapturedConsole(isTerminal: true)
        let plain = CapturedConsole()
        let logging = Self.logging([
            file,
            ConsoleLogSink(output: terminal, colour: true, run: Self.run),
            ConsoleLogSink(output: plain, run: Self.run),
        ])
        logging.makeLogger(label: "runbook").info("hello", metadata: ["rows": "2"])
        #expect(file.lines == ["2025-01-25T14:30:45.000Z INFO [runbook] hello rows=2 run=01949ddf-4ffc-7000-9d2b-4c8e1f0a7b6d"])
        #expect(terminal.text == "2025-01-25T14:30:45.000Z \u{1B}[32mINFO\u{1B}[0m [runbook] hello rows=2 run=4c8e1f0a7b6d\n")
        #expect(plain.text == "2025-01-25T14:30:45.000Z INFO [runbook] hello rows=2 run=4c8e1f0a7b6d\n")
    }

    @Test func aJSONConsoleLineIsNeverColoured() throws {
        let terminal = CapturedConsole(isTerminal: true)
        let logging = Self.logging([ConsoleLogSink(output: terminal, colour: true, format: .jsonLines, run: Self.run)])
        logging.makeLogger(label: "runbook").error("failed")
        #expect(!terminal.text.contains("\u{1B}"))
        #expect(try Self.object(String(terminal.text.dropLast()))["level"] == "error")
    }

    @Test func theStandardSetupWritesJSONToConsoleAndFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-json-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let console = CapturedConsole(isTerminal: true)
        let logging = try RunLogging.standard(
            root: root, org: "acme", env: "prod", script: "sync", runID: Self.runID,
            redactor: Redactor(secrets: SecretRegistry()), clock: ManualClock(), environment: [:],
            format: .jsonLines, console: console)
        let logger = logging.makeLogger(label: "runbook")
        logger.debug("details")
        logger.info("hello")
        logging.flush()
        let file = root.appendingPathComponent("logs/acme-prod-sync_2025-01-25T143045Z_4c8e1f0a7b6d.log")
        let fileLines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let consoleLines = console.text.split(separator: "\n").map(String.init)
        #expect(fileLines.count == 2 && consoleLines.count == 1)
        for line in fileLines + consoleLines {
            let object = try Self.object(line)
            #expect(object["runId"] == Self.runID.description && object["script"] == "sync", "\(line)")
        }
    }
}
