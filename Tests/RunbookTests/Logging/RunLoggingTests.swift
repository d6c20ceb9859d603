import Foundation
import Logging
import Runbook
import RunbookTesting
import Testing

struct RunLoggingTests {
    struct ThrownSecret: Error, CustomStringConvertible {
        var description: String { "connect failed: password=hunter2 token k3y~~>>?" }
    }

    func makeLogging(_ sinks: [any LogSink]) -> RunLogging {
        let registry = SecretRegistry()
        registry.register("k3y~~>>?")
        return RunLogging(redactor: Redactor(secrets: registry), clock: ManualClock(), sinks: sinks)
    }

    @Test func textLineHasUTCTimestampLevelLabelAndMetadata() {
        let captured = CapturedLogLines()
        let logger = makeLogging([captured]).makeLogger(label: "runbook")
        logger.info("Configuration: acme-prod", metadata: ["rows": "12", "file": "a b.csv"])
        #expect(captured.lines == [#"2025-01-25T14:30:45.000Z INFO [runbook] Configuration: acme-prod file="a b.csv" rows=12"#])
    }

    @Test func jsonLinesFormat() {
        let captured = CapturedLogLines(format: .jsonLines)
        let logger = makeLogging([captured]).makeLogger(label: "sync")
        logger.warning("quote \" and password=hunter2", metadata: ["id": "7"])
        #expect(captured.lines == [
            #"{"ts":"2025-01-25T14:30:45.000Z","level":"warning","label":"sync","message":"quote \" and password=[REDACTED]","id":"7"}"#,
        ])
    }

    @Test func everyPartOfEveryLoggerIsRedacted() {
        let captured = CapturedLogLines()
        let logging = makeLogging([captured])
        var library = logging.makeLogger(label: "some-library")
        library[metadataKey: "auth"] = "Bearer abc123.def"
        let secret = "k3y~~>>?"
        library.error("login with \(secret)", error: ThrownSecret(), metadata: ["url": "https://x/?api_key=abc&q=1"])
        #expect(captured.lines == [
            "2025-01-25T14:30:45.000Z ERROR [some-library] login with [REDACTED] auth=\"Bearer [REDACTED]\" "
                + "url=https://x/?api_key=[REDACTED]&q=1 error=\"connect failed: password=[REDACTED] token [REDACTED]\"",
        ])
    }

    @Test func helpfulErrorTextLosesOnlySecretValues() {
        let captured = CapturedLogLines()
        let logger = makeLogging([captured]).makeLogger(label: "runbook")
        let rendered = "❌ Problem [RB-SCR-001]: token k3y~~>>? rejected\n✅ Solution: use require_token=False or {\"client-secret\": \"...\"}"
        logger.error("\(rendered)", metadata: RunLogging.verbatim)
        #expect(captured.messages == [
            "❌ Problem [RB-SCR-001]: token [REDACTED] rejected\n✅ Solution: use require_token=False or {\"client-secret\": \"...\"}",
        ])
        #expect(captured.records.first?.metadata.isEmpty == true)
    }

    @Test func sinksFilterByTheirOwnLevel() {
        let console = CapturedConsole()
        let file = CapturedLogLines(minimumLevel: .debug)
        let logging = makeLogging([ConsoleLogSink(minimumLevel: .info, output: console), file])
        let logger = logging.makeLogger(label: "runbook")
        logger.trace("trace")
        logger.debug("debug only in file")
        logger.info("both")
        #expect(logger.logLevel == .debug)
        #expect(file.messages == ["debug only in file", "both"])
        #expect(console.text == "2025-01-25T14:30:45.000Z INFO [runbook] both\n")
    }

    @Test func consoleColourOnlyWhenAsked() {
        let console = CapturedConsole(isTerminal: true)
        let logger = makeLogging([ConsoleLogSink(output: console, colour: true)]).makeLogger(label: "r")
        logger.error("boom")
        #expect(console.text == "2025-01-25T14:30:45.000Z \u{1B}[31mERROR\u{1B}[0m [r] boom\n")
    }

    static let colourCases: [([String: String], Bool, Bool)] = [
        ([:], true, true),
        ([:], false, false),
        (["NO_COLOR": "1"], true, false),
        (["NO_COLOR": ""], true, true),
        (["TERM": "dumb"], true, false),
        (["TERM": "xterm-256color"], true, true),
    ]

    @Test(arguments: colourCases)
    func colourPolicy(environment: [String: String], isTerminal: Bool, expected: Bool) {
        #expect(ConsoleColourPolicy.useColour(environment: environment, isTerminal: isTerminal) == expected)
    }

    @Test func logFileNameUsesUTC() {
        let date = Date(timeIntervalSince1970: 1_737_815_445.987)
        let runID = RunID(high: 0x0194_9ddf_4ffc_7000, low: 0x9d2b_4c8e_1f0a_7b6d)
        #expect(RunLogging.logFileName(org: "acme", env: "prod", script: "customer-sync", date: date, runID: runID)
            == "acme-prod-customer-sync_2025-01-25T143045Z_4c8e1f0a7b6d.log")
        #expect(UTCTimestamp.logLine(date) == "2025-01-25T14:30:45.987Z")
        #expect(UTCTimestamp.logLine(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test func standardSetupWritesDebugFileUnderLogs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let console = CapturedConsole(isTerminal: true)
        let logging = try RunLogging.standard(
            root: root, org: "acme", env: "prod", script: "sync",
            runID: RunID(high: 0x0194_9ddf_4ffc_7000, low: 0x9d2b_4c8e_1f0a_7b6d), redactor: Redactor(secrets: SecretRegistry()),
            clock: ManualClock(), environment: ["NO_COLOR": "1"], console: console)
        let logger = logging.makeLogger(label: "runbook")
        logger.debug("details secret=abc")
        logger.info("hello")
        logging.flush()
        let file = root.appendingPathComponent("logs/acme-prod-sync_2025-01-25T143045Z_4c8e1f0a7b6d.log")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == """
            2025-01-25T14:30:45.000Z DEBUG [runbook] details secret=[REDACTED] run=01949ddf-4ffc-7000-9d2b-4c8e1f0a7b6d
            2025-01-25T14:30:45.000Z INFO [runbook] hello run=01949ddf-4ffc-7000-9d2b-4c8e1f0a7b6d

            """)
        #expect(console.text == "2025-01-25T14:30:45.000Z INFO [runbook] hello run=4c8e1f0a7b6d\n")
    }
}
