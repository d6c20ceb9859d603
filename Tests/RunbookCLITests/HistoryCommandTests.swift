import Foundation
import HelloWorld
import JSONSchema
import Runbook
import RunbookCLI
import RunbookTesting
import Synchronization
import Testing

/// `runbook history` and `runbook show`, through the CLI entry, on real records and on planted ones.
@Suite struct HistoryCommandTests {
    /// Runs `runbook <arguments>` in `project` on `clock`.
    static func run(_ project: TestWorkspace, _ arguments: [String], clock: ManualClock = ManualClock()) async -> CLIResult {
        await CLITester(scripts: [HelloWorld.self], clock: clock).run(arguments, in: project)
    }

    /// A project with three real hello-world runs (demo/test at 14:30:45 and 14:31:45, acme/prod at
    /// 14:32:45), returned newest first.
    static func projectWithRuns() async throws -> (TestWorkspace, [RunRecord]) {
        let project = try TestWorkspace.cli()
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        try project.write("config/acme-prod-config.yaml", BrokenConfigCase.validYAML)
        let clock = ManualClock()
        var records: [RunRecord] = []
        for (org, env) in [("demo", "test"), ("demo", "test"), ("acme", "prod")] {
            let result = await run(project, ["run", "hello-world", org, env, "--json"], clock: clock)
            #expect(result.exitCode == 0, "\(result.stderr)")
            records.append(try JSONDecoder().decode(RunRecord.self, from: Data(result.stdout.utf8)))
            clock.advance(by: .seconds(60))
        }
        return (project, records.reversed())
    }

