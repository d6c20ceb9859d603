import Foundation
import RunbookTesting
import Runbook
import Testing

/// Output transactions against `kill -9`: a real process (`runbook-tx-crash-helper`) writes three
/// files in one transaction and is killed with SIGKILL at 20 steps chosen by a seeded generator
/// (while rows are written, after a file is staged, before and after the journal, between the
/// renames, …) and at every step of the commit; the next run's recovery then leaves all three files or none, and no leftovers.
@Suite struct OutputTransactionCrashTests {
    /// SplitMix64: the same kill points on every run of the test.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let names = ["part-1.csv", "part-2.csv", "part-3.csv"]

    /// The helper executable, built beside the test bundle.
    static func helper() throws -> URL {
        try BuiltExecutable.url(named: "runbook-tx-crash-helper")
    }

    /// Runs the helper to its end (or its death) without blocking a thread of the cooperative pool.
    static func runHelper(root: URL, killAt: Int) async throws -> (reason: Process.TerminationReason, status: Int32, output: String) {
        let process = Process()
        process.executableURL = try helper()
        process.arguments = [root.path, String(killAt)]
        let pipe = Pipe()
        process.standardOutput = pipe
        let ended: Void = await withCheckedContinuation { continuation in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume() }
        }
        _ = ended
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationReason, process.terminationStatus, output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func makeRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-txcrash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    @Test func aKilledTransactionIsFinishedOrRolledBackByTheNextRun() async throws {
        let reference = try Self.makeRoot()
        defer { try? FileManager.default.removeItem(at: reference) }
        let full = try await Self.runHelper(root: reference, killAt: 0)
        #expect(full.reason == .exit && full.status == 0)
        let totalSteps = try #require(Int(full.output))
        let expected = try Self.names.map { try Data(contentsOf: reference.appendingPathComponent("output/" + $0)) }
        #expect(totalSteps > 20)

        var generator = SeededGenerator(state: 20_261_202)
        // 20 seeded random steps, plus every step of the commit itself (the last 8: staging of the last
        // file, journal, three renames, folder flush, journal removal), where all-or-nothing is hardest.
        var killPoints = Set((totalSteps - 7)...totalSteps)
        var random = Set<Int>()
        while random.count < 20 { random.insert(Int.random(in: 1...totalSteps, using: &generator)) }
        killPoints.formUnion(random)
        var outcomes: [String: Int] = [:]
        for killAt in killPoints.sorted() {
            let root = try Self.makeRoot()
            defer { try? FileManager.default.removeItem(at: root) }
            let run = try await Self.runHelper(root: root, killAt: killAt)
            #expect(run.reason == .uncaughtSignal && run.status == SIGKILL, "step \(killAt): killed")
            // The next run, as the runner starts it.
            let store = OutputStore(root: root, clock: SystemClock())
            store.recoverInterruptedTransactions()
            store.removeStaleTemporaryFiles()
            let present = OutputTransactionTests.files(root, "output")
            #expect(OutputTransactionTests.files(root, "tmp") == [], "step \(killAt): no journal left")
            if present.isEmpty {
                outcomes["none", default: 0] += 1
            } else {
                #expect(present == Self.names, "step \(killAt): all or nothing, no temporary file")
                for (name, data) in zip(Self.names, expected) {
                    #expect(FileManager.default.contents(atPath: root.appendingPathComponent("output/" + name).path) == data,
                            "step \(killAt): \(name) complete")
                }
                outcomes["all", default: 0] += 1
            }
        }
        #expect(outcomes["none", default: 0] > 0 && outcomes["all", default: 0] > 0, "\(outcomes): both sides of the commit point")
    }
}
