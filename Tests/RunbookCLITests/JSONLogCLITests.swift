import Foundation
import Runbook
import RunbookCLI
import RunbookTesting
import Synchronization
import Testing

/// `runbook run … --log-format json` (and `script-behavior.log-format`) end to end: every console
/// and log file line is one JSON object carrying the run id of the run record, secrets removed.
@Suite struct JSONLogCLITests {
    /// A secret with every character JSON escapes or might escape: `"`, `\`, `/`, and non-ASCII.
    static let secret = #"p"a\ss/wörd€-9x"#

    /// Logs at every level, the secret in the message and in metadata.
    struct Chatty: Script {
        static let name = "chatty"
        static let summary = "logs the secret in messages and metadata"
        @Option var mode = "succeed"
        init() {}

        func run(_ context: ScriptContext) async throws {
            let secret = try context.secrets.require("client-secret").reveal()
            context.logger.debug("debug line")
            context.logger.info("calling with \(secret)", metadata: ["token": "\(secret)", "org": "not-the-org"])
            context.logger.warning("quote \" backslash \\ slash / ü", metadata: ["note": "a b"])
            context.results.created("item/1")
            if mode == "throw" { throw HelpfulError(problem: "The ERP refused \(secret)", solution: "Try again later") }
        }
    }

    struct Run {
        let exitCode: Int32
        let stderr: String
        let stdout: String
        let logFile: String
        let record: RunRecord?

        var consoleLines: [String] { stderr.split(separator: "\n").map(String.init) }
        var fileLines: [String] { logFile.split(separator: "\n").map(String.init) }
    }