    @Test func historyListsRealRunsNewestFirstAndTheirRecordsValidate() async throws {
        let (project, records) = try await Self.projectWithRuns()
        defer { project.remove() }
        let result = await Self.run(project, ["history"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("RUN ID                                STARTED (UTC)        SCRIPT       ORG/ENV    OUTCOME    EXIT  DURATION"))
        #expect(lines[1] == "\(records[0].runId)  2025-01-25 14:32:45  hello-world  acme/prod  succeeded  0     0.0 s")
        #expect(lines[2].hasPrefix("\(records[1].runId)  2025-01-25 14:31:45  hello-world  demo/test"))
        #expect(lines[3].hasPrefix("\(records[2].runId)  2025-01-25 14:30:45"))
        // The real records, files and log included, validate against the published schema.
        let schemaData = try Data(contentsOf: SourceTree.root.appendingPathComponent("schemas/run-record.schema.json"))
        let schema = try CompiledSchema(try JSONParser.parse(Array(schemaData)))
        for record in records {
            let data = try #require(FileManager.default.contents(atPath: project.root.appendingPathComponent("output/" + record.fileName).path))
            #expect(schema.validate(try JSONParser.parse(Array(data))).violations.map(\.message) == [])
            #expect(record.logFile == "logs/\(record.org)-\(record.env)-hello-world_\(UTCTimestamp.fileName(record.startedAt))_\(record.runId.short).log")
            #expect(record.files.map(\.path).contains { $0.hasPrefix("output/hello-world-report_") }, "\(record.files)")
        }
    }

    static let filters: [(arguments: [String], expected: [Int])] = [
        (["history", "hello-world"], [0, 1, 2]),
        (["history", "demo", "test"], [1, 2]),
        (["history", "hello-world", "acme", "prod"], [0]),
        (["history", "other-script"], []),
        (["history", "--last", "2"], [0, 1]),
    ]

    @Test func historyFiltersAndLimitsAsJSON() async throws {
        let (project, records) = try await Self.projectWithRuns()
        defer { project.remove() }
        for filter in Self.filters {
            let result = await Self.run(project, filter.arguments + ["--json"])
            #expect(result.exitCode == 0)
            let listed = try JSONDecoder().decode([RunRecord].self, from: Data(result.stdout.utf8))
            #expect(listed.map(\.runId) == filter.expected.map { records[$0].runId }, "\(filter.arguments)")
        }
        let tooMany = await Self.run(project, ["history", "a", "b", "c", "d"])
        #expect(tooMany.exitCode == 64)
        #expect(tooMany.stderr.contains("Too many arguments: a b c d"))
    }

    @Test func aCorruptOrForeignRecordIsSkippedWithAWarning() async throws {
        let (project, records) = try await Self.projectWithRuns()
        defer { project.remove() }
        try project.write("output/demo-test-x-results_2025-01-01T000000Z_aaaaaaaaaaaa.json", "{\"runId\": ")
        try project.write("output/vendor-results_2025-01-01T000000Z.json", #"{"invoices": [1, 2]}"#)
        try project.write("output/report.json", #"{"not": "a record"}"#)
        let result = await Self.run(project, ["history"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.split(separator: "\n").count == 4)
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.allSatisfy { $0.hasPrefix("warning: skipped output/") && $0.contains("not a run record") })
        let show = await Self.run(project, ["show", records[0].runId.description])
        #expect(show.exitCode == 0, "a bad file never stops show either")
    }

    @Test func showAcceptsTheIdAUniquePrefixOrTheShortID() async throws {
        let (project, records) = try await Self.projectWithRuns()
        defer { project.remove() }
        let record = records[1]
        for query in [record.runId.description, String(record.runId.description.prefix(30)).uppercased(), record.runId.short] {
            let result = await Self.run(project, ["show", query])
            #expect(result.exitCode == 0, "\(query): \(result.stderr)")
            #expect(result.stdout.hasPrefix(record.summary + "\n\nrun id          \(record.runId)\n"), "\(query)")
            #expect(result.stdout.contains("org/env         demo/test\n"))
            #expect(result.stdout.contains("log file        \(record.logFile ?? "-")\n"))
        }
        let json = await Self.run(project, ["show", record.runId.short, "--json"])
        #expect(try JSONDecoder().decode(RunRecord.self, from: Data(json.stdout.utf8)) == record)
    }

    @Test func anAmbiguousOrUnknownIdIsAUsageErrorWithCloseMatches() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let ids = [RunID(high: 0x0194_a3b2_5c1e_7a3f, low: 0x9d2b_4c8e_1f0a_7b6d), RunID(high: 0x0194_a3b2_5c1e_7a40, low: 0x8d2b_4c8e_1f0a_0001)]
        for (index, id) in ids.enumerated() {
            let record = RunRecord(
                runId: id, script: "hello-world", org: "demo", env: "test", dryRun: false, outcome: .succeeded, exitCode: 0,
                summary: "✅ No changes: 0 created, 0 updated", error: nil,
                startedAt: Date(timeIntervalSince1970: 1_737_815_445 + Double(index)),
                finishedAt: Date(timeIntervalSince1970: 1_737_815_446 + Double(index)), durationSeconds: 1,
                counts: ProcessingResults.Counts(), items: RunRecord.Items())
            try project.write("output/" + record.fileName, try record.jsonLine())
        }
        let ambiguous = await Self.run(project, ["show", "0194a3b2-5c1e"])
        #expect(ambiguous.exitCode == 64)
        #expect(ambiguous.stderr.contains("The run id '0194a3b2-5c1e' matches 2 runs"))
        #expect(ids.allSatisfy { ambiguous.stderr.contains($0.description) })
        let unknown = await Self.run(project, ["show", "0194a3b2-5c1e-7a3f-0000"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("No run record has the id '0194a3b2-5c1e-7a3f-0000'"))
        #expect(unknown.stderr.contains("Closest run ids:"))
        #expect(unknown.stderr.contains("runbook show \(ids[0])"), "the closest first")
        let json = await Self.run(project, ["show", "ffff", "--json"])
        #expect(json.exitCode == 64)
        let object = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect((error?["problem"] as? String)?.hasPrefix("No run record has the id 'ffff'") == true, "\(json.stderr)")
    }
}
