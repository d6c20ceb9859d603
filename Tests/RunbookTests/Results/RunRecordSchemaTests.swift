import Foundation
import JSONSchema
import Runbook
import RunbookTesting
import Testing

/// Real records, one per outcome, validate against `schemas/run-record.schema.json` with the
/// project's own validator; the schema and docs/cli.md name every field the record has.
@Suite struct RunRecordSchemaTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func schema() throws -> CompiledSchema {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("schemas/run-record.schema.json"))
        return try CompiledSchema(try JSONParser.parse(Array(data)))
    }

    /// The violations of a record file, as `pointer: message` lines.
    static func violations(_ data: Data) throws -> [String] {
        try schema().validate(try JSONParser.parse(Array(data))).violations.map {
            "\($0.instanceLocation): \($0.message) [\($0.keyword)]"
        }
    }

    /// Writes a file and a two-file transaction, then ends the way `--mode` says.
    struct Writing: Script {
        static let name = "writing"
        static let summary = "writes files, then ends the way --mode says"
        static let version = "2.1.0"
        @Option var mode = "succeed"
        @Option var token = ""
        init() {}

        func run(_ context: ScriptContext) async throws {
            context.results.created("item/1")
            try context.output.saveText("hello\n", to: .output, name: "note.txt", timestamped: true)
            let workbook = try await context.output.transaction { tx in
                try tx.saveCSV(header: ["id"], rows: [[.integer(1)]], to: .output, name: "pair.csv", timestamped: true)
                return try tx.saveXLSX(sheets: [XLSXSheet(name: "Summary", rows: [[.integer(1)]])], to: .output,
                                       name: "pair-summary.xlsx", timestamped: true)
            }
            // The same bytes once more, hashed as they stream (the workbook's ZIP headers were patched).
            try context.output.saveBinary(try context.output.loadBinary(from: .output, name: workbook.lastPathComponent),
                                          to: .output, name: "copy.xlsx")
            switch mode {
            case "fail-items": context.results.failed("item/2", reason: "HTTP 422")
            case "throw": throw HelpfulError(problem: "The ERP refused the batch", solution: "Try again later")
            case "sleep": try await context.clock.sleep(for: .seconds(3600))
            default: break
            }
        }
    }

    static let outcomes: [(arguments: [String], config: String?, outcome: RunRecord.Outcome)] = [
        (["--mode", "succeed"], nil, .succeeded),
        (["--mode", "fail-items"], nil, .completedWithFailures),
        (["--mode", "throw"], nil, .failed),
        (["--mode", "sleep"], nil, .interrupted),
        (["--mode", "succeed"], "global:\n  api-base-url: 42\nscript-behavior: {}\n", .configurationError),
        (["--nope"], nil, .usageError),
    ]

    @Test(arguments: outcomes)
    func everyOutcomeValidates(_ ending: (arguments: [String], config: String?, outcome: RunRecord.Outcome)) async throws {
        var harness = ScriptHarness(Writing.self, clock: ManualClock(mode: ending.outcome == .interrupted ? .manual : .autoAdvance))
        harness.arguments = ending.arguments + (ending.arguments == ["--nope"] ? [] : ["--token", "k3y-VALUE-0042"])
        harness.secrets = ["api-key": "k3y-VALUE-0042"]
        if let config = ending.config { harness.config = config }
        let result: ScriptTestResult
        if ending.outcome == .interrupted {
            let task = Task { await harness.run() }
            while harness.clock.pendingSleepers == 0 { await Task.yield() }
            task.cancel()
            result = await task.value
        } else {
            result = await harness.run()
        }
        let record = try #require(result.results)
        #expect(record.outcome == ending.outcome)
        let data = try #require(result.files["output/" + record.fileName])
        #expect(try Self.violations(data) == [])
        #expect(record.scriptVersion == "2.1.0")
        #expect(record.runbookVersion == RunbookVersion.current)
        #expect(!String(decoding: data, as: UTF8.self).contains("k3y-VALUE-0042"))
        if ending.outcome != .usageError {
            #expect(record.arguments == ending.arguments + ["--token", "[REDACTED]"])
        }
        #expect(String(decoding: data, as: UTF8.self).contains(#""2025-01-25T14:30:45.000Z""#))
    }

    @Test func theFilesOfARunAreListedWithSizeAndHash() async throws {
        let result = await ScriptHarness(Writing.self).run()
        let record = try #require(result.results)
        let short = record.runId.short
        let names = ["note_2025-01-25T143045Z_\(short).txt", "pair_2025-01-25T143045Z_\(short).csv",
                     "pair-summary_2025-01-25T143045Z_\(short).xlsx", "copy.xlsx"].map { "output/" + $0 }
        #expect(record.files.map(\.path) == names)
        for file in record.files {
            let data = try #require(result.files[file.path])
            #expect(file.bytes == Int64(data.count), "\(file.path)")
            #expect(file.sha256.utf8.count == 64, "\(file.path)")
        }
        // sha256sum of "hello\n"
        #expect(record.files[0].sha256 == "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
        #expect(record.files[2].sha256 == record.files[3].sha256, "patched and streamed hashes agree")
        #expect(record.files.map(\.transaction) == [nil, "\(short)-1", "\(short)-1", nil])
        #expect(record.transactions == [RunRecord.Transaction(id: "\(short)-1", state: .committed, files: Array(names[1...2]))])
    }

    static func fullRecord() -> RunRecord {
        RunRecord(
            runId: RunID.generate(at: Date(timeIntervalSince1970: 1_737_815_445)), script: "x", org: "acme", env: "prod",
            dryRun: false, origin: RunRecord.Origin(host: "batch-01", user: "ops"), outcome: .configurationError,
            exitCode: 78, summary: "❌ Configuration error: the script did not run",
            error: RunRecord.Failure(HelpfulError(code: .configFileMissing, problem: "p", solution: "s",
                                                  location: .file("config/a.yaml", line: 3, column: 1), exitCode: .configuration)),
            startedAt: Date(timeIntervalSince1970: 1_737_815_445.123), finishedAt: Date(timeIntervalSince1970: 1_737_815_446),
            durationSeconds: 0.877, counts: ProcessingResults.Counts(), items: RunRecord.Items(), metrics: RunMetrics(hosts: [HostMetrics(host: "api.example.com")]),
            files: [RunRecord.WrittenFile(path: "output/a.csv", bytes: 3, sha256: String(repeating: "ab", count: 32))],
            logFile: "logs/acme-prod-x.log")
    }

    @Test func aFullRecordWithMetricsAndAnErrorCodeValidates() throws {
        var record = Self.fullRecord()
        let line = Data(try record.jsonLine().utf8)
        #expect(try Self.violations(line) == [])
        let decoder = JSONDecoder()
        let decoded = try decoder.decode(RunRecord.self, from: line)
        #expect(decoded == record, "times keep their milliseconds")
        record.files[0].sha256 = "not a hash"
        #expect(try Self.violations(Data(try record.jsonLine().utf8)).count == 1)
    }

    /// The schema's `pattern` for `error.code` accepts every code of the catalog and a script's own,
    /// and refuses what is not `RB-<AREA>-<NNN>`, as `ErrorCode.isWellFormed` does.
    @Test func theErrorCodeHasTheDocumentedForm() throws {
        let line = try Self.fullRecord().jsonLine()
        #expect(line.contains(#""code":"RB-CFG-001""#))
        let good = ErrorCode.all.map(\.identifier) + ["RB-SCR-101", "RB-ABCDE-999"]
        let bad = ["RB-CFG-1", "rb-cfg-001", "RB-CFG-000", "CFG-001", "RB-C-001", "RB-ABCDEF-001", "RB-CFG-0001", ""]
        for code in good + bad {
            let edited = Data(line.replacingOccurrences(of: #""code":"RB-CFG-001""#, with: #""code":"\#(code)""#).utf8)
            let expected = good.contains(code) ? 0 : 1
            #expect(try Self.violations(edited).count == expected, "\(code)")
            #expect(ErrorCode.isWellFormed(code) == good.contains(code), "\(code)")
        }
    }

    @Test func docsListEveryFieldOfTheSchema() throws {
        let schemaText = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("schemas/run-record.schema.json"), encoding: .utf8)
        let schema = try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any]
        let properties = try #require(schema?["properties"] as? [String: Any]).keys.sorted()
        let docs = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let section = try #require(docs.components(separatedBy: "## Run records").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let missing = properties.filter { !section.contains("`\($0)`") }
        #expect(missing == [], "docs/cli.md (Run records) does not describe these fields")
    }
}