    static func run(config: String = BrokenConfigCase.validYAML, _ options: [String]) async throws -> Run {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", config)
        try project.write("config/demo-test-config-secrets.yaml", "client-secret: '\(secret)'\n")
        // Private, as a secrets file should be (a readable one adds a warning line of its own).
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600], ofItemAtPath: project.root.appendingPathComponent("config/demo-test-config-secrets.yaml").path)
        let result = await CLITester(scripts: [Chatty.self], clock: ManualClock())
            .run(["run", "chatty", "demo", "test"] + options, in: project)
        let logs = project.files(in: "logs")
        let logFile = try logs.first.map {
            try String(contentsOf: project.root.appendingPathComponent("logs/" + $0), encoding: .utf8)
        } ?? ""
        let recordName = project.files(in: "output").first { $0.contains("-results_") }
        let record = try recordName.map { name in
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let data = try Data(contentsOf: project.root.appendingPathComponent("output/" + name))
            return try decoder.decode(RunRecord.self, from: data)
        }
        return Run(exitCode: result.exitCode, stderr: result.stderr, stdout: result.stdout, logFile: logFile, record: record)
    }

    /// Parses `line` with a real JSON parser into an object of strings.
    static func object(_ line: String) throws -> [String: String] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: String], "not an object of strings: \(line)")
    }

    /// The JSON escapings of the secret a line might hold if redaction ran after formatting.
    static let secretForms = [
        secret, secret.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""),
        String(decoding: try! JSONSerialization.data(withJSONObject: [secret], options: [.fragmentsAllowed]), as: UTF8.self)
            .dropFirst(2).dropLast(2).description,
    ]

    static func expectNoSecret(in line: String, _ object: [String: String]? = nil) {
        for form in secretForms { #expect(!line.contains(form), "\(line)") }
        for value in object?.values.map({ $0 }) ?? [] { #expect(!value.contains(secret), "\(line)") }
    }

    @Test func everyConsoleAndFileLineIsOneJSONObjectWithTheRunID() async throws {
        let run = try await Self.run(["--log-format", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let record = try #require(run.record)
        let runID = record.runId.description
        #expect(run.consoleLines.count >= 3, "\(run.stderr)")
        #expect(run.fileLines.count > run.consoleLines.count, "the file also has the DEBUG lines")
        let timestamp = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#)
        for line in run.consoleLines + run.fileLines {
            let object = try Self.object(line)
            #expect(object["runId"] == runID, "\(line)")
            #expect(object["org"] == "demo" && object["env"] == "test" && object["script"] == "chatty", "\(line)")
            #expect(try timestamp.wholeMatch(in: object["ts"] ?? "") != nil, "\(line)")
            #expect(object["level"] != nil && object["label"] != nil && object["message"] != nil, "\(line)")
            Self.expectNoSecret(in: line, object)
        }
        let calling = try #require(try run.fileLines.map(Self.object).first { $0["message"]?.hasPrefix("calling") == true })
        #expect(calling["message"] == "calling with [REDACTED]")
        #expect(calling["token"] == "[REDACTED]")
        #expect(calling["metadata.org"] == "not-the-org", "a metadata key never overwrites a run field")
        #expect(calling["label"] == "runbook.chatty" && calling["level"] == "info")
        let warning = try #require(try run.consoleLines.map(Self.object).first { $0["level"] == "warning" })
        #expect(warning["message"] == #"quote " backslash \ slash / ü"#)
        #expect(try run.consoleLines.map(Self.object).last?["message"]?.hasSuffix("(run \(runID))") == true,
                "the summary is a JSON line too")
    }

    static let jsonByConfig = BrokenConfigCase.validYAML.replacingOccurrences(
        of: "script-behavior:\n", with: "script-behavior:\n  log-format: json\n")

    static let failures: [(config: String, options: [String], exitCode: Int32)] = [
        (BrokenConfigCase.validYAML, ["--log-format", "json", "--mode", "throw"], 1),
        (jsonByConfig, ["--mode", "throw"], 1),
        (BrokenConfigCase.validYAML, ["--log-format", "json", "--mode"], 64),
    ]

    @Test(arguments: failures)
    func aFailedRunsConsoleIsJSONThroughout(_ failure: (config: String, options: [String], exitCode: Int32)) async throws {
        let run = try await Self.run(config: failure.config, failure.options)
        #expect(run.exitCode == failure.exitCode, "\(run.stderr)")
        for line in run.consoleLines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "\(line)")
        }
        let error = try #require(try JSONSerialization.jsonObject(with: Data(run.consoleLines.last!.utf8)) as? [String: Any])
        let details = try #require(error["error"] as? [String: Any], "the error is the last line, as JSON: \(run.stderr)")
        #expect(details["exitCode"] as? Int == Int(failure.exitCode))
        for line in run.consoleLines + run.fileLines { Self.expectNoSecret(in: line) }
        let runID = try #require(run.record).runId.description
        for line in run.consoleLines.dropLast() + run.fileLines {
            #expect(try Self.object(line)["runId"] == runID, "\(line)")
        }
    }

    @Test func theConfigKeyTurnsJSONOnAndTheOptionWins() async throws {
        let json = Self.jsonByConfig
        let byConfig = try await Self.run(config: json, [])
        #expect(byConfig.exitCode == 0, "\(byConfig.stderr)")
        let runID = try #require(byConfig.record).runId
        for line in byConfig.consoleLines + byConfig.fileLines {
            #expect(try Self.object(line)["runId"] == runID.description)
        }
        let byOption = try await Self.run(config: json, ["--log-format", "text"])
        #expect(byOption.exitCode == 0, "\(byOption.stderr)")
        let textID = try #require(byOption.record).runId
        #expect(!byOption.consoleLines.isEmpty && !byOption.fileLines.isEmpty)
        for line in byOption.consoleLines {
            #expect(!line.hasPrefix("{") && line.hasSuffix(" run=\(textID.short)"), "\(line)")
            Self.expectNoSecret(in: line)
        }
        for line in byOption.fileLines {
            #expect(!line.hasPrefix("{") && line.contains(" run=\(textID)"), "\(line)")
            Self.expectNoSecret(in: line)
        }
    }

    @Test func anUnknownFormatOptionIsAUsageErrorNamingTheFormats() async throws {
        let run = try await Self.run(["--log-format", "yaml"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.hasPrefix("❌ Problem [RB-USG-001]: The value 'yaml' is invalid for '--log-format"), "\(run.stderr)")
        #expect(run.stderr.contains("text") && run.stderr.contains("json"), "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "❌ Problem [").count == 2)
    }

    static let badConfigValues = ["yaml", "3", "[json]", "true"]

    @Test(arguments: badConfigValues)
    func aBadConfigValueIsALocatedConfigurationError(_ value: String) async throws {
        let config = BrokenConfigCase.validYAML.replacingOccurrences(
            of: "script-behavior:\n", with: "script-behavior:\n  log-format: \(value)\n")
        let run = try await Self.run(config: config, [])
        #expect(run.exitCode == 78, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("❌ Problem [RB-CFG-010]:"), "\(run.stderr)")
        #expect(run.stderr.contains("log-format"), "\(run.stderr)")
        #expect(run.stderr.contains("config/demo-test-config.yaml:4:"), "located at its line: \(run.stderr)")
        #expect(run.record?.outcome == .configurationError)
    }
}
