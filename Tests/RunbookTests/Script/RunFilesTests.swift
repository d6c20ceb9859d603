import Foundation
@testable import Runbook
import RunbookTesting
import Synchronization
import Testing

/// The files of a run are its own: two runs in the same second share no log, record or output
/// file, and a run starts by removing the temporary files killed runs left behind.
@Suite struct RunFilesTests {
    struct Reporting: Script {
        static let name = "reporting"
        static let summary = "writes a timestamped report"
        init() {}
        func run(_ context: ScriptContext) async throws {
            context.logger.info("writing the report of run \(context.runID)")
            try context.output.saveText("report of \(context.runID)\n", to: .output, name: "report.txt", timestamped: true)
            context.results.created("report")
        }
    }

    /// Discards console text.
    struct SilentConsole: ConsoleOutput {
        var isTerminal: Bool { false }
        func write(_ text: String) {}
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A project folder with the real schema.
    static func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent(ConfigSchemaSet.mainSchemaPath),
            to: root.appendingPathComponent(ConfigSchemaSet.mainSchemaPath))
        return root
    }

    /// Runs `Reporting` in `root` with real file logging on `clock`.
    static func run(in root: URL, clock: ManualClock) async -> RunOutcome {
        let runner = ScriptRunner(clock: clock, makeLogging: { setup in
            try RunLogging.standard(
                root: setup.projectRoot, org: setup.org, env: setup.env, script: setup.scriptName, runID: setup.runID,
                redactor: setup.redactor, clock: clock, environment: [:], console: SilentConsole())
        })
        return await runner.run(RunRequest(
            script: Reporting.self, org: "acme", env: "prod", projectRoot: root,
            configuration: .inline(document: ScriptHarness<Reporting>.defaultConfig, isJSON: false, secrets: [:], validate: true)))
    }

    static func contents(of root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["logs", "output"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for name in names {
                files[folder + "/" + name] = FileManager.default.contents(atPath: root.appendingPathComponent("\(folder)/\(name)").path)
            }
        }
        return files
    }

    @Test func twoRunsInTheSameSecondShareNoFile() async throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let clock = ManualClock()
        let first = await Self.run(in: root, clock: clock)
        let afterFirst = Self.contents(of: root)
        let second = await Self.run(in: root, clock: clock)
        let afterSecond = Self.contents(of: root)
        let ids = try [#require(first.runID), #require(second.runID)]
        #expect(ids[0] != ids[1])
        #expect(first.record?.startedAt == second.record?.startedAt, "both runs start in the same second")
        #expect(afterFirst.count == 3)
        #expect(afterSecond.count == 6, "\(afterSecond.keys.sorted())")
        for (path, data) in afterFirst {
            #expect(afterSecond[path] == data, "\(path) was changed by the second run")
        }
        for id in ids {
            let own = Set(afterSecond.keys.filter { $0.contains(id.short) })
            #expect(own == [
                "logs/acme-prod-reporting_2025-01-25T143045Z_\(id.short).log",
                "output/acme-prod-reporting-results_2025-01-25T143045Z_\(id.short).json",
                "output/report_2025-01-25T143045Z_\(id.short).txt",
            ])
            for path in own {
                let text = String(decoding: afterSecond[path] ?? Data(), as: UTF8.self)
                #expect(text.contains(id.description), "\(path) holds its own run id")
                #expect(!text.contains(ids.first { $0 != id }!.description), "\(path) holds nothing of the other run")
            }
        }
    }

    @Test func aRunStartsByRemovingWhatKilledRunsLeft() async throws {
        let dead = try ChildProcess.deadPID()
        let this = TemporaryFileName.Writer.current
        let stale = ".report.txt.tmp-\(this.host)-\(dead)-0123456789abcdef"
        let live = ".report.txt.tmp-\(this.host)-\(getpid())-0123456789abcdef"
        var harness = ScriptHarness(Reporting.self)
        harness.files = ["output/\(stale)": Data("half".utf8), "output/sub/\(stale)": Data("half".utf8),
                         "data/\(live)": Data("in progress".utf8)]
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.logLines.contains {
            $0.hasSuffix("Removed 2 temporary files left by killed runs: output/\(stale), output/sub/\(stale)")
        })
    }
}
