import Foundation
import Runbook
import RunbookTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `script-behavior.retention.keep-days`: at its start, a run removes the logs, records and outputs
/// of old runs, and nothing else. The run's clock (a manual one, in 2030) is "now"; the files are
/// written by the test (modification time: the real now, years before).
@Suite struct RetentionTests {
    /// Records every file of logs/, output/ and data/ it finds (retention has run by then) as skipped.
    struct Quiet: Script {
        static let name = "quiet"
        static let summary = "lists the files it finds"
        init() {}
        func run(_ context: ScriptContext) async throws {
            for folder in ["data", "logs", "output"] {
                let url = context.projectRoot.appendingPathComponent(folder)
                for case let path as String in FileManager.default.enumerator(atPath: url.path) ?? FileManager.default.enumerator(atPath: "/nonexistent")! {
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory),
                       !isDirectory.boolValue, !path.hasPrefix(".run_\(context.runID.short)") {
                        context.results.skipped(folder + "/" + path)
                    }
                }
            }
        }
    }

    /// What the script found, sorted.
    static func found(_ result: ScriptTestResult) -> [String] {
        (result.results?.items.skipped.map(\.identifier) ?? []).sorted()
    }

    static let now = Date(timeIntervalSince1970: 1_907_712_000)  // 2030-06-15T00:00:00Z

    /// FNV-1a of this host's name, as the lock and temporary file names carry it.
    static var hostHash: String {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, 255)
        var hash: UInt32 = 0x811C_9DC5
        for byte in name.prefix(while: { $0 != 0 }) { hash = (hash ^ UInt32(UInt8(bitPattern: byte))) &* 0x0100_0193 }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    static func files(deadPID: Int32) -> [String: Data] {
        let names = [
            "logs/demo-test-quiet_2029-01-01T000000Z_aaaaaaaaaaaa.log",          // old log: removed
            "output/demo-test-quiet-results_2029-01-01T000000Z_aaaaaaaaaaaa.json",  // old record: removed
            "output/report_2029-12-01T120000Z.csv",                              // old output, no run id: removed (30 days)
            "output/report_2030-06-01T000000Z_bbbbbbbbbbbb.csv",                 // 14 days old: kept
            "output/notes.txt",                                                   // not Runbook's scheme: kept
            "output/report_2029-01-01T000000Z_cccccccccccc.csv.bak",             // not the scheme: kept
            "output/archive/report_2029-01-01T000000Z_dddddddddddd.csv",         // subfolder: kept
            "output/live_2029-01-01T000000Z_eeeeeeeeeeee.csv",                   // a live run's: kept
            "output/.run_eeeeeeeeeeee_\(hostHash)-\(getpid()).lock",
            "output/dead_2029-01-01T000000Z_ffffffffffff.csv",                   // a killed run's: removed
            "output/.run_ffffffffffff_\(hostHash)-\(deadPID).lock",              // and its lock
            "data/input_2029-01-01T000000Z.csv",                                 // other folders: kept
        ]
        return Dictionary(uniqueKeysWithValues: names.map { ($0, Data("x".utf8)) })
    }

    @Test func oldFilesOfEndedRunsAreRemovedAndNothingElse() async throws {
        var harness = ScriptHarness(Quiet.self, clock: ManualClock(start: Self.now))
        let deadPID = try ChildProcess.deadPID()
        harness.files = Self.files(deadPID: deadPID)
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(Self.found(result) == [
            "data/input_2029-01-01T000000Z.csv",
            "output/.run_eeeeeeeeeeee_\(Self.hostHash)-\(getpid()).lock",
            "output/archive/report_2029-01-01T000000Z_dddddddddddd.csv",
            "output/live_2029-01-01T000000Z_eeeeeeeeeeee.csv",
            "output/notes.txt",
            "output/report_2029-01-01T000000Z_cccccccccccc.csv.bak",
            "output/report_2030-06-01T000000Z_bbbbbbbbbbbb.csv",
        ])
        #expect(result.logLines.contains { $0.contains("Removed 4 files older than 30 days (script-behavior.retention.keep-days)") })
    }

    @Test func keepDaysComesFromTheConfiguration() async throws {
        var harness = ScriptHarness(Quiet.self, clock: ManualClock(start: Self.now))
        harness.config = ScriptHarness<Quiet>.defaultConfig.replacingOccurrences(
            of: "script-behavior: {}", with: "script-behavior:\n  retention:\n    keep-days: 400")
        harness.files = [
            "output/report_2029-01-01T000000Z_aaaaaaaaaaaa.csv": Data("x".utf8),  // 530 days: removed
            "output/report_2029-12-01T120000Z_bbbbbbbbbbbb.csv": Data("x".utf8),  // 196 days: kept
        ]
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(Self.found(result) == ["output/report_2029-12-01T120000Z_bbbbbbbbbbbb.csv"])
    }

    @Test func keepDaysBelowOneIsAConfigurationError() async throws {
        var harness = ScriptHarness(Quiet.self, clock: ManualClock(start: Self.now))
        harness.config = ScriptHarness<Quiet>.defaultConfig.replacingOccurrences(
            of: "script-behavior: {}", with: "script-behavior:\n  retention:\n    keep-days: 0")
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
    }

    @Test func aFileModifiedRecentlyIsKeptWhateverItsName() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-retention-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = OutputStore(root: root, clock: ManualClock(start: Self.now))
        let old = try store.saveText("x", to: .output, name: "old_2029-01-01T000000Z.txt")
        let touched = try store.saveText("x", to: .output, name: "touched_2029-01-01T000000Z.txt")
        try FileManager.default.setAttributes([.modificationDate: Self.now.addingTimeInterval(-40 * 86_400)], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: Self.now.addingTimeInterval(-3600)], ofItemAtPath: touched.path)
        #expect(store.removeExpiredFiles(keepDays: 30, now: Self.now) == ["output/old_2029-01-01T000000Z.txt"])
        #expect(store.removeExpiredFiles(keepDays: 30, now: Self.now) == [])
    }
}
